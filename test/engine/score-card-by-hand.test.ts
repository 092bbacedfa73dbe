// The scorecard at its edges, every figure worked out by hand (score-card-rules covers the main
// arithmetic): a linear item whose zero and full points coincide, a target of zero, a lower-is-better
// target below zero, each item's explanation as data (band, outcome, units), a monthly card's items
// explained as they are, lean weekly runs, grade bands, and the rule pointer.
import { describe, expect, it } from 'vitest';
import { finishScore, scoreItem, scoreOnce } from '../../scripts/engine/score-card.ts';
import { compileCatalogue } from '../../scripts/engine/metric-catalogue.ts';
import { loadPolicySet, type PolicySource } from '../../scripts/policy/load-policies.ts';
import { policiesInForce } from '../../scripts/policy/model.ts';

const METRICS: PolicySource = {
  file: 'card/metrics.yaml',
  text: `kind: metrics
id: metric_catalogue
title: 指标目录
version: 1
effective_from: 2024-01-01
metrics:
  - { id: x, label: 产出, unit: cny, direction: higher_better, headers: [产出] }
  - { id: temp, label: 温度, unit: count, direction: lower_better, headers: [温度] }
events:
  - { id: complaint, label: 投诉, fault: true }
`,
};

const CARD: PolicySource = {
  file: 'card/scorecard.yaml',
  text: `kind: scorecard
id: card
title: 考核表
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
total: 50
categories:
  - id: a
    title: 甲
    weight: 50
    items:
      - { id: step, title: 一步到位, points: 10, scoring: { type: linear, metric: x, zero_at: 5, full_at: 5 } }
      - { id: zero, title: 零目标, points: 10, scoring: { type: target, metric: x, target: 0, partial: proportional } }
      - { id: cold, title: 零下目标, points: 10, scoring: { type: target, metric: temp, target: -10, partial: proportional } }
      - id: band
        title: 分档
        points: 10
        scoring: { type: bands, metric: x, bands: [{ from: 0, to: 5, points: 4 }, { from: 5, points: 12 }] }
      - { id: ded, title: 扣分, points: 10, scoring: { type: deduction, event: complaint, points_per_event: 4, deduct_from: total, floor: 0 } }
effect:
  type: grades
  grades:
    - { grade: A, min_score: 40, coefficient: 1.1 }
    - { grade: B, min_score: 20, coefficient: 0.8 }
    - { grade: C, min_score: 10, coefficient: 0.5 }
    - { grade: D, min_score: 0, coefficient: 0.1 }
`,
};

function load() {
  const { set, problems } = loadPolicySet([METRICS, CARD]);
  expect(problems).toEqual([]);
  const inForce = policiesInForce(set, '2026-10-01');
  const policy = inForce.scorecards[0]!;
  const item = (id: string) => policy.data.categories[0]!.items.find((i) => i.id === id)!;
  return { policy, item, cat: compileCatalogue(inForce.metrics) };
}

describe('items at their edges', () => {
  it('gives a linear item whose zero and full points coincide all or nothing', () => {
    const { item, cat } = load();
    expect(scoreItem(item('step'), { x: 5 }, {}, cat).points).toBe(10);
    expect(scoreItem(item('step'), { x: 4.99 }, {}, cat).points).toBe(0);
    expect(scoreItem(item('step'), { x: 7 }, {}, cat).points).toBe(10);
  });

  it('counts a target of zero as reached by anything from zero up', () => {
    const { item, cat } = load();
    expect(scoreItem(item('zero'), { x: 0 }, {}, cat).points).toBe(10);
    expect(scoreItem(item('zero'), { x: 3 }, {}, cat).points).toBe(10);
    // Below a zero target a higher-is-better share has nothing to divide by: full points.
    expect(scoreItem(item('zero'), { x: -2 }, {}, cat).points).toBe(10);
  });

  it('gives a lower-is-better target below zero its share, and full points at or under zero', () => {
    const { item, cat } = load();
    expect(scoreItem(item('cold'), { temp: -10 }, {}, cat).points).toBe(10);
    expect(scoreItem(item('cold'), { temp: -20 }, {}, cat).points).toBe(10);
    // −5 is warmer than −10: not reached; a value at or below 0 still counts as full (no share to take).
    expect(scoreItem(item('cold'), { temp: -5 }, {}, cat).points).toBe(10);
    expect(scoreItem(item('cold'), { temp: 0 }, {}, cat).points).toBe(10);
    // 20 above zero: −10 / 20 is below 0 → 0.
    expect(scoreItem(item('cold'), { temp: 20 }, {}, cat).points).toBe(0);
  });

  it('caps a band\'s points at the item\'s points', () => {
    const { item, cat } = load();
    expect(scoreItem(item('band'), { x: 6 }, {}, cat).points).toBe(10);
    expect(scoreItem(item('band'), { x: 1 }, {}, cat).points).toBe(4);
  });
});

describe('explanations as data', () => {
  it('names the band found, with its bounds and units, or none', () => {
    const { item, cat } = load();
    expect(scoreItem(item('band'), { x: 1 }, {}, cat).explain).toEqual({
      code: 'score.bands',
      params: { metric: 'x', label: '产出', value: { value: 1, unit: 'cny' }, band: { from: { value: 0, unit: 'cny' }, to: { value: 5, unit: 'cny' } }, points: 4 },
    });
    expect(scoreItem(item('band'), { x: 6 }, {}, cat).explain).toEqual({
      code: 'score.bands',
      params: { metric: 'x', label: '产出', value: { value: 6, unit: 'cny' }, band: { from: { value: 5, unit: 'cny' } }, points: 12 },
    });
    expect(scoreItem(item('band'), { x: -1 }, {}, cat).explain).toEqual({ code: 'score.bands', params: { metric: 'x', label: '产出', value: { value: -1, unit: 'cny' }, points: 0 } });
  });

  it('says whether a target was reached, missed for nothing, or missed for a share', () => {
    const { item, cat } = load();
    expect(scoreItem(item('cold'), { temp: 20 }, {}, cat).explain).toEqual({
      code: 'score.target',
      params: { metric: 'temp', label: '温度', value: { value: 20, unit: 'count' }, target: { value: -10, unit: 'count' }, outcome: 'partial' },
    });
    expect(scoreItem(item('zero'), { x: 1 }, {}, cat).explain).toMatchObject({ params: { outcome: 'reached' } });
    // Exactly on a lower-is-better target is reached.
    expect(scoreItem(item('cold'), { temp: -10 }, {}, cat).explain).toMatchObject({ params: { outcome: 'reached' } });
    expect(scoreItem(item('cold'), { temp: -9 }, {}, cat).explain).toMatchObject({ params: { outcome: 'partial' } });
    // A target item that pays nothing when missed.
    const none = { ...item('zero'), scoring: { type: 'target' as const, metric: 'x', target: 20, partial: 'none' as const } };
    expect(scoreItem(none, { x: 19 }, {}, cat)).toMatchObject({ points: 0, explain: { params: { outcome: 'none' } } });
    expect(scoreItem(none, { x: 20 }, {}, cat)).toMatchObject({ points: 10, explain: { params: { outcome: 'reached' } } });
  });

  it('explains a linear item and a deduction with their figures, and counts a metric the catalogue lacks in plain units', () => {
    const { item, cat } = load();
    expect(scoreItem(item('step'), {}, {}, cat).explain).toEqual({
      code: 'score.linear',
      params: { metric: 'x', label: '产出', value: { value: 0, unit: 'cny' }, zero_at: { value: 5, unit: 'cny' }, full_at: { value: 5, unit: 'cny' } },
    });
    expect(scoreItem(item('ded'), {}, { complaint: 2 }, cat).explain).toEqual({ code: 'score.deduction', params: { event: 'complaint', label: '投诉', count: 2, points_per_event: 4, from: 'total', floor: 0 } });
    const bare = compileCatalogue(undefined);
    expect(scoreItem(item('step'), {}, { complaint: 1 }, bare).explain).toMatchObject({ params: { label: 'x', value: { value: 0, unit: 'count' } } });
    expect(scoreItem(item('ded'), {}, { complaint: 1 }, bare)).toEqual({ points: 6, explain: { code: 'score.deduction', params: { event: 'complaint', label: 'complaint', count: 1, points_per_event: 4, from: 'total', floor: 0 } } });
  });
});

describe('finishing a card', () => {
  it('gives the highest grade whose minimum the score reaches, and points to the effect', () => {
    const { policy, cat } = load();
    // x 6, temp −20: 10 + 10 + 10 + 10 + 10 = 50 → A.
    const best = finishScore(policy, [scoreOnce(policy.data, { x: 6, temp: -20 }, {}, cat)]);
    expect([best.score, best.grade, best.coefficient]).toEqual([50, 'A', 1.1]);
    expect(best.rule).toMatchObject({ policy: 'card', path: '/effect', anchor: 'scorecard-card' });
    // x 1, temp 20: 0 + 10 + 0 + 4 + 10 = 24 → B; with 2 complaints 16 → C; with 5, 24 − 20 = 4 → D.
    const at = (complaints: number) => finishScore(policy, [scoreOnce(policy.data, { x: 1, temp: 20 }, { complaint: complaints }, cat)]);
    expect([at(0).score, at(0).grade]).toEqual([24, 'B']);
    expect([at(2).score, at(2).grade, at(2).coefficient]).toEqual([16, 'C', 0.5]);
    expect([at(5).score, at(5).grade, at(5).coefficient]).toEqual([4, 'D', 0.1]);
  });

  it('gives no grade and a coefficient of 0 when the score reaches no grade band', () => {
    const { policy, cat } = load();
    const noFloor = { ...policy, data: { ...policy.data, effect: { type: 'grades' as const, grades: [{ grade: 'A', min_score: 40, coefficient: 1.1 }] } } };
    const r = finishScore(noFloor, [scoreOnce(policy.data, { x: 1, temp: 20 }, {}, cat)]);
    expect(r.coefficient).toBe(0);
    expect('grade' in r).toBe(false);
  });

  it('keeps a monthly card\'s item explanations as they are, rounded to hundredths', () => {
    const { policy, cat } = load();
    // temp 30: −10 / 30 → 0; x 5.5: step 10, zero 10, band 10; 1 complaint → ded 6. 36.
    const r = finishScore(policy, [scoreOnce(policy.data, { x: 5.5, temp: 30 }, { complaint: 1 }, cat)]);
    expect(r.items.map((i) => [i.item, i.points, i.explain?.code])).toEqual([
      ['step', 10, 'score.linear'],
      ['zero', 10, 'score.target'],
      ['cold', 0, 'score.target'],
      ['band', 10, 'score.bands'],
      ['ded', 6, 'score.deduction'],
    ]);
    expect(r.categories).toEqual([{ id: 'a', title: '甲', weight: 50, points: 36 }]);
    expect(r.total).toBe(50);
  });

  it('averages lean weekly runs without explanations', () => {
    const { policy, cat } = load();
    // Week 1: x 1, temp 20 → 24; week 2: x 6, temp −20 → 50. Mean 37 → B.
    const runs = [scoreOnce(policy.data, { x: 1, temp: 20 }, {}, cat, true), scoreOnce(policy.data, { x: 6, temp: -20 }, {}, cat, true)];
    const r = finishScore(policy, runs);
    expect([r.score, r.grade]).toEqual([37, 'B']);
    expect(r.items.map((i) => [i.item, i.points, 'explain' in i])).toEqual([
      ['step', 5, false],
      ['zero', 10, false],
      ['cold', 5, false],
      ['band', 7, false],
      ['ded', 10, false],
    ]);
  });

  it('keeps the figures only when asked: the same score, grade and coefficient, no items or categories', () => {
    const { policy, cat } = load();
    const values = { x: 6, temp: -20 };
    const full = finishScore(policy, [scoreOnce(policy.data, values, { complaint: 1 }, cat)]);
    const once = scoreOnce(policy.data, values, { complaint: 1 }, cat, 'figures');
    expect(once.items).toEqual([]);
    const figures = finishScore(policy, [once], true);
    expect(figures).toEqual({ ...full, items: [], categories: [] });
    expect([figures.score, figures.grade, figures.coefficient]).toEqual([full.score, full.grade, full.coefficient]);
    // 'lean' is `true`: items without explanations.
    expect(scoreOnce(policy.data, values, {}, cat, 'lean')).toEqual(scoreOnce(policy.data, values, {}, cat, true));
    expect(scoreOnce(policy.data, values, {}, cat, 'lean').items.some((i) => 'explain' in i)).toBe(false);
    expect(scoreOnce(policy.data, values, {}, cat, 'full').items.every((i) => 'explain' in i)).toBe(true);
  });

  it('sums each category from its own items in either order, and from none when no items are passed', () => {
    const { policy, cat } = load();
    const ded = (id: string, from: 'item' | 'category', floor: number) => ({ id, title: id, points: 5, scoring: { type: 'deduction' as const, event: 'complaint', points_per_event: 4, deduct_from: from, floor } });
    const b = { id: 'b', title: '乙', weight: 10, items: [ded('b1', 'category', 2), ded('b2', 'item', 0)] };
    const c = { id: 'c', title: '丙', weight: 10, items: [ded('c1', 'item', 3)] };
    const cardOf = (categories: (typeof b)[]) => ({ ...policy, data: { ...policy.data, categories } });
    // 1 complaint: b = (5 − 4) + (5 − 4) = 2; c = 1 → floored at 3 by its item.
    const points = (card: ReturnType<typeof cardOf>) => finishScore(card, [scoreOnce(card.data, {}, { complaint: 1 }, cat)]).categories.map((k) => [k.id, k.points]);
    expect(points(cardOf([b, c]))).toEqual([['b', 2], ['c', 3]]);
    expect(points(cardOf([c, b]))).toEqual([['c', 3], ['b', 2]]);
    // A score alone (the site's coefficient table): no item points; a category's own floor still holds.
    expect(finishScore(cardOf([b, c]), [{ score: 40, items: [] }]).categories.map((k) => k.points)).toEqual([2, 0]);
  });

  it('floors the total only when a deduction from the total floors it', () => {
    const { policy, cat } = load();
    // 8 complaints: ded 10 − 32 = −22; x 1, temp 20: 14 − 22 = −8 → floor 0.
    expect(scoreOnce(policy.data, { x: 1, temp: 20 }, { complaint: 8 }, cat).score).toBe(0);
  });

  it('floors a category at the highest floor of its deductions, and the total only by deductions from the total', () => {
    const { policy, cat } = load();
    const ded = (id: string, event: string, per: number, from: 'item' | 'category' | 'total', floor: number) => ({ id, title: id, points: 5, scoring: { type: 'deduction' as const, event, points_per_event: per, deduct_from: from, floor } });
    // Category b: two deductions from the category (floors 2 and 6); category c: an item floored at 5
    // and a deduction from the total (floor 0).
    const card = {
      ...policy,
      data: {
        ...policy.data,
        categories: [
          { id: 'b', title: '乙', weight: 10, items: [ded('c1', 'complaint', 5, 'category', 2), ded('c2', 'complaint', 5, 'category', 6)] },
          { id: 'c', title: '丙', weight: 10, items: [ded('keep', 'err', 1, 'item', 5), ded('t', 'complaint', 10, 'total', 0)] },
        ],
      },
    };
    // 1 complaint: b = 0 + 0 = 0 → floor 6; c = 5 + (5 − 10) = 0; total 6.
    const one = scoreOnce(card.data, {}, { complaint: 1 }, cat);
    expect(one.score).toBe(6);
    expect(finishScore(card, [one]).categories.map((c) => [c.id, c.points])).toEqual([['b', 6], ['c', 0]]);
    // 2 complaints: b = −10 → 6; c = 5 − 15 = −10; total −4 → floored at 0 by the total's deduction (not at the item's 5).
    expect(scoreOnce(card.data, {}, { complaint: 2 }, cat).score).toBe(0);
  });
});
