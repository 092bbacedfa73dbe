// Lines that need colleagues (scripts/engine/pay/rank-awards.ts, points-payouts.ts), written out
// whole by hand on test-local policies: a rank award on the scorecard score across the whole
// company (ranks past the group's size, a tail rank already paid at the head, a person without a
// score, the plan's own scope and rounding), and the points pool's lines and results per shop (a
// shop without figures, a person outside the policy's scope, a pool that is zero).
import { describe, expect, it } from 'vitest';
import { replay } from '../../../scripts/engine/replay.ts';
import { loadPolicySet, type PolicySource } from '../../../scripts/policy/load-policies.ts';
import { agent, event, history, metrics, shop } from '../fixtures.ts';
import { MINI_METRICS, miniLadder } from '../mini-policies.ts';

const M = '2026-10';
function load(...sources: PolicySource[]) {
  const { set, problems } = loadPolicySet([MINI_METRICS, ...sources]);
  if (problems.length) throw new Error(JSON.stringify(problems, null, 2));
  return set;
}

// Line numbers matter: the rule references point at them.
const SCORE_AWARD: PolicySource = {
  file: 'pay/score-award.yaml',
  text: `kind: pay_plan
id: score_award
title: 考核得分头尾奖
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: yuan }
applies_to: { teams: [t1, t2] }
plan:
  type: rank_award
  metric: score
  group: all
  head:
    - { rank: 1, amount: 300.5, note: 月度之星 }
    - { rank: 5, amount: 100 }
  tail:
    - { rank: 1, amount: 0, note: 公开复盘 }
    - { rank: 4, amount: 0 }
`,
};
// Scores only team t1: sales against a target of 1,000, 10 points.
const CARD: PolicySource = {
  file: 'pay/card.yaml',
  text: `kind: scorecard
id: card
title: 考核表
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
applies_to: { teams: [t1] }
total: 10
categories:
  - id: sales
    title: 销售
    weight: 10
    items:
      - { id: sales_target, title: 销售额目标, points: 10, scoring: { type: target, metric: sales, target: 1000 } }
effect: { type: coefficient }
`,
};
const LADDER = miniLadder(['score_award'], {
  positions: `  - id: lead
    title: 组长
    level: 2
    grades:
      - { id: L1, base_pay: 5000, performance_base: 0 }
    plans: []
`,
});

describe('rank award on the score, across the company', () => {
  // Scores: A 5, B 9, C 5 (t1, a_shop); D in t2 and another shop has no card, so no score: ranked
  // with 0. E (t3) is outside the plan's scope and F's position does not name the plan, though both
  // would rank first; G's position is not on the ladder at all.
  // Order: B 9, A 5, C 5 (tie by id), D 0 — four people in one group across teams and shops.
  const run = (ladder = [LADDER]) => {
    const person = (id: string, team: string, position = 'agent') => agent(id, { shop: team === 't2' ? 'b_shop' : 'a_shop', team, position, grade: position === 'agent' ? 'P1' : 'L1' });
    const h = history({
      agents: [person('A', 't1'), person('B', 't1'), person('C', 't1'), person('D', 't2'), person('E', 't3'), person('F', 't1', 'lead'), person('G', 't1', 'guard')],
      metrics: [
        metrics('A', M, { sales: 500 }),
        metrics('B', M, { sales: 900 }),
        metrics('C', M, { sales: 500 }),
        metrics('D', M, { sales: 2000 }),
        metrics('E', M, { sales: 2000 }),
        metrics('F', M, { sales: 1000 }),
        metrics('G', M, { sales: 1000 }),
      ],
    });
    const slips = replay(load(...ladder, CARD, SCORE_AWARD), h, { from: M, to: M }).payslips;
    return (id: string) => slips.find((p) => p.agent === id)!.lines.filter((l) => l.kind === 'award');
  };
  const rule = (line: number, path: string, sub: string) => ({ policy: 'score_award', version: 1, file: 'pay/score-award.yaml', line, path, anchor: `pay_plan-score_award-${sub}` });

  it('pays the first, rounded as the plan says, and names the last; no fifth of four, no tail for someone already paid', () => {
    const awards = run();
    // 300.50 half up to the yuan: 301.
    expect(awards('B')).toEqual([
      {
        id: 'plan:score_award',
        kind: 'award',
        code: 'rank_head',
        params: { policy: 'score_award', title: '考核得分头尾奖', rank: 1, of: 4, metric: 'score', label: 'score', note: '月度之星' },
        amount_fen: 30_100,
        inputs: { rank: 1, of: 4, score: 9 },
        rule: rule(13, '/plan/head/0', 'head-1'),
      },
    ]);
    expect(awards('D')).toEqual([
      {
        id: 'plan:score_award',
        kind: 'award',
        code: 'rank_tail',
        params: { policy: 'score_award', title: '考核得分头尾奖', rank: 1, of: 4, metric: 'score', label: 'score', note: '公开复盘' },
        amount_fen: 0,
        inputs: { rank: 4, of: 4, score: 0 },
        rule: rule(16, '/plan/tail/0', 'tail-1'),
      },
    ]);
    expect([awards('A'), awards('C'), awards('E'), awards('F'), awards('G')]).toEqual([[], [], [], [], []]);
  });

  it('pays no rank award without a ladder whose positions name the plan', () => {
    const awards = run([]);
    expect(['A', 'B', 'C', 'D'].map(awards)).toEqual([[], [], [], []]);
  });
});

describe('rank award on a lower-is-better metric', () => {
  it('ranks the smallest value first, whatever the order of the ids', () => {
    const metricsText = MINI_METRICS.text.replace('events:\n', '  - { id: resp, label: 响应秒数, unit: seconds, direction: lower_better, headers: [响应秒数] }\nevents:\n');
    const fast: PolicySource = { file: 'pay/fast.yaml', text: SCORE_AWARD.text.replace('id: score_award', 'id: fast').replace('metric: score', 'metric: resp').replace('group: all', 'group: team') };
    const { set, problems } = loadPolicySet([{ ...MINI_METRICS, text: metricsText }, miniLadder(['fast']), fast]);
    expect(problems).toEqual([]);
    // t1: A 30 s, B 10 s, C 20 s, D 25 s → B, C, D, A: B first (300.50 → 301), A last.
    const h = history({
      agents: ['A', 'B', 'C', 'D'].map((id) => agent(id, { team: 't1', position: 'agent', grade: 'P1' })),
      metrics: [metrics('A', M, { resp: 30 }), metrics('B', M, { resp: 10 }), metrics('C', M, { resp: 20 }), metrics('D', M, { resp: 25 })],
    });
    const slips = replay(set, h, { from: M, to: M }).payslips;
    expect(slips.map((p) => [p.agent, p.lines.filter((l) => l.kind === 'award').map((l) => [l.code, l.amount_fen, l.inputs])])).toEqual([
      ['A', [['rank_tail', 0, { rank: 4, of: 4, resp: 30 }]]],
      ['B', [['rank_head', 30_100, { rank: 1, of: 4, resp: 10 }]]],
      ['C', []],
      ['D', []],
    ]);
  });
});

describe('rank award per shop', () => {
  it('ranks each shop on its own, whatever the teams', () => {
    const perShop: PolicySource = { file: 'pay/shop-award.yaml', text: SCORE_AWARD.text.replace('id: score_award', 'id: shop_award').replace('metric: score', 'metric: sales').replace('group: all', 'group: shop') };
    // One team across two shops: s1 (A 100, B 300), s2 (C 200, D 400) → B and D first, A and C last.
    const h = history({
      agents: ([['A', 's1'], ['B', 's1'], ['C', 's2'], ['D', 's2']] as const).map(([id, s]) => agent(id, { shop: s, team: 't1', position: 'agent', grade: 'P1' })),
      metrics: [metrics('A', M, { sales: 100 }), metrics('B', M, { sales: 300 }), metrics('C', M, { sales: 200 }), metrics('D', M, { sales: 400 })],
    });
    const slips = replay(load(miniLadder(['shop_award']), perShop), h, { from: M, to: M }).payslips;
    expect(slips.map((p) => [p.agent, p.lines.filter((l) => l.kind === 'award').map((l) => [l.code, l.inputs])])).toEqual([
      ['A', [['rank_tail', { rank: 2, of: 2, sales: 100 }]]],
      ['B', [['rank_head', { rank: 1, of: 2, sales: 300 }]]],
      ['C', [['rank_tail', { rank: 2, of: 2, sales: 200 }]]],
      ['D', [['rank_head', { rank: 1, of: 2, sales: 400 }]]],
    ]);
  });
});

// Line numbers matter: the rule references point at them.
const POINTS: PolicySource = {
  file: 'pay/points.yaml',
  text: `kind: points
id: praise_points
title: 表扬积分
version: 2
effective_from: 2024-01-01
rounding: { mode: down, unit: fen }
applies_to: { teams: [t1, t2] }
events:
  - { event: named_praise, points: 1 }
pool: { share_of_revenue: 0.01, zero_when_missed_and_fell: true }
remainder: largest_remainder
`,
};
const T3_POINTS: PolicySource = {
  file: 'pay/t3-points.yaml',
  text: POINTS.text.replace('id: praise_points', 'id: t3_points').replace('teams: [t1, t2]', 'teams: [t3]').replace('share_of_revenue: 0.01', 'share_of_revenue: 0.005'),
};
const poolRule = { policy: 'praise_points', version: 2, file: 'pay/points.yaml', line: 10, path: '/pool', anchor: 'points-praise_points-pool' };

describe('points pool lines', () => {
  // mini_shop: P1 2 praises, P2 1, P0 none (all t1); P3 (t3) is outside the policy. b_shop: Q (t2)
  // 2 praises, and no shop figures at all.
  const run = (revenue: number, target: number, previous: number, more: PolicySource[] = []) => {
    const person = (id: string, team: string, shopId = 'mini_shop') => agent(id, { shop: shopId, team, position: 'agent', grade: 'P1' });
    const h = history({
      agents: [person('P0', 't1'), person('P1', 't1'), person('P2', 't1'), person('P3', 't3'), person('Q', 't2', 'b_shop')],
      events: [event('P1', '2026-10-02', 'named_praise', 2), event('P2', '2026-10-03', 'named_praise'), event('P3', '2026-10-04', 'named_praise', 5), event('Q', '2026-10-05', 'named_praise', 2)],
      shops: [shop('mini_shop', '2026-09', previous, target), shop('mini_shop', M, revenue, target)],
    });
    return replay(load(miniLadder([]), POINTS, ...more), h, { from: M, to: M });
  };
  const pointsLines = (r: ReturnType<typeof run>) => r.payslips.map((p) => [p.agent, p.lines.filter((l) => l.kind === 'points')]);

  it('shares each shop\'s pool among the people the policy covers', () => {
    // mini_shop: 1 % of 100,000 yuan = 100,000 fen over 3 points: 33,333.33… fen a point, rounded
    // down → 66,666 and 33,333; the fen left over goes to the larger remainder (P1's .67).
    // b_shop has no figures: revenue 0, so a pool of 0 over Q's 2 points (not a "no points" pool).
    const r = run(100_000, 100_000, 90_000);
    expect(r.pools).toEqual([
      {
        policy: 'praise_points',
        shop: 'b_shop',
        period: M,
        pool_fen: 0,
        total_points: 2,
        value_per_point: 0,
        payouts: [{ agent: 'Q', points: 2, amount_fen: 0 }],
      },
      {
        policy: 'praise_points',
        shop: 'mini_shop',
        period: M,
        pool_fen: 100_000,
        total_points: 3,
        value_per_point: 33_333.3333,
        payouts: [
          { agent: 'P0', points: 0, amount_fen: 0 },
          { agent: 'P1', points: 2, amount_fen: 66_667 },
          { agent: 'P2', points: 1, amount_fen: 33_333 },
        ],
      },
    ]);
    const line = (points: number, amount_fen: number) => ({
      id: 'points:praise_points',
      kind: 'points',
      code: 'points',
      params: { policy: 'praise_points', title: '表扬积分', points, per_point_fen: 33_333, pool_fen: 100_000, total_points: 3 },
      amount_fen,
      inputs: { points, pool: 1_000, total_points: 3, value_per_point: 333.33 },
      rule: poolRule,
    });
    expect(pointsLines(r)).toEqual([
      ['P0', [line(0, 0)]],
      ['P1', [line(2, 66_667)]],
      ['P2', [line(1, 33_333)]],
      ['P3', []],
      [
        'Q',
        [
          {
            id: 'points:praise_points',
            kind: 'points',
            code: 'points',
            params: { policy: 'praise_points', title: '表扬积分', points: 2, per_point_fen: 0, pool_fen: 0, total_points: 2 },
            amount_fen: 0,
            inputs: { points: 2, pool: 0, total_points: 2, value_per_point: 0 },
            rule: poolRule,
          },
        ],
      ],
    ]);
  });

  it('says on each line that the pool is zero because the shop missed its target and fell back', () => {
    // 80,000 of a 100,000 target, down from 90,000.
    const r = run(80_000, 100_000, 90_000);
    expect(r.pools.find((p) => p.shop === 'mini_shop')).toMatchObject({ pool_fen: 0, total_points: 3, value_per_point: 0, zero_reason: 'missed_target_and_fell' });
    expect(r.payslips.find((p) => p.agent === 'P1')!.lines.filter((l) => l.kind === 'points')).toEqual([
      {
        id: 'points:praise_points',
        kind: 'points',
        code: 'points_zero',
        params: { policy: 'praise_points', title: '表扬积分', points: 2, versus: 'last_month' },
        amount_fen: 0,
        inputs: { points: 2, pool: 0, total_points: 3, value_per_point: 0 },
        rule: poolRule,
      },
    ]);
  });

  it('leaves a person another points policy covers out of this policy\'s pool', () => {
    // t3's own pool: 0.5 % of 100,000 yuan = 50,000 fen, all to P3's 5 points.
    const r = run(100_000, 100_000, 90_000, [T3_POINTS]);
    const pools = r.pools.map((p) => [p.policy, p.shop, p.pool_fen, p.payouts.map((x) => [x.agent, x.amount_fen])]).sort((a, b) => `${String(a[0])}${String(a[1])}`.localeCompare(`${String(b[0])}${String(b[1])}`));
    expect(pools).toEqual([
      ['praise_points', 'b_shop', 0, [['Q', 0]]],
      ['praise_points', 'mini_shop', 100_000, [['P0', 0], ['P1', 66_667], ['P2', 33_333]]],
      ['t3_points', 'mini_shop', 50_000, [['P3', 50_000]]],
    ]);
    expect(r.payslips.find((p) => p.agent === 'P3')!.lines.filter((l) => l.kind === 'points').map((l) => [l.id, l.amount_fen])).toEqual([['points:t3_points', 50_000]]);
  });
});
