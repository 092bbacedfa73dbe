// The monthly rules of a ranking policy, worked out by hand on test-local policies: promotion after
// N clean months at a minimum score, a lead's step-down after N months in which the team missed its
// target or ranked last in its shop (targets.csv over the policy default), the monthly standing
// each lead sees, probation keeping a new hire out of the bottom class, and the group and metric a
// ranking reads (team, all, the score).
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { loadPolicySet, type PolicySource } from '../../scripts/policy/load-policies.ts';
import type { MetricRow, TargetRow } from '../../scripts/history/types.ts';
import { agent, event, history, metrics } from './fixtures.ts';
import { MINI_METRICS, miniLadder, miniSet } from './mini-policies.ts';

const RESP_METRICS: PolicySource = {
  ...MINI_METRICS,
  text: MINI_METRICS.text.replace('events:\n', '  - { id: resp, label: 响应秒数, unit: count, direction: lower_better, headers: [响应秒数] }\nevents:\n'),
};

const LEAD_POSITION = `  - id: team_lead
    title: 组长
    level: 2
    grades:
      - { id: L1, base_pay: 5000, performance_base: 0 }
    plans: []
`;

/** Score = sales, 0 … 100 (one linear item of 100 points). */
const SALES_CARD: PolicySource = {
  file: 'mini/scorecard.yaml',
  text: `kind: scorecard
id: card
title: 考核表
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
total: 100
categories:
  - id: all
    title: 全部
    weight: 100
    items:
      - { id: sales, title: 销售额, points: 100, scoring: { type: linear, metric: sales, zero_at: 0, full_at: 100 } }
effect: { type: coefficient, min_coefficient: 0, max_coefficient: 1 }
`,
};

function ranking(body: string, head = 'metric: sales\ncadence: monthly\ngroup: shop\n'): PolicySource {
  return {
    file: 'mini/ranking.yaml',
    text: `kind: ranking
id: r
title: 排名
version: 1
effective_from: 2024-01-01
${head}classes:
  - { id: top, title: 前班, share: 0.5 }
  - { id: bottom, title: 后班, share: 0.5 }
${body}`,
  };
}

const person = (id: string, over = {}) => agent(id, { shop: 's1', team: 't1', position: 'agent', grade: 'P1', ...over });
const lead = (id: string, team: string, shop = 's1') => agent(id, { shop, team, position: 'team_lead', grade: 'L1' });
/** A row with the given conversion (of 100 inquiries) and sales. */
const row = (id: string, month: string, conv: number, sales = 1): MetricRow => metrics(id, month, { inquiries: 100, paying_buyers: Math.round(conv * 100), sales });

describe('promotion', () => {
  const set = () => miniSet(miniLadder([]), SALES_CARD, ranking('promotion: { consecutive_months: 2, min_score: 60 }\n'));
  const h = history({
    agents: [person('A'), person('B'), person('C')],
    metrics: [
      // A: 80, 70, 60 (the minimum counts), 59 → eligible in August and September only.
      row('A', '2026-07', 0.5, 80), row('A', '2026-08', 0.5, 70), row('A', '2026-09', 0.5, 60), row('A', '2026-10', 0.5, 59),
      // B: a complaint in August starts the count again.
      row('B', '2026-07', 0.5, 90), row('B', '2026-08', 0.5, 90), row('B', '2026-09', 0.5, 90), row('B', '2026-10', 0.5, 90),
      // C: no row in August starts the count again; a complaint not C's fault in September does not.
      row('C', '2026-07', 0.5, 80), row('C', '2026-09', 0.5, 80), row('C', '2026-10', 0.5, 80),
    ],
    events: [event('B', '2026-08-12', 'complaint'), { ...event('C', '2026-09-03', 'complaint'), not_at_fault: true }],
  });
  const standings = (from: string) =>
    replay(set(), h, { from, to: '2026-10' }).statuses.map((s) => [s.month, s.agent, s.flags.promotion_eligible, s.flags.step_down, s.clean_months]);

  it('makes a person eligible in the month of the Nth clean month at or above the minimum score, and lists only them', () => {
    expect(standings('2026-07')).toEqual([
      ['2026-08', 'A', true, false, 2],
      ['2026-09', 'A', true, false, 3],
      ['2026-10', 'B', true, false, 2],
      ['2026-10', 'C', true, false, 2],
    ]);
  });

  it('counts clean months from before the window', () => {
    expect(standings('2026-09')).toEqual([
      ['2026-09', 'A', true, false, 3],
      ['2026-10', 'B', true, false, 2],
      ['2026-10', 'C', true, false, 2],
    ]);
  });

  it('puts the flag on the ranking entry of the month too, with the rule that set it', () => {
    const r = replay(set(), h, { from: '2026-09', to: '2026-09' });
    expect(r.rankings.map((e) => [e.agent, e.rank, e.class, e.flags.promotion_eligible, e.flags.step_down])).toEqual([
      ['A', 3, 'bottom', true, false],
      ['B', 1, 'top', false, false],
      ['C', 2, 'top', false, false],
    ]);
    expect(r.statuses[0]!.rule).toMatchObject({ policy: 'r', version: 1, file: 'mini/ranking.yaml', path: '', anchor: 'ranking-r' });
  });
});

describe('team-lead step-down', () => {
  const LADDER = miniLadder([], { positions: LEAD_POSITION });
  // Two teams in shop s1, one in s2; each lead's team has one member with data.
  const agents = [lead('L1', 't1'), person('M1', { team: 't1' }), lead('L2', 't2'), person('M2', { team: 't2' }), lead('L3', 't3', 's2'), person('M3', { team: 't3', shop: 's2' })];
  const conv: Record<string, Record<string, number>> = {
    '2026-06': { M1: 0.6 }, // t2 has no data: t1 alone in its shop is not "last"
    '2026-07': { M1: 0.6, M2: 0.55, M3: 0.3 },
    '2026-08': { M1: 0.4, M2: 0.7, M3: 0.6 },
    '2026-09': { M1: 0.45, M2: 0.7, M3: 0.6 },
    '2026-10': { M1: 0.6, M2: 0.5, M3: 0.6 },
  };
  const rows = Object.entries(conv).flatMap(([m, byId]) => Object.entries(byId).map(([id, c]) => row(id, m, c)));
  const lead1 = (orLast: boolean, months: number, targets: TargetRow[] = []) =>
    replay(
      miniSet(LADDER, ranking(`step_down: { position: team_lead, team_metric: conversion_rate, target: 0.5, consecutive_missed: ${months}, or_last_rank: ${orLast} }\n`)),
      history({ agents, metrics: rows, targets }),
      { from: '2026-06', to: '2026-10' },
    ).statuses;

  it('steps a lead down in the month of the Nth consecutive miss, a miss being below target or last in the shop', () => {
    const s = lead1(true, 2);
    const view = (id: string) => s.filter((x) => x.agent === id).map((x) => [x.month, x.team!.value, x.team!.rank, x.team!.of, x.team!.missed, x.team!.missed_months, x.flags.step_down]);
    // t1: 60 % alone; 60 % first; 40 % below and last; 45 % below and last → 2nd miss; 60 % first.
    expect(view('L1')).toEqual([
      ['2026-06', 0.6, 1, 1, false, 0, false],
      ['2026-07', 0.6, 1, 2, false, 0, false],
      ['2026-08', 0.4, 2, 2, true, 1, false],
      ['2026-09', 0.45, 2, 2, true, 2, true],
      ['2026-10', 0.6, 1, 2, false, 0, false],
    ]);
    // t2: no data in June (no standing); last in July; first twice; exactly on target but last in October.
    expect(view('L2')).toEqual([
      ['2026-07', 0.55, 2, 2, true, 1, false],
      ['2026-08', 0.7, 1, 2, false, 0, false],
      ['2026-09', 0.7, 1, 2, false, 0, false],
      ['2026-10', 0.5, 2, 2, true, 1, false],
    ]);
    // t3 is alone in shop s2: missed only by its target (30 % in July).
    expect(view('L3').map((v) => v.slice(0, 6))).toEqual([
      ['2026-07', 0.3, 1, 1, true, 1],
      ['2026-08', 0.6, 1, 1, false, 0],
      ['2026-09', 0.6, 1, 1, false, 0],
      ['2026-10', 0.6, 1, 1, false, 0],
    ]);
    // Members get no standing (no flag, not a lead).
    expect(s.map((x) => x.agent).filter((a) => a.startsWith('M'))).toEqual([]);
    expect(s.find((x) => x.agent === 'L1' && x.month === '2026-09')!.team).toEqual({
      id: 't1', metric: 'conversion_rate', value: 0.45, target: 0.5, target_source: 'policy', missed: true, rank: 2, of: 2, missed_months: 2,
    });
    expect(s.find((x) => x.agent === 'L1')).not.toHaveProperty('clean_months');
  });

  it('takes a team\'s own target from targets.csv over the policy default, and ignores rank when or_last_rank is off', () => {
    const s = lead1(false, 1, [{ scope: 'team', id: 't1', period: '2026-09', metric: 'conversion_rate', target: 0.4 }]);
    const view = (id: string) => s.filter((x) => x.agent === id).map((x) => [x.month, x.team!.target, x.team!.target_source, x.team!.missed, x.flags.step_down]);
    // t1: 40 % below 50 % in August (step-down after 1); 45 % above its own 40 % in September.
    expect(view('L1')).toEqual([
      ['2026-06', 0.5, 'policy', false, false],
      ['2026-07', 0.5, 'policy', false, false],
      ['2026-08', 0.5, 'policy', true, true],
      ['2026-09', 0.4, 'targets', false, false],
      ['2026-10', 0.5, 'policy', false, false],
    ]);
    // t2: no data in June; last in July and October but never below 50 %: no miss.
    expect(view('L2').map((v) => [v[0], v[3]])).toEqual([['2026-07', false], ['2026-08', false], ['2026-09', false], ['2026-10', false]]);
  });

  it('without any target, steps down only for ranking last', () => {
    const s = replay(
      miniSet(LADDER, ranking('step_down: { position: team_lead, team_metric: conversion_rate, consecutive_missed: 1, or_last_rank: true }\n')),
      history({ agents, metrics: rows }),
      { from: '2026-08', to: '2026-08' },
    ).statuses;
    expect(s.map((x) => [x.agent, x.flags.step_down, x.team])).toEqual([
      ['L1', true, { id: 't1', metric: 'conversion_rate', value: 0.4, missed: true, rank: 2, of: 2, missed_months: 1 }],
      ['L2', false, { id: 't2', metric: 'conversion_rate', value: 0.7, missed: false, rank: 1, of: 2, missed_months: 0 }],
      ['L3', false, { id: 't3', metric: 'conversion_rate', value: 0.6, missed: false, rank: 1, of: 1, missed_months: 0 }],
    ]);
  });

  it('turns rank and target around for a lower-is-better team metric, and breaks ties by team id', () => {
    const { set, problems } = loadPolicySet([RESP_METRICS, LADDER, ranking('step_down: { position: team_lead, team_metric: resp, target: 30, consecutive_missed: 1, or_last_rank: false }\n')]);
    expect(problems).toEqual([]);
    const resp = (m: string, a: number, b: number) => [metrics('M1', m, { resp: a }), metrics('M2', m, { resp: b })];
    const s = replay(set, history({ agents: agents.slice(0, 4), metrics: [...resp('2026-08', 20, 40), ...resp('2026-09', 30, 25), ...resp('2026-10', 25, 25)] }), { from: '2026-08', to: '2026-10' }).statuses;
    expect(s.map((x) => [x.month, x.agent, x.team!.value, x.team!.rank, x.team!.missed])).toEqual([
      ['2026-08', 'L1', 20, 1, false],
      ['2026-08', 'L2', 40, 2, true], // 40 s is over the 30 s target
      ['2026-09', 'L1', 30, 2, false], // exactly on target
      ['2026-09', 'L2', 25, 1, false],
      ['2026-10', 'L1', 25, 1, false], // a tie: t1 before t2
      ['2026-10', 'L2', 25, 2, false],
    ]);
  });

  it('puts the step-down on the lead\'s ranking entry of that month', () => {
    const set = miniSet(LADDER, ranking('step_down: { position: team_lead, team_metric: conversion_rate, target: 0.5, consecutive_missed: 1, or_last_rank: false }\n'));
    // The leads have rows too, so that they are ranked.
    const h = history({ agents: agents.slice(0, 4), metrics: [row('L1', '2026-08', 0.4, 10), row('L2', '2026-08', 0.6, 20), row('M1', '2026-08', 0.4, 30), row('M2', '2026-08', 0.6, 40)] });
    const r = replay(set, h, { from: '2026-08', to: '2026-08' });
    expect(r.rankings.map((e) => [e.agent, e.rank, e.flags.step_down])).toEqual([
      ['L1', 4, true],
      ['L2', 3, false],
      ['M1', 2, false],
      ['M2', 1, false],
    ]);
  });
});

describe('probation and elimination', () => {
  const LADDER = miniLadder([]);
  const set = (probation: number) =>
    miniSet(
      { ...LADDER, text: LADDER.text.replace('    level: 1\n', `    level: 1\n    probation_months: ${probation}\n`) },
      ranking('elimination: { class: bottom, consecutive_periods: 2 }\n'),
    );
  // N hired 2026-08-01: tenure 1 in September, 2 in October, 3 in November.
  const h = history({
    agents: [person('A'), person('B'), person('C'), person('N', { hired: '2026-08-01' })],
    metrics: ['2026-09', '2026-10', '2026-11'].flatMap((m) => [row('A', m, 0.5, 40), row('B', m, 0.5, 30), row('C', m, 0.5, 20), row('N', m, 0.5, 10)]),
  });
  const view = (probation: number) =>
    replay(set(probation), h, { from: '2026-09', to: '2026-11' }).rankings.filter((e) => e.agent === 'N' || e.agent === 'C').map((e) => [e.month, e.agent, e.class, e.probation ?? false, e.flags.elimination_review]);

  it('keeps a hire on probation out of the bottom class and stops the elimination clock until it ends', () => {
    // Probation 3 months: N is lifted to the top class in September and October (C stays bottom); from
    // November N is bottom, and its first bottom period counts as the first.
    expect(view(3)).toEqual([
      ['2026-09', 'C', 'bottom', false, false],
      ['2026-09', 'N', 'top', true, false],
      ['2026-10', 'C', 'bottom', false, true],
      ['2026-10', 'N', 'top', true, false],
      ['2026-11', 'C', 'bottom', false, true],
      ['2026-11', 'N', 'bottom', false, false],
    ]);
  });

  it('leaves a hire on probation in a ranking with a single class', () => {
    const one = miniSet(
      { ...LADDER, text: LADDER.text.replace('    level: 1\n', '    level: 1\n    probation_months: 3\n') },
      { ...ranking(''), text: ranking('').text.replace('  - { id: bottom, title: 后班, share: 0.5 }\n', '').replace('share: 0.5', 'share: 1') },
    );
    const r = replay(one, h, { from: '2026-09', to: '2026-09' }).rankings;
    expect(r.map((e) => [e.agent, e.rank, e.class, e.probation ?? false])).toEqual([
      ['A', 1, 'top', false],
      ['B', 2, 'top', false],
      ['C', 3, 'top', false],
      ['N', 4, 'top', true],
    ]);
  });

  it('ranks only people whose rows hold the ranked metric', () => {
    const partial = history({ ...h, metrics: [row('A', '2026-09', 0.5, 40), metrics('B', '2026-09', { inquiries: 5 }), row('C', '2026-09', 0.5, 20)] });
    expect(replay(set(0), partial, { from: '2026-09', to: '2026-09' }).rankings.map((e) => [e.agent, e.rank, e.of])).toEqual([
      ['A', 1, 2],
      ['C', 2, 2],
    ]);
  });

  it('treats a position without probation as none', () => {
    expect(view(0).filter((v) => v[1] === 'N')).toEqual([
      ['2026-09', 'N', 'bottom', false, false],
      ['2026-10', 'N', 'bottom', false, true],
      ['2026-11', 'N', 'bottom', false, true],
    ]);
  });
});

describe('what a ranking ranks', () => {
  const h = history({
    agents: [person('A', { team: 't1' }), person('B', { team: 't2' }), person('C', { team: 't2', shop: 's2' }), lead('L', 't1')],
    metrics: [row('A', '2026-10', 0.5, 70), row('B', '2026-10', 0.5, 90), row('C', '2026-10', 0.5, 80), row('L', '2026-10', 0.5, 99)],
  });
  const LADDER = miniLadder([], { positions: LEAD_POSITION });
  const ranks = (head: string, extra = '') =>
    replay(miniSet(LADDER, SALES_CARD, ranking(extra, head)), h, { from: '2026-10', to: '2026-10' }).rankings.map((e) => [e.agent, e.group, e.rank, e.of, e.value]);

  it('groups by team, by shop or everyone together', () => {
    const scope = 'applies_to: { positions: [agent] }\n';
    expect(ranks(`${scope}metric: sales\ncadence: monthly\ngroup: team\n`)).toEqual([
      ['A', 't1', 1, 1, 70],
      ['B', 't2', 1, 2, 90],
      ['C', 't2', 2, 2, 80],
    ]);
    expect(ranks(`${scope}metric: sales\ncadence: monthly\ngroup: all\n`)).toEqual([
      ['A', 'all', 3, 3, 70],
      ['B', 'all', 1, 3, 90],
      ['C', 'all', 2, 3, 80],
    ]);
    // Without applies_to the lead is ranked too.
    expect(ranks('metric: sales\ncadence: weekly\ngroup: shop\n')).toEqual([
      ['A', 's1', 3, 3, 70],
      ['B', 's1', 2, 3, 90],
      ['C', 's2', 1, 1, 80],
      ['L', 's1', 1, 3, 99],
    ]);
  });

  it('ranks on the scorecard score when the metric is `score`', () => {
    // Score = sales here; a weekly ranking is ranked monthly, its period the month.
    const r = replay(miniSet(LADDER, SALES_CARD, ranking('', 'metric: score\ncadence: weekly\ngroup: all\n')), h, { from: '2026-10', to: '2026-10' }).rankings;
    expect(r.map((e) => [e.agent, e.period, e.rank, e.value])).toEqual([
      ['A', '2026-10', 4, 70],
      ['B', '2026-10', 2, 90],
      ['C', '2026-10', 3, 80],
      ['L', '2026-10', 1, 99],
    ]);
  });

  it('ranks a quarter only the people still employed at its end, and rounds the mean to 4 decimals', () => {
    const q = history({
      agents: [person('A'), person('B'), person('GONE', { left: '2026-08-31' })],
      metrics: [
        row('A', '2026-07', 0.5, 10), row('A', '2026-08', 0.5, 10), row('A', '2026-09', 0.5, 11),
        row('B', '2026-07', 0.5, 20), row('GONE', '2026-07', 0.5, 90), row('GONE', '2026-08', 0.5, 90),
      ],
    });
    const r = replay(miniSet(miniLadder([]), ranking('', 'metric: sales\ncadence: quarterly\ngroup: shop\n')), q, { from: '2026-07', to: '2026-09' }).rankings;
    // A (10 + 10 + 11) / 3 = 10.3333…; B 20 (one month with data).
    expect(r.map((e) => [e.agent, e.period, e.rank, e.of, e.value])).toEqual([
      ['A', '2026-Q3', 2, 2, 10.3333],
      ['B', '2026-Q3', 1, 2, 20],
    ]);
    // A quarter that has not ended in the window is not ranked.
    expect(replay(miniSet(miniLadder([]), ranking('', 'metric: sales\ncadence: quarterly\ngroup: shop\n')), q, { from: '2026-07', to: '2026-08' }).rankings).toEqual([]);
  });
});

describe('who the monthly rules cover', () => {
  const LADDER = miniLadder([], { positions: LEAD_POSITION });

  it('gives no standing to a person outside the ranking\'s applies_to, nor team figures to a member', () => {
    // Promotion after 1 clean month and step-down for leads: the lead gets team figures, the member none.
    const both = 'promotion: { consecutive_months: 1, min_score: 0 }\nstep_down: { position: team_lead, team_metric: conversion_rate, target: 0.5, consecutive_missed: 1, or_last_rank: false }\n';
    const h = history({ agents: [lead('L1', 't1'), person('M1', { team: 't1' })], metrics: [row('L1', '2026-10', 0.4), row('M1', '2026-10', 0.4)] });
    const all = replay(miniSet(LADDER, ranking(both)), h, { from: '2026-10', to: '2026-10' }).statuses;
    expect(all.map((s) => [s.agent, s.flags.promotion_eligible, s.flags.step_down, s.team?.id])).toEqual([
      ['L1', true, true, 't1'],
      ['M1', true, false, undefined],
    ]);
    const agentsOnly = replay(miniSet(LADDER, ranking(both, 'applies_to: { positions: [agent] }\nmetric: sales\ncadence: monthly\ngroup: shop\n')), h, { from: '2026-10', to: '2026-10' }).statuses;
    // Covering agents only, the lead has no standing at all.
    expect(agentsOnly.map((s) => [s.agent, s.flags.promotion_eligible, s.team?.id])).toEqual([['M1', true, undefined]]);
  });

  it('places a team in the shop of its first member by id', () => {
    // t9's lead L9 is in s1, its member Q9 in s2: t9 is ranked in s1, against t8.
    const sd = 'step_down: { position: team_lead, team_metric: conversion_rate, target: 0.5, consecutive_missed: 1, or_last_rank: true }\n';
    const h = history({
      agents: [lead('L9', 't9'), person('Q9', { team: 't9', shop: 's2' }), lead('L8', 't8'), person('M8', { team: 't8' })],
      metrics: [row('Q9', '2026-10', 0.6), row('M8', '2026-10', 0.7)],
    });
    const s = replay(miniSet(LADDER, ranking(sd)), h, { from: '2026-10', to: '2026-10' }).statuses;
    expect(s.map((x) => [x.agent, x.team!.rank, x.team!.of, x.team!.missed])).toEqual([
      ['L8', 1, 2, false],
      ['L9', 2, 2, true],
    ]);
  });

  it('states no target on a standing when neither targets.csv nor the policy sets one', () => {
    const sd = 'step_down: { position: team_lead, team_metric: conversion_rate, consecutive_missed: 1, or_last_rank: false }\n';
    const h = history({ agents: [lead('L1', 't1'), person('M1', { team: 't1' })], metrics: [row('M1', '2026-10', 0.4)] });
    const s = replay(miniSet(LADDER, ranking(sd)), h, { from: '2026-10', to: '2026-10' }).statuses;
    expect(s[0]!.team).toStrictEqual({ id: 't1', metric: 'conversion_rate', value: 0.4, missed: false, rank: 1, of: 1, missed_months: 0 });
  });

  it('sorts standings by month, ranking and person across ranking policies', () => {
    const promo = 'promotion: { consecutive_months: 1, min_score: 0 }\n';
    const second = { ...ranking(promo), file: 'mini/ranking-a.yaml', text: ranking(promo).text.replace('id: r\n', 'id: a_first\n') };
    const h = history({ agents: [person('A'), person('B')], metrics: [row('A', '2026-10', 0.5), row('B', '2026-10', 0.5)] });
    const s = replay(miniSet(LADDER, ranking(promo), second), h, { from: '2026-10', to: '2026-10' }).statuses;
    expect(s.map((x) => [x.ranking, x.agent])).toEqual([
      ['a_first', 'A'],
      ['a_first', 'B'],
      ['r', 'A'],
      ['r', 'B'],
    ]);
  });
});

describe('what a ranking reads', () => {
  it('does not rank a person without rows on a derived rate (which would read 0)', () => {
    const h = history({ agents: [person('A'), person('B'), person('NODATA')], metrics: [row('A', '2026-10', 0.6), row('B', '2026-10', 0.5)] });
    const r = replay(miniSet(miniLadder([]), ranking('', 'metric: conversion_rate\ncadence: monthly\ngroup: shop\n')), h, { from: '2026-10', to: '2026-10' }).rankings;
    expect(r.map((e) => [e.agent, e.rank, e.of, e.value])).toEqual([
      ['A', 1, 2, 0.6],
      ['B', 2, 2, 0.5],
    ]);
  });

  it('ranks on the score only the people a scorecard scores', () => {
    const card = { ...SALES_CARD, text: SALES_CARD.text.replace('rounding:', 'applies_to: { positions: [agent] }\nrounding:') };
    const h = history({ agents: [person('A'), lead('L', 't1')], metrics: [row('A', '2026-10', 0.5, 30), row('L', '2026-10', 0.5, 90)] });
    const r = replay(miniSet(miniLadder([], { positions: LEAD_POSITION }), card, ranking('', 'metric: score\ncadence: monthly\ngroup: shop\n')), h, { from: '2026-10', to: '2026-10' }).rankings;
    expect(r.map((e) => [e.agent, e.rank, e.of, e.value])).toEqual([['A', 1, 1, 30]]);
  });

  it('ranks without a salary ladder (nobody is on probation)', () => {
    const h = history({ agents: [person('A'), person('B', { hired: '2026-10-01' })], metrics: [row('A', '2026-10', 0.5, 1), row('B', '2026-10', 0.5, 2)] });
    const r = replay(miniSet(ranking('')), h, { from: '2026-10', to: '2026-10' }).rankings;
    expect(r.map((e) => [e.agent, e.class, e.probation ?? false])).toEqual([
      ['A', 'bottom', false],
      ['B', 'top', false],
    ]);
  });
});

describe('probation across positions and classes', () => {
  it('reads probation from the person\'s own position, and moves a hire only out of the bottom class', () => {
    // Agents have 3 months' probation, leads none. Three classes: 1 / 2 / 1 of 4.
    const LADDER = miniLadder([], { positions: LEAD_POSITION });
    const ladder = { ...LADDER, text: LADDER.text.replace('    level: 1\n', '    level: 1\n    probation_months: 3\n') };
    const three = {
      ...ranking(''),
      text: ranking('').text.replace('  - { id: top, title: 前班, share: 0.5 }\n  - { id: bottom, title: 后班, share: 0.5 }\n', '  - { id: top, title: 前班, share: 0.25 }\n  - { id: mid, title: 中班, share: 0.5 }\n  - { id: bottom, title: 后班, share: 0.25 }\n'),
    };
    const hired = '2026-09-01';
    const h = history({
      agents: [person('NEWTOP', { hired }), person('A'), person('B'), lead('NEWLEAD', 't1')].map((a) => (a.id === 'NEWLEAD' ? { ...a, hired } : a)),
      metrics: [row('NEWTOP', '2026-10', 0.5, 90), row('A', '2026-10', 0.5, 50), row('B', '2026-10', 0.5, 40), row('NEWLEAD', '2026-10', 0.5, 10)],
    });
    const r = replay(miniSet(ladder, three), h, { from: '2026-10', to: '2026-10' }).rankings;
    expect(r.map((e) => [e.agent, e.rank, e.class, e.probation ?? false])).toEqual([
      ['A', 2, 'mid', false],
      ['B', 3, 'mid', false],
      ['NEWLEAD', 4, 'bottom', false], // a lead has no probation
      ['NEWTOP', 1, 'top', true], // on probation but first: stays in the top class
    ]);
  });
});
