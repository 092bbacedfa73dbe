// The scorecard's arithmetic on a test-local card, every figure worked out by hand: linear items,
// bands, targets (higher and lower better, proportional or nothing), deductions floored at the
// item, the category or the total, weekly averages, and the coefficient or grade the score sets.
import { describe, expect, it } from 'vitest';
import { finishScore, scoreItem, scoreOnce } from '../../scripts/engine/score-card.ts';
import { compileCatalogue } from '../../scripts/engine/metric-catalogue.ts';
import { loadPolicySet, type PolicySource } from '../../scripts/policy/load-policies.ts';
import { policiesInForce } from '../../scripts/policy/model.ts';
import { renderText, type Text } from '../../scripts/i18n/explain-messages.ts';

/** An explanation as staff read it (the engine keeps it as data). */
const zh = (t: Text | undefined) => (t ? renderText(t, 'zh') : '');

const METRICS: PolicySource = {
  file: 'card/metrics.yaml',
  text: `kind: metrics
id: metric_catalogue
title: 指标目录
version: 1
effective_from: 2024-01-01
metrics:
  - { id: x, label: 产出, unit: count, direction: higher_better, headers: [产出] }
  - { id: resp, label: 响应秒数, unit: count, direction: lower_better, headers: [响应] }
events:
  - { id: complaint, label: 投诉, fault: true }
  - { id: err, label: 差错, fault: true }
`,
};

function card(effect: string): PolicySource {
  return {
    file: 'card/scorecard.yaml',
    text: `kind: scorecard
id: card
title: 考核表
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
total: 100
categories:
  - id: a
    title: 甲
    weight: 40
    items:
      - { id: lin, title: 线性, points: 20, scoring: { type: linear, metric: x, zero_at: 10, full_at: 20 } }
      - id: band
        title: 分档
        points: 10
        scoring: { type: bands, metric: x, bands: [{ from: 0, to: 10, points: 2 }, { from: 10, to: 15, points: 5 }, { from: 15, points: 8 }] }
      - { id: tgt, title: 目标, points: 10, scoring: { type: target, metric: x, target: 20, partial: proportional } }
  - id: b
    title: 乙
    weight: 30
    items:
      - { id: low, title: 越低越好, points: 10, scoring: { type: target, metric: resp, target: 30, partial: proportional } }
      - { id: none, title: 不达标不得分, points: 10, scoring: { type: target, metric: x, target: 20, partial: none } }
      - { id: ded, title: 类别扣分, points: 10, scoring: { type: deduction, event: complaint, points_per_event: 6, deduct_from: category, floor: 2 } }
  - id: c
    title: 丙
    weight: 30
    items:
      - { id: ditem, title: 本项扣分, points: 15, scoring: { type: deduction, event: err, points_per_event: 5, deduct_from: item, floor: 3 } }
      - { id: dtotal, title: 总分扣分, points: 15, scoring: { type: deduction, event: complaint, points_per_event: 3, deduct_from: total, floor: 10 } }
${effect}`,
  };
}

const COEFFICIENT = 'effect: { type: coefficient, min_coefficient: 0.2, max_coefficient: 0.9 }\n';
const GRADES = `effect:
  type: grades
  grades:
    - { grade: A, min_score: 80, coefficient: 1.2 }
    - { grade: B, min_score: 36.5, coefficient: 1 }
    - { grade: C, min_score: 20, coefficient: 0.5 }
    - { grade: D, min_score: 0, coefficient: 0.1 }
`;

function load(effect: string) {
  const { set, problems } = loadPolicySet([METRICS, card(effect)]);
  expect(problems).toEqual([]);
  const inForce = policiesInForce(set, '2026-10-01');
  return { policy: inForce.scorecards[0]!, cat: compileCatalogue(inForce.metrics) };
}

const { policy, cat } = load(COEFFICIENT);
const item = (id: string) => policy.data.categories.flatMap((c) => c.items).find((i) => i.id === id)!;
const pts = (id: string, values: Record<string, number>, events: Record<string, number> = {}) => scoreItem(item(id), values, events, cat).points;

describe('items', () => {
  it('scores linearly between zero_at and full_at, and not beyond either end', () => {
    expect(pts('lin', { x: 15 })).toBe(10); // (15 − 10) / 10 × 20
    expect(pts('lin', { x: 12 })).toBeCloseTo(4, 10);
    expect(pts('lin', { x: 10 })).toBe(0);
    expect(pts('lin', { x: 5 })).toBe(0);
    expect(pts('lin', { x: 25 })).toBe(20);
    expect(pts('lin', {})).toBe(0); // a missing value counts as 0
  });

  it('picks the band whose [from, to) holds the value', () => {
    expect(pts('band', { x: 9.99 })).toBe(2);
    expect(pts('band', { x: 10 })).toBe(5);
    expect(pts('band', { x: 14.999 })).toBe(5);
    expect(pts('band', { x: 15 })).toBe(8);
    expect(pts('band', { x: 1e6 })).toBe(8);
    expect(pts('band', { x: -1 })).toBe(0); // outside every band
  });

  it('gives full points at the target and a proportional share below it', () => {
    expect(pts('tgt', { x: 20 })).toBe(10);
    expect(pts('tgt', { x: 30 })).toBe(10);
    expect(pts('tgt', { x: 15 })).toBe(7.5);
    expect(pts('none', { x: 20 })).toBe(10);
    expect(pts('none', { x: 19.9 })).toBe(0);
  });

  it('turns a lower-is-better target around: target ÷ value above the target', () => {
    expect(pts('low', { resp: 30 })).toBe(10);
    expect(pts('low', { resp: 10 })).toBe(10);
    expect(pts('low', { resp: 60 })).toBe(5); // 30 / 60
    expect(pts('low', { resp: 40 })).toBe(7.5);
    expect(pts('low', { resp: 0 })).toBe(10);
  });

  it('deducts per event: floored at the item when it deducts from the item, else free to go below zero', () => {
    expect(pts('ditem', {}, { err: 2 })).toBe(5); // 15 − 2 × 5
    expect(pts('ditem', {}, { err: 5 })).toBe(3); // 15 − 25 = −10 → item floor 3
    expect(pts('ded', {}, { complaint: 3 })).toBe(-8); // 10 − 18: the category is floored instead
    expect(pts('dtotal', {}, { complaint: 20 })).toBe(-45);
    expect(pts('dtotal', {}, {})).toBe(15);
  });

  it('explains each item in words with its figures', () => {
    expect(zh(scoreItem(item('lin'), { x: 15 }, {}, cat).explain)).toBe('产出 15:10 得 0 分,20 得满分,线性计分');
    expect(zh(scoreItem(item('ditem'), {}, { err: 2 }, cat).explain)).toBe('差错 2 次,每次扣 5 分(本项最低 3 分)');
    expect(scoreItem(item('lin'), { x: 15 }, {}, cat, true)).toEqual({ points: 10 });
  });
});

describe('a whole card', () => {
  // x 15, resp 60, 3 complaints, 5 errors:
  //   a: lin 10 + band 8 + tgt 7.5 = 25.5
  //   b: low 5 + none 0 + ded (10 − 18 = −8) = −3 → category floor 2
  //   c: ditem 3 (floor) + dtotal (15 − 9 = 6) = 9
  //   total 25.5 + 2 + 9 = 36.5 (total floor 10 not reached)
  const values = { x: 15, resp: 60 };
  const events = { complaint: 3, err: 5 };

  it('sums the categories, each floored where a deduction says so', () => {
    const r = scoreOnce(policy.data, values, events, cat);
    expect(r.score).toBe(36.5);
    expect(r.items.map((i) => [i.category, i.item, i.points, i.max])).toEqual([
      ['a', 'lin', 10, 20], ['a', 'band', 8, 10], ['a', 'tgt', 7.5, 10],
      ['b', 'low', 5, 10], ['b', 'none', 0, 10], ['b', 'ded', -8, 10],
      ['c', 'ditem', 3, 15], ['c', 'dtotal', 6, 15],
    ]);
  });

  it('floors the total where a deduction from the total says so', () => {
    // 20 complaints: b = 5 + 0 − 110 → 2; c = 3 + (15 − 60) = −42; 25.5 + 2 − 42 = −14.5 → total floor 10.
    expect(scoreOnce(policy.data, values, { complaint: 20, err: 5 }, cat).score).toBe(10);
    // 12 complaints: c = 3 + (15 − 36) = −18; 25.5 + 2 − 18 = 9.5 → 10.
    expect(scoreOnce(policy.data, values, { complaint: 12, err: 5 }, cat).score).toBe(10);
    // 11 complaints: c = 3 − 18 = −15; 25.5 + 2 − 15 = 12.5: above the floor.
    expect(scoreOnce(policy.data, values, { complaint: 11, err: 5 }, cat).score).toBe(12.5);
  });

  it('sets the coefficient to score ÷ total within the card\'s bounds, and reports the floored categories', () => {
    const r = finishScore(policy, [scoreOnce(policy.data, values, events, cat)]);
    expect(r.score).toBe(36.5);
    expect(r.total).toBe(100);
    expect(r.coefficient).toBe(0.365);
    expect(r.grade).toBeUndefined();
    expect(r.categories).toEqual([
      { id: 'a', title: '甲', weight: 40, points: 25.5 },
      { id: 'b', title: '乙', weight: 30, points: 2 },
      { id: 'c', title: '丙', weight: 30, points: 9 },
    ]);
    // The best this card gives is 98 (the bands top out at 8 of 10): 0.98, capped at 0.9.
    // A score of 10 is 0.1: raised to 0.2.
    const full = finishScore(policy, [scoreOnce(policy.data, { x: 20, resp: 1 }, {}, cat)]);
    expect(full.score).toBe(98);
    expect(full.coefficient).toBe(0.9);
    expect(finishScore(policy, [scoreOnce(policy.data, values, { complaint: 20, err: 5 }, cat)]).coefficient).toBe(0.2);
  });

  it('averages weekly runs item by item and rounds to hundredths', () => {
    // Week 1 x 15 → 36.5 (as above); week 2 x 12: lin 4, band 5, tgt 6, none 0 → a 15; b 2; c 9 → 26.
    // Week 3 x 10: lin 0, band 5, tgt 5 → a 10; total 21. Mean (36.5 + 26 + 21) / 3 = 27.8333… → 27.83.
    const runs = [15, 12, 10].map((x) => scoreOnce(policy.data, { x, resp: 60 }, events, cat));
    const r = finishScore(policy, runs);
    expect(r.score).toBe(27.83);
    expect(r.coefficient).toBeCloseTo(0.278333, 6);
    // lin (10 + 4 + 0) / 3 = 4.666… → 4.67; tgt (7.5 + 6 + 5) / 3 = 6.1666… → 6.17.
    expect(r.items.find((i) => i.item === 'lin')!.points).toBe(4.67);
    expect(r.items.find((i) => i.item === 'tgt')!.points).toBe(6.17);
    expect(zh(r.items.find((i) => i.item === 'lin')!.explain)).toBe('3 周平均;最近一周:产出 10:10 得 0 分,20 得满分,线性计分');
    // band (8 + 5 + 5) / 3 = 6; category a = 4.67 + 6 + 6.17 (the rounded items summed).
    expect(r.categories.find((c) => c.id === 'a')!.points).toBe(16.84);
  });
});

describe('grades', () => {
  const graded = load(GRADES);
  const finish = (values: Record<string, number>, events: Record<string, number>) => finishScore(graded.policy, [scoreOnce(graded.policy.data, values, events, graded.cat)]);

  it('gives the highest grade whose minimum the score reaches, minimum included', () => {
    expect(finish({ x: 15, resp: 60 }, { complaint: 3, err: 5 })).toMatchObject({ score: 36.5, grade: 'B', coefficient: 1 });
    expect(finish({ x: 20, resp: 1 }, {})).toMatchObject({ score: 98, grade: 'A', coefficient: 1.2 });
    // 11 complaints: 12.5 → the floor grade D (a card must have one: grades_no_floor).
    expect(finish({ x: 15, resp: 60 }, { complaint: 11, err: 5 })).toMatchObject({ score: 12.5, grade: 'D', coefficient: 0.1 });
    // x 12 (week 2 above): 26 → C.
    expect(finish({ x: 12, resp: 60 }, { complaint: 3, err: 5 })).toMatchObject({ score: 26, grade: 'C', coefficient: 0.5 });
  });
});
