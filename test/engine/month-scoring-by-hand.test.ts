// How buildMonth scores a person, worked out by hand on a test-local card: a weekly card scores each
// week on that week's row and that week's events and averages them; a monthly card reads the month
// rolled up; a team- or shop-scoped card reads the team's or shop's Σ; a card or points policy
// covers only the people its applies_to names.
import { describe, expect, it } from 'vitest';
import { buildMonth, indexHistory } from '../../scripts/engine/month-state.ts';
import { compileCatalogue } from '../../scripts/engine/metric-catalogue.ts';
import { policiesInForce } from '../../scripts/policy/model.ts';
import type { PolicySource } from '../../scripts/policy/load-policies.ts';
import type { History } from '../../scripts/history/types.ts';
import { agent, event, history, metrics } from './fixtures.ts';
import { MINI_POINTS, miniLadder, miniSet } from './mini-policies.ts';

const M = '2026-10';

/** Sales 0 → 0 … 100 → 90 points, and 10 points less 5 a complaint (not below 0). */
function card(header: string): PolicySource {
  return {
    file: 'mini/scorecard.yaml',
    text: `kind: scorecard
id: card
title: 考核表
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
${header}total: 100
categories:
  - id: all
    title: 全部
    weight: 100
    items:
      - { id: sales, title: 销售额, points: 90, scoring: { type: linear, metric: sales, zero_at: 0, full_at: 100 } }
      - { id: complaints, title: 投诉, points: 10, scoring: { type: deduction, event: complaint, points_per_event: 5, deduct_from: item, floor: 0 } }
effect: { type: coefficient, min_coefficient: 0, max_coefficient: 1 }
`,
  };
}

function scores(header: string, h: History, ...extra: PolicySource[]) {
  const set = miniSet(miniLadder([]), card(header), ...extra);
  const inForce = policiesInForce(set, `${M}-01`);
  const { people } = buildMonth(h.agents, M, inForce, compileCatalogue(inForce.metrics), indexHistory(h), false);
  return Object.fromEntries(people.map((p) => [p.agent.id, p.score?.score]));
}

describe('weekly and monthly cards', () => {
  // W41 is 5–11 October, W42 12–18 October. Complaints on 1 October (week 40) and 6 October (W41).
  const h = history({
    agents: [agent('A')],
    metrics: [metrics('A', '2026-W41', { sales: 50 }), metrics('A', '2026-W42', { sales: 100 })],
    // A complaint on 13 October (W42) found not to be A's fault counts in no week.
    events: [event('A', '2026-10-01', 'complaint'), event('A', '2026-10-06', 'complaint'), { ...event('A', '2026-10-13', 'complaint'), not_at_fault: true }],
  });

  it('scores a weekly card week by week on each week\'s events and averages the weeks', () => {
    // W41: 45 + (10 − 5) = 50; W42: 90 + 10 = 100 (the 1 October complaint is in neither week). Mean 75.
    expect(scores('cadence: weekly\n', h)).toEqual({ A: 75 });
  });

  it('scores a monthly card once on the month rolled up, with every complaint of the month', () => {
    // Sales 150 → 90 (capped); 2 complaints → 0. 90.
    expect(scores('cadence: monthly\n', h)).toEqual({ A: 90 });
  });

  it('scores a weekly card once when the person has a month row', () => {
    const monthly = history({ ...h, metrics: [metrics('A', M, { sales: 50 })] });
    // 45 + 0 (two complaints) = 45.
    expect(scores('cadence: weekly\n', monthly)).toEqual({ A: 45 });
  });
});

describe('cards scoped to the team or the shop', () => {
  const h = history({
    agents: [agent('A', { team: 't1', shop: 's1' }), agent('B', { team: 't1', shop: 's1' }), agent('C', { team: 't2', shop: 's1' })],
    metrics: [metrics('A', M, { sales: 10 }), metrics('B', M, { sales: 20 }), metrics('C', M, { sales: 40 })],
    events: [event('C', '2026-10-02', 'complaint')],
  });

  it('scores each person on their own figures by default', () => {
    // A 9 + 10; B 18 + 10; C 36 + 5.
    expect(scores('', h)).toEqual({ A: 19, B: 28, C: 41 });
  });

  it('scores everyone on the team\'s Σ with a team card, weekly or not', () => {
    // t1: sales 30 → 27 + 10; t2: 40 → 36 + 5.
    expect(scores('scope: team\n', h)).toEqual({ A: 37, B: 37, C: 41 });
    expect(scores('scope: team\ncadence: weekly\n', h)).toEqual({ A: 37, B: 37, C: 41 });
  });

  it('scores a weekly team card on the team\'s month, not on each member\'s weeks', () => {
    const weeks = history({
      agents: h.agents,
      metrics: [metrics('A', '2026-W41', { sales: 10 }), metrics('A', '2026-W42', { sales: 10 }), metrics('B', '2026-W41', { sales: 20 })],
    });
    // t1: sales 40 → 36 + 10 = 46 for A and B (A's own weeks would give 9 + 10 = 19); t2 has no rows: 0 + 10.
    expect(scores('scope: team\ncadence: weekly\n', weeks)).toEqual({ A: 46, B: 46, C: 10 });
  });

  it('scores everyone on the shop\'s Σ with a shop card', () => {
    // s1: sales 70 → 63; one complaint → 5.
    expect(scores('scope: shop\n', h)).toEqual({ A: 68, B: 68, C: 68 });
  });
});

describe('a person without events', () => {
  it('has no events and no counts', () => {
    const set = miniSet(miniLadder([]));
    const inForce = policiesInForce(set, `${M}-01`);
    const h = history({ agents: [agent('A')], metrics: [metrics('A', M, { sales: 1 })] });
    const [pm] = buildMonth(h.agents, M, inForce, compileCatalogue(inForce.metrics), indexHistory(h), false).people;
    expect([pm!.events, pm!.eventCounts, pm!.fault]).toEqual([[], {}, false]);
  });
});

describe('who a card and a points policy cover', () => {
  it('scores and counts points only for the people applies_to names', () => {
    const h = history({ agents: [agent('A', { team: 't1' }), agent('B', { team: 't2' })], metrics: [metrics('A', M, { sales: 10 }), metrics('B', M, { sales: 20 })], events: [event('B', '2026-10-03', 'named_praise', 2)] });
    expect(scores('applies_to: { teams: [t2] }\n', h)).toEqual({ A: undefined, B: 28 });
    const set = miniSet(miniLadder([]), { ...MINI_POINTS, text: MINI_POINTS.text.replace('rounding:', 'applies_to: { teams: [t2] }\nrounding:') });
    const inForce = policiesInForce(set, `${M}-01`);
    const { people } = buildMonth(h.agents, M, inForce, compileCatalogue(inForce.metrics), indexHistory(h), false);
    expect(people.map((p) => [p.agent.id, p.points, p.score])).toEqual([['A', undefined, undefined], ['B', 2, undefined]]);
  });
});

describe('how much of a score a month keeps', () => {
  const h = history({ agents: [agent('A')], metrics: [metrics('A', '2026-W41', { sales: 50 }), metrics('A', '2026-W42', { sales: 100 })], events: [event('A', '2026-10-06', 'complaint')] });
  const scoreOf = (lean: Parameters<typeof buildMonth>[5]) => {
    const set = miniSet(miniLadder([]), card('cadence: weekly\n'));
    const inForce = policiesInForce(set, `${M}-01`);
    return buildMonth(h.agents, M, inForce, compileCatalogue(inForce.metrics), indexHistory(h), lean).people[0]!.score!;
  };

  it('keeps items with explanations by default, items alone when lean, and the figures alone for months nobody reads', () => {
    const full = scoreOf(false);
    expect(full.items.map((i) => [i.item, i.points, 'explain' in i])).toEqual([['sales', 67.5, true], ['complaints', 7.5, true]]);
    expect(full.categories.map((c) => c.points)).toEqual([75]);
    expect(scoreOf('full')).toEqual(full);
    const lean = scoreOf('lean');
    expect(lean.items.map((i) => [i.item, i.points, 'explain' in i])).toEqual([['sales', 67.5, false], ['complaints', 7.5, false]]);
    expect(lean.categories).toEqual(full.categories);
    // `true`: the months whose payslips nobody reads (the comparison, explain's other months).
    expect(scoreOf(true)).toEqual({ ...full, items: [], categories: [] });
    expect(scoreOf('figures')).toEqual(scoreOf(true));
  });
});
