// Timing games: replaying a person's perturbed history through the engine finds what moving sales
// across a month boundary is worth — here a whole-amount tier that ¥1 pulled into September crosses.
import { describe, expect, it } from 'vitest';
import { rulePoints } from '../../scripts/analyze/analyze-incentives.ts';
import { timingGames } from '../../scripts/analyze/timing-games.ts';
import { compareIncentives } from '../../scripts/analyze/compare-incentives.ts';
import { renderIncentiveSection } from '../../scripts/analyze/render-incentives.ts';
import type { IncentiveAnalysis } from '../../scripts/analyze/incentive-types.ts';
import type { PolicySet } from '../../scripts/policy/model.ts';
import { agent, history, metrics, policySet } from '../engine/fixtures.ts';

const RANGE = { from: '2026-09', to: '2026-10' };
const typical = { inquiries: 1000, paying_buyers: 500, attendance_rate: 1, quiz_score: 90, avg_response_s: 15, satisfaction_rate: 0.95, refund_amount: 100 };

/** A commission plan of its own for the flagship: 1 % below ¥40,000, 2 % from ¥40,000 on the whole amount. */
function twoTiers(method: 'whole' | 'marginal'): PolicySet {
  return policySet([
    {
      file: 'policies/sales-commission.v2.yaml',
      text: `kind: pay_plan
id: sales_commission
title: 个人销售额阶梯提成
version: 2
effective_from: 2026-01-01
applies_to: { shops: [tmall_flagship] }
rounding: { mode: half_up, unit: fen }
plan:
  type: tiered
  metric: sales
  method: ${method}
  bound: lower_inclusive
  brackets:
    - { from: 0, to: 40000, rate: 0.01 }
    - { from: 40000, rate: 0.02 }
`,
    },
  ]);
}

/** One flagship agent: ¥39,999 of sales in September, ¥50,001 in October. */
const oneAgent = () => history({ agents: [agent('T0')], metrics: [metrics('T0', '2026-09', { ...typical, sales: 39999 }), metrics('T0', '2026-10', { ...typical, sales: 50001 })] });

const games = (set: PolicySet) => timingGames(set, oneAgent(), RANGE, (shop, metric) => rulePoints(set, '2026-10', { shop, team: 'probe', position: 'agent' }, metric));

describe('timing games', () => {
  it('finds that pulling ¥1 of October\'s sales into September crosses the whole-amount tier: ¥399.99 more over the two months', () => {
    const [t] = games(twoTiers('whole'));
    // Before: 39,999 × 1 % + 50,001 × 2 % = 399.99 + 1,000.02; after: 40,000 × 2 % + 50,000 × 2 % = 800 + 1,000.
    expect(t).toMatchObject({ shop: 'tmall_flagship', sampled: 1, gainers: 1, max_gain_fen: 39999 });
    expect(t!.example).toEqual({ from: '2026-10', to: '2026-09', quarter: true, sales_moved_fen: 100, orders_moved: 0, gain_fen: 39999 });
  });

  it('finds ¥1 worth nothing when the same tiers are marginal: only bunching thousands into one month pays, and little', () => {
    const [t] = games(twoTiers('marginal'));
    // Rising marginal rates still reward bunching sales into one month, by cents per hundred yuan.
    expect(t!.max_gain_fen).toBeLessThan(10000);
    expect(t!.example?.sales_moved_fen ?? Infinity).toBeGreaterThan(100000);
  });

  it('reports the change in the PR section when a proposal makes the game worth playing', () => {
    const base = { timing: games(twoTiers('marginal')) } as Pick<IncentiveAnalysis, 'timing'>;
    const head = { timing: games(twoTiers('whole')) } as Pick<IncentiveAnalysis, 'timing'>;
    const empty: Omit<IncentiveAnalysis, 'timing'> = { month: '2026-10', typical_pay_fen: {}, agents: {}, cliffs: [], dead_zones: [], marginal: [], curves: [], dominance: [], balance: { reward_fen: 0, penalty_fen: 0, reward_per_penalty: null, top10_share: 0 } };
    const diff = compareIncentives({ ...empty, ...base }, { ...empty, ...head });
    expect(diff.changed).toBe(true);
    expect(diff.timing_changed).toHaveLength(1);
    const md = renderIncentiveSection(diff);
    expect(md).toContain('时点博弈收益变化的店 1 个');
    expect(md).toContain(
      '- 天猫旗舰店 客服:挪过月末一个人最多能多拿 ¥399.99(原为 ¥80.00)。把 ¥1.00 销售额从 2026-10 提前计入 2026-09(跨季度),两个月合计多拿 ¥399.99;抽样 1 人中 1 人能这样多拿 ¥50 以上\n',
    );
  });
});
