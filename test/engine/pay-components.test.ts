// Pay components at the edges the other by-hand tests leave open, on test-local policies: rank
// awards on a lower-is-better metric within teams (nobody paid twice, only positions that name the
// plan), allowances limited to positions, the points pool compared with the same month last year,
// a pool nobody earned points for, and performance pay on a card scoped to the team.
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { loadPolicySet, type PolicySource } from '../../scripts/policy/load-policies.ts';
import { agent, event, history, metrics, shop } from './fixtures.ts';
import { MINI_METRICS, MINI_POINTS, miniLadder, miniSet } from './mini-policies.ts';

const M = '2026-10';
const RESP_METRICS: PolicySource = {
  ...MINI_METRICS,
  text: MINI_METRICS.text.replace('events:\n', '  - { id: resp, label: 响应秒数, unit: count, direction: lower_better, headers: [响应秒数] }\nevents:\n'),
};
const LADDER = miniLadder(['fast_reply'], {
  positions: `  - id: trainee
    title: 实习客服
    level: 1
    grades:
      - { id: T1, base_pay: 2000, performance_base: 0 }
    plans: []
`,
  allowances: ['{ id: phone, title: 话费补贴, amount: 100, when: { positions: [trainee] } }'],
});
const FAST_REPLY: PolicySource = {
  file: 'mini/fast-reply.yaml',
  text: `kind: pay_plan
id: fast_reply
title: 响应速度奖
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
plan:
  type: rank_award
  metric: resp
  group: team
  head:
    - { rank: 1, amount: 500 }
    - { rank: 2, amount: 300 }
  tail:
    - { rank: 1, amount: 50 }
    - { rank: 2, amount: 20 }
`,
};

describe('rank awards on a lower-is-better metric, per team', () => {
  const person = (id: string, team: string, position = 'agent') => agent(id, { shop: 'mini_shop', team, position, grade: position === 'agent' ? 'P1' : 'T1' });
  const h = history({
    agents: [person('A', 't1'), person('B', 't1'), person('C', 't1'), person('D', 't2'), person('E', 't1', 'trainee')],
    metrics: [
      metrics('A', M, { resp: 10 }),
      metrics('B', M, { resp: 20 }),
      metrics('C', M, { resp: 30 }),
      metrics('D', M, { resp: 99 }),
      metrics('E', M, { resp: 1 }), // fastest, but a trainee's position does not name the plan
    ],
  });
  // The catalogue with `resp` in place of the mini one; replayed inside each test, where a mutant is active.
  const run = () => replay(loadOrThrow([RESP_METRICS, LADDER, FAST_REPLY]), h, { from: M, to: M });
  const award = (r: ReturnType<typeof run>, id: string) => r.payslips.find((p) => p.agent === id)!.lines.filter((l) => l.id === 'plan:fast_reply').map((l) => [l.amount_fen, l.inputs]);

  it('ranks the smallest value first and pays head and tail within each team', () => {
    const r = run();
    // t1 (A 10, B 20, C 30): A 1st ¥500, B 2nd ¥300, C last ¥50; B is also 2nd from last but already paid.
    expect(award(r, 'A')).toEqual([[50_000, { rank: 1, of: 3, resp: 10 }]]);
    expect(award(r, 'B')).toEqual([[30_000, { rank: 2, of: 3, resp: 20 }]]);
    expect(award(r, 'C')).toEqual([[5_000, { rank: 3, of: 3, resp: 30 }]]);
    // t2 has D alone: first (¥500), and not also last.
    expect(award(r, 'D')).toEqual([[50_000, { rank: 1, of: 1, resp: 99 }]]);
    expect(award(r, 'E')).toEqual([]);
  });

  it('pays the trainee allowance to trainees only', () => {
    const r = run();
    const allowance = (id: string) => r.payslips.find((p) => p.agent === id)!.lines.filter((l) => l.kind === 'allowance').map((l) => [l.id, l.amount_fen]);
    expect(allowance('E')).toEqual([['allowance:phone', 10_000]]);
    expect(allowance('A')).toEqual([]);
    expect(r.payslips.find((p) => p.agent === 'E')!.total_fen).toBe(210_000);
  });
});

function loadOrThrow(sources: PolicySource[]) {
  const { set, problems } = loadPolicySet(sources);
  if (problems.length) throw new Error(JSON.stringify(problems, null, 2));
  return set;
}

describe('points pool against the same month last year', () => {
  const LAST_YEAR: PolicySource = { ...MINI_POINTS, text: MINI_POINTS.text.replace('zero_when_missed_and_fell: true', 'zero_when_missed_and_fell: true, fell_vs: same_month_last_year') };
  const mini = (id: string) => agent(id, { shop: 'mini_shop', team: 'mini_team', position: 'agent', grade: 'P1' });
  // October missed its target (100,000 of 200,000); it fell from September (200,000) but rose from
  // October last year (50,000).
  const h = history({
    agents: [mini('P1'), mini('P2')],
    events: [event('P1', '2026-10-02', 'named_praise', 3), event('P2', '2026-10-03', 'named_praise', 1)],
    shops: [shop('mini_shop', '2025-10', 50_000, 200_000), shop('mini_shop', '2026-09', 200_000, 200_000), shop('mini_shop', M, 100_000, 200_000)],
  });
  const pool = (points: PolicySource) => replay(miniSet(miniLadder([]), points), h, { from: M, to: M });

  it('pays the pool when revenue rose against last year, though it fell against last month', () => {
    const r = pool(LAST_YEAR);
    // 1 % of 100,000 yuan = ¥1,000 = 100,000 fen; 3 : 1 → 75,000 and 25,000.
    expect(r.pools).toMatchObject([{ shop: 'mini_shop', pool_fen: 100_000, total_points: 4, value_per_point: 25_000 }]);
    expect(r.pools[0]!.zero_reason).toBeUndefined();
    expect(r.payslips.map((p) => p.lines.find((l) => l.kind === 'points')!.amount_fen)).toEqual([75_000, 25_000]);
  });

  it('pays nothing under the same rule compared with last month', () => {
    const r = pool(MINI_POINTS);
    expect(r.pools).toMatchObject([{ pool_fen: 0, zero_reason: 'missed_target_and_fell' }]);
    expect(r.payslips.map((p) => p.lines.find((l) => l.kind === 'points')!.amount_fen)).toEqual([0, 0]);
  });

  it('says why a pool pays nothing when nobody earned a point', () => {
    const none = history({ ...h, events: [] });
    const r = replay(miniSet(miniLadder([]), LAST_YEAR), none, { from: M, to: M });
    expect(r.pools).toMatchObject([{ pool_fen: 100_000, total_points: 0, value_per_point: 0, zero_reason: 'no_points' }]);
    expect(r.payslips.map((p) => p.total_fen)).toEqual([300_000, 300_000]);
  });

  it('shares each shop\'s pool among that shop\'s people only, shops in order', () => {
    const two = history({
      agents: [mini('P1'), agent('Q1', { shop: 'a_shop', team: 'mini_team', position: 'agent', grade: 'P1' })],
      events: [event('P1', '2026-10-02', 'named_praise', 3), event('Q1', '2026-10-03', 'named_praise', 1)],
      shops: [shop('mini_shop', M, 100_000, 100_000), shop('a_shop', M, 20_000, 10_000)],
    });
    const r = replay(miniSet(miniLadder([]), MINI_POINTS), two, { from: M, to: M });
    expect(r.pools.map((p) => [p.shop, p.pool_fen, p.total_points])).toEqual([['a_shop', 20_000, 1], ['mini_shop', 100_000, 3]]);
    expect(r.payslips.map((p) => [p.agent, p.lines.find((l) => l.kind === 'points')!.amount_fen])).toEqual([['P1', 100_000], ['Q1', 20_000]]);
  });
});
