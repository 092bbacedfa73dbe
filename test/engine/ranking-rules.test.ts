// Ranking into classes by hand: class sizes from shares (half up, the bottom class keeps someone),
// who is ranked (data this period, still employed), values averaged over a quarter, elimination
// review after consecutive bottom periods, the honour roll, and a lower-is-better metric.
import { describe, expect, it } from 'vitest';
import { classBounds } from '../../scripts/engine/rankings.ts';
import { replay } from '../../scripts/engine/replay.ts';
import { loadPolicySet, type PolicySource } from '../../scripts/policy/load-policies.ts';
import { agent, history, metrics } from './fixtures.ts';
import { MINI_METRICS, miniLadder, miniSet } from './mini-policies.ts';

describe('classBounds', () => {
  it('cuts classes at the cumulative share of the group, rounded half up', () => {
    expect(classBounds([0.2, 0.6, 0.2], 10)).toEqual([2, 8, 10]);
    // 4 people: 0.8 → 1, 3.2 → 3.
    expect(classBounds([0.2, 0.6, 0.2], 4)).toEqual([1, 3, 4]);
    // 3 people: 0.6 → 1, 2.4 → 2.
    expect(classBounds([0.2, 0.6, 0.2], 3)).toEqual([1, 2, 3]);
    // Exactly half rounds up: 0.25 × 6 = 1.5 → 2; 0.25 × 2 = 0.5 → 1.
    expect(classBounds([0.25, 0.75], 6)).toEqual([2, 6]);
    expect(classBounds([0.25, 0.75], 2)).toEqual([1, 2]);
  });

  it('keeps one person in the bottom class from 3 people up, not below', () => {
    // 0.9 × 3 = 2.7 → 3 would leave the bottom class empty: 2.
    expect(classBounds([0.9, 0.1], 3)).toEqual([2, 3]);
    expect(classBounds([0.9, 0.1], 2)).toEqual([2, 2]);
    expect(classBounds([0.2, 0.6, 0.2], 2)).toEqual([0, 2, 2]);
    expect(classBounds([1], 5)).toEqual([5]);
  });
});

function ranking(over: { cadence?: string; metric?: string; extra?: string } = {}): PolicySource {
  return {
    file: 'mini/ranking.yaml',
    text: `kind: ranking
id: sales_ranking
title: 销售排名
version: 1
effective_from: 2024-01-01
metric: ${over.metric ?? 'sales'}
cadence: ${over.cadence ?? 'monthly'}
group: shop
classes:
  - { id: top, title: 尖子班, share: 0.2 }
  - { id: regular, title: 普通班, share: 0.6 }
  - { id: improve, title: 提升班, share: 0.2 }
elimination: { class: improve, consecutive_periods: 2 }
honour_roll: { top: 2, publish: true }
${over.extra ?? ''}`,
  };
}

const mini = (id: string, over = {}) => agent(id, { shop: 'mini_shop', team: 'mini_team', position: 'agent', grade: 'P1', ...over });
const rows = (month: string, sales: Record<string, number>) => Object.entries(sales).map(([id, s]) => metrics(id, month, { inquiries: 10, paying_buyers: 5, sales: s }));

describe('a monthly ranking', () => {
  // Five people each month; E is last in September and October, D last in August.
  const h = history({
    agents: ['A', 'B', 'C', 'D', 'E'].map((id) => mini(id)).concat([mini('NODATA'), mini('GONE', { left: '2026-09-30' })]),
    metrics: [
      ...rows('2026-08', { A: 500, B: 400, C: 300, D: 100, E: 200, GONE: 900 }),
      ...rows('2026-09', { A: 500, B: 400, C: 300, D: 200, E: 100, GONE: 900 }),
      ...rows('2026-10', { A: 400, B: 500, C: 300, D: 200, E: 100 }),
    ],
  });
  // Computed inside each test: a mutant is active only while a test runs, not while the file is collected.
  const run = () => replay(miniSet(miniLadder([]), ranking()), h, { from: '2026-09', to: '2026-10' });
  const at = (r: ReturnType<typeof run>, month: string) => r.rankings.filter((e) => e.month === month).map((e) => [e.agent, e.rank, e.of, e.class, e.flags.elimination_review, e.flags.honour_roll]);

  it('ranks the people with data, 1 top, 3 regular, 1 improve of 6, with the honour roll for the first two', () => {
    const r = run();
    // September: GONE is still employed (left on the 30th) and first; NODATA has no row and is not ranked.
    // 6 people: 0.2 × 6 = 1.2 → 1; 0.8 × 6 = 4.8 → 5.
    expect(at(r, '2026-09')).toEqual([
      ['A', 2, 6, 'regular', false, true],
      ['B', 3, 6, 'regular', false, false],
      ['C', 4, 6, 'regular', false, false],
      ['D', 5, 6, 'regular', false, false],
      ['E', 6, 6, 'improve', false, false],
      ['GONE', 1, 6, 'top', false, true],
    ]);
  });

  it('flags elimination review in the second consecutive period in the bottom class, counted from before the window', () => {
    const r = run();
    // 5 people in October: 0.2 × 5 = 1 → 1; 0.8 × 5 = 4. E bottom in September and October.
    expect(at(r, '2026-10')).toEqual([
      ['A', 2, 5, 'regular', false, true],
      ['B', 1, 5, 'top', false, true],
      ['C', 3, 5, 'regular', false, false],
      ['D', 4, 5, 'regular', false, false],
      ['E', 5, 5, 'improve', true, false],
    ]);
    // D was bottom in August (before the window), not since: no review.
  });

  it('records the value ranked and the class title', () => {
    const r = run();
    const e = r.rankings.find((x) => x.month === '2026-10' && x.agent === 'E')!;
    expect(e).toMatchObject({ ranking: 'sales_ranking', period: '2026-10', group: 'mini_shop', value: 100, class_title: '提升班' });
  });
});

describe('a quarterly ranking', () => {
  it('ranks once, at the quarter end, on the mean of the months with data', () => {
    const h = history({
      agents: ['A', 'B', 'C'].map((id) => mini(id)),
      metrics: [
        ...rows('2026-07', { A: 100, B: 300, C: 200 }),
        ...rows('2026-08', { A: 500, B: 300 }), // C has no August row: C's mean is over 2 months
        ...rows('2026-09', { A: 300, B: 300, C: 250 }),
      ],
    });
    const r = replay(miniSet(miniLadder([]), ranking({ cadence: 'quarterly' })), h, { from: '2026-07', to: '2026-09' });
    // A (100 + 500 + 300) / 3 = 300; B 300; C (200 + 250) / 2 = 225. A and B tie: by id.
    expect(r.rankings.map((e) => [e.agent, e.period, e.month, e.rank, e.value, e.class])).toEqual([
      ['A', '2026-Q3', '2026-09', 1, 300, 'top'],
      ['B', '2026-Q3', '2026-09', 2, 300, 'regular'],
      ['C', '2026-Q3', '2026-09', 3, 225, 'improve'],
    ]);
  });
});

describe('a lower-is-better metric', () => {
  it('ranks the smallest value first', () => {
    const SPEED = `  - { id: resp, label: 响应秒数, unit: count, direction: lower_better, headers: [响应秒数] }\n`;
    const h = history({
      agents: ['A', 'B', 'C'].map((id) => mini(id)),
      metrics: [metrics('A', '2026-10', { resp: 30 }), metrics('B', '2026-10', { resp: 10 }), metrics('C', '2026-10', { resp: 20 })],
    });
    const withResp = miniSetWithMetric(SPEED, ranking({ metric: 'resp' }));
    const r = replay(withResp, h, { from: '2026-10', to: '2026-10' });
    expect(r.rankings.map((e) => [e.agent, e.rank, e.class])).toEqual([
      ['A', 3, 'improve'],
      ['B', 1, 'top'],
      ['C', 2, 'regular'],
    ]);
  });
});

function miniSetWithMetric(line: string, ...extra: PolicySource[]) {
  const { set, problems } = loadPolicySet([{ ...MINI_METRICS, text: MINI_METRICS.text.replace('events:\n', `${line}events:\n`) }, miniLadder([]), ...extra]);
  if (problems.length) throw new Error(JSON.stringify(problems, null, 2));
  return set;
}
