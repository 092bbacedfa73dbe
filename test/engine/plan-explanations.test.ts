// The pay plans and the points pool as a payslip explains them: amounts and the sentence a person
// reads, written out by hand for every branch (below the threshold, capped, each tier method, a
// formula that cannot be read, events and milestones, the pool's remainder).
import { describe, expect, it } from 'vitest';
import * as plans from '../../scripts/engine/pay-plans.ts';
import { renderText } from '../../scripts/i18n/explain-messages.ts';
import { distributePool, pointsEarned, poolSize, valuePerPoint } from '../../scripts/engine/points-pool.ts';
import { compileCatalogue } from '../../scripts/engine/metric-catalogue.ts';
import { policiesInForce } from '../../scripts/policy/model.ts';
import { MINI_POINTS, miniSet } from './mini-policies.ts';

/** The engine's explanation is data; these tests read it as the Chinese payslip says it. */
const inZh =
  <A extends unknown[]>(f: (...a: A) => plans.PlanAmount) =>
  (...a: A) => {
    const r = f(...a);
    return { ...r, explain: renderText(r.explain, 'zh') };
  };
const stepBonusAmount = inZh(plans.stepBonusAmount);
const tieredAmount = inZh(plans.tieredAmount);
const formulaAmount = inZh(plans.formulaAmount);

const cat = compileCatalogue(policiesInForce(miniSet(), '2026-10-01').metrics);
type Step = Parameters<typeof stepBonusAmount>[0];
type Tiered = Parameters<typeof tieredAmount>[0];
type Points = Parameters<typeof pointsEarned>[0];

const step = (over: Partial<Step> = {}): Step => ({ type: 'step_bonus', metric: 'conversion_rate', threshold: 0.5, amount: 800, step: 0.02, amount_per_step: 400, personal_target: false, ...over });

describe('step bonus explanation', () => {
  it('says the threshold was not reached, and pays nothing', () => {
    expect(stepBonusAmount(step(), { conversion_rate: 0.499 }, cat)).toEqual({
      yuan: 0,
      inputs: { conversion_rate: 0.499, threshold: 0.5 },
      explain: '询单转化率 49.90% 未达到起奖线 50.00%',
    });
  });
  it('pays exactly at the threshold with zero steps', () => {
    expect(stepBonusAmount(step(), { conversion_rate: 0.5 }, cat)).toEqual({
      yuan: 800,
      inputs: { conversion_rate: 0.5, threshold: 0.5, steps: 0, amount: 800, amount_per_step: 400 },
      explain: '询单转化率 50.00% ≥ 50.00%:800 + 0 档 × 400',
    });
  });
  it('names the cap only when it bites', () => {
    expect(stepBonusAmount(step({ cap: 1500 }), { conversion_rate: 0.56 }, cat).explain).toBe('询单转化率 56.00% ≥ 50.00%:800 + 3 档 × 400,封顶 1500');
    expect(stepBonusAmount(step({ cap: 1500 }), { conversion_rate: 0.52 }, cat)).toMatchObject({ yuan: 1200, explain: '询单转化率 52.00% ≥ 50.00%:800 + 1 档 × 400' });
    // Exactly at the cap: 800 + 2 × 400 = 1,600 = cap, nothing cut.
    expect(stepBonusAmount(step({ cap: 1600 }), { conversion_rate: 0.54 }, cat)).toMatchObject({ yuan: 1600, explain: '询单转化率 54.00% ≥ 50.00%:800 + 2 档 × 400' });
  });
  it('treats a missing metric as zero', () => {
    expect(stepBonusAmount(step(), {}, cat).yuan).toBe(0);
  });
});

const tiered = (method: 'whole' | 'marginal', bound: 'lower_inclusive' | 'upper_inclusive', base_metric?: string): Tiered =>
  ({
    type: 'tiered',
    metric: 'sales',
    method,
    bound,
    ...(base_metric ? { base_metric } : {}),
    brackets: [
      { from: 0, to: 50000, rate: 0.01 },
      { from: 50000, to: 100000, rate: 0.02 },
      { from: 100000, rate: 0.03 },
    ],
  });

describe('tiered commission explanation', () => {
  it('whole-amount: names the tier and its rate', () => {
    expect(tieredAmount(tiered('whole', 'lower_inclusive'), { sales: 60000 }, cat)).toEqual({
      yuan: 1200,
      // 120,000 fen exactly, in millionths of a fen (integer arithmetic, no binary fractions).
      exact: { num: 120_000_000_000n },
      inputs: { sales: 60000, bracket: 2, rate: 0.02 },
      explain: '销售额 ¥60,000.00 在第 2 档,全额按 2.00% 计:¥60,000.00 × 2.00%',
    });
  });
  it('whole-amount on another base metric lists that base among the inputs', () => {
    // Tier by sales (60,000 → 2 %), paid on paying buyers 300 → 6 yuan.
    expect(tieredAmount(tiered('whole', 'lower_inclusive', 'paying_buyers'), { sales: 60000, paying_buyers: 300 }, cat)).toMatchObject({
      yuan: 6,
      inputs: { sales: 60000, paying_buyers: 300, bracket: 2, rate: 0.02 },
    });
  });
  it('puts zero in the first tier under both bound conventions', () => {
    expect(tieredAmount(tiered('whole', 'upper_inclusive'), { sales: 0 }, cat).inputs).toMatchObject({ bracket: 1, rate: 0.01 });
    expect(tieredAmount(tiered('whole', 'lower_inclusive'), { sales: 0 }, cat).inputs).toMatchObject({ bracket: 1, rate: 0.01 });
  });
  it('upper-inclusive: a value on a bound stays in the lower tier, just above it moves up', () => {
    expect(tieredAmount(tiered('whole', 'upper_inclusive'), { sales: 50000 }, cat).inputs.bracket).toBe(1);
    expect(tieredAmount(tiered('whole', 'upper_inclusive'), { sales: 50000.01 }, cat).inputs.bracket).toBe(2);
    expect(tieredAmount(tiered('whole', 'upper_inclusive'), { sales: 150000 }, cat).inputs.bracket).toBe(3);
  });
  it('pays nothing for a value below the first tier, under both bound conventions', () => {
    const from10k = (bound: 'lower_inclusive' | 'upper_inclusive'): Tiered =>
      ({ type: 'tiered', metric: 'sales', method: 'whole', bound, brackets: [{ from: 10000, to: 50000, rate: 0.01 }, { from: 50000, rate: 0.02 }] });
    for (const bound of ['lower_inclusive', 'upper_inclusive'] as const) {
      expect(tieredAmount(from10k(bound), { sales: 5000 }, cat), bound).toMatchObject({ yuan: 0, inputs: { bracket: 0, rate: 0 } });
      expect(tieredAmount(from10k(bound), { sales: 0 }, cat).inputs, bound).toMatchObject({ bracket: 0, rate: 0 });
    }
    // Upper-inclusive tiers are (from, to]: 10,000 itself is below (10,000, 50,000].
    expect(tieredAmount(from10k('upper_inclusive'), { sales: 10000 }, cat).inputs).toMatchObject({ bracket: 0, rate: 0 });
    expect(tieredAmount(from10k('lower_inclusive'), { sales: 10000 }, cat)).toMatchObject({ yuan: 100, inputs: { bracket: 1 } });
    // A negative figure (refunds above sales) is in no tier, even one starting at 0.
    expect(tieredAmount(tiered('whole', 'upper_inclusive'), { sales: -5 }, cat).inputs).toMatchObject({ bracket: 0, rate: 0 });
  });
  it('shows the tier metric snapped, not with floating-point noise', () => {
    expect(tieredAmount(tiered('whole', 'lower_inclusive'), { sales: 0.1 + 0.2 }, cat).inputs).toEqual({ sales: 0.3, bracket: 1, rate: 0.01 });
  });
  it('marginal: lists each tier part that was paid', () => {
    // 50,000 × 1 % + 50,000 × 2 % + 20,000 × 3 % = 500 + 1,000 + 600.
    expect(tieredAmount(tiered('marginal', 'lower_inclusive'), { sales: 120000 }, cat)).toEqual({
      yuan: 2100,
      exact: { num: 210_000_000_000n },
      inputs: { sales: 120000 },
      explain: '销售额 ¥120,000.00 超额累进:¥50,000.00 × 1.00% + ¥50,000.00 × 2.00% + ¥20,000.00 × 3.00%',
    });
    expect(tieredAmount(tiered('marginal', 'lower_inclusive'), { sales: 0 }, cat)).toEqual({ yuan: 0, exact: { num: 0n }, inputs: { sales: 0 }, explain: '销售额 ¥0.00 超额累进:0' });
  });
});

describe('formula plan explanation', () => {
  it('shows each input with its label and unit', () => {
    expect(formulaAmount('conversion_rate * sales * 0.01', { conversion_rate: 0.5, sales: 100000 }, cat)).toEqual({
      yuan: 500,
      inputs: { conversion_rate: 0.5, sales: 100000 },
      explain: 'conversion_rate * sales * 0.01(询单转化率 = 50.00%,销售额 = ¥100,000.00)',
    });
  });
  it('pays nothing for a formula it cannot read, and says so', () => {
    expect(formulaAmount('sales *', { sales: 1 }, cat)).toEqual({ yuan: 0, inputs: {}, explain: '公式无法解析:sales *' });
  });
  it('pays nothing rather than Infinity when a formula divides by zero', () => {
    expect(formulaAmount('sales / inquiries', { sales: 100, inquiries: 0 }, cat).yuan).toBe(0);
  });
});

describe('points earned and the pool', () => {
  const policy = miniSet(MINI_POINTS).policies.find((p) => p.kind === 'points')!.data;
  const withMetrics = {
    ...policy,
    events: [{ event: 'named_praise', points: 5 }, { event: 'complaint', points: -3 }],
    metrics: [{ metric: 'sales', at_least: 10000, points: 5 }, { metric: 'paying_buyers', per: 10, points: 2 }],
  } as Points;

  it('adds event points and milestone points, listing each source', () => {
    // 2 praise × 5 − 1 complaint × 3 + (sales ≥ 10,000 → 5) + floor(25 / 10) × 2 = 10 − 3 + 5 + 4 = 16.
    expect(pointsEarned(withMetrics, { sales: 10000, paying_buyers: 25 }, { named_praise: 2, complaint: 1 })).toEqual({
      points: 16,
      parts: { 'event:named_praise': 10, 'event:complaint': -3, 'metric:sales': 5, 'metric:paying_buyers': 4 },
    });
    expect(pointsEarned(withMetrics, { sales: 9999.99, paying_buyers: 9 }, {})).toEqual({ points: 0, parts: {} });
  });

  it('sizes the pool from revenue, zero only when the target was missed and revenue fell', () => {
    expect(poolSize(policy, { revenue_fen: 1_000_000, target_fen: 900_000, previous_revenue_fen: 2_000_000 })).toEqual({ pool_fen: 10_000 });
    expect(poolSize(policy, { revenue_fen: 1_000_000, target_fen: 1_000_001, previous_revenue_fen: 1_000_001 })).toEqual({ pool_fen: 0, zero_reason: 'missed_target_and_fell' });
    expect(poolSize(policy, { revenue_fen: 1_000_000, target_fen: 1_000_001 })).toEqual({ pool_fen: 10_000 });
    expect(poolSize({ ...policy, pool: { ...policy.pool, zero_when_missed_and_fell: false } }, { revenue_fen: 1_000_000, target_fen: 2_000_000, previous_revenue_fen: 2_000_000 })).toEqual({ pool_fen: 10_000 });
  });

  it('values a point at pool ÷ positive points', () => {
    expect(valuePerPoint(10_000, [{ points: 3 }, { points: 1 }, { points: -2 }])).toEqual({ total_points: 4, fen_per_point: 2500 });
    expect(valuePerPoint(10_000, [{ points: 0 }, { points: -1 }])).toEqual({ total_points: 0, fen_per_point: 0 });
  });

  it('gives the rounding remainder to the largest fractional parts, then by id', () => {
    // 100 fen over 1 : 1 : 1 → 33.33 each, rounded down → 33 + 33 + 33, 1 fen left → A (ties by id).
    expect(distributePool(policy, 100, [{ agent: 'B', points: 1 }, { agent: 'A', points: 1 }, { agent: 'C', points: 1 }]).map((p) => p.amount_fen)).toEqual([33, 34, 33]);
    // 100 fen over 1 : 2 → 33.33 and 66.67 → 33 + 66, 1 fen to the larger remainder (0.67, agent Y).
    expect(distributePool(policy, 100, [{ agent: 'X', points: 1 }, { agent: 'Y', points: 2 }]).map((p) => p.amount_fen)).toEqual([33, 67]);
  });

  it('takes overshoot back from the smallest remainders when rounding up', () => {
    // 100 fen over 1 : 1 : 1 rounded up → 34 × 3 = 102: take 1 fen back from C, then B (smallest remainders last by id).
    const up = { ...policy, rounding: { mode: 'up', unit: 'fen' } } as Points;
    expect(distributePool(up, 100, [{ agent: 'A', points: 1 }, { agent: 'B', points: 1 }, { agent: 'C', points: 1 }]).map((p) => p.amount_fen)).toEqual([34, 33, 33]);
  });

  it('gives the whole remainder to the top scorer when the policy says so, ties by id', () => {
    const top = { ...policy, remainder: 'top_scorer' } as Points;
    // 101 fen over 2 : 2 : 1 → 40.4, 40.4, 20.2 → 40 + 40 + 20, 1 fen left → A (tied with B, first by id).
    expect(distributePool(top, 101, [{ agent: 'B', points: 2 }, { agent: 'A', points: 2 }, { agent: 'C', points: 1 }]).map((p) => p.amount_fen)).toEqual([40, 41, 20]);
    // 12 fen over 4 : 3 : 3 → 4.8, 3.6, 3.6 → 4 + 3 + 3, 2 fen left: all to A (largest remainder would give A and B one each).
    expect(distributePool(top, 12, [{ agent: 'A', points: 4 }, { agent: 'B', points: 3 }, { agent: 'C', points: 3 }]).map((p) => p.amount_fen)).toEqual([6, 3, 3]);
    expect(distributePool(policy, 12, [{ agent: 'A', points: 4 }, { agent: 'B', points: 3 }, { agent: 'C', points: 3 }]).map((p) => p.amount_fen)).toEqual([5, 4, 3]);
  });

  it('pays nothing to people with zero or negative points, and nothing from an empty pool', () => {
    expect(distributePool(policy, 100, [{ agent: 'A', points: 0 }, { agent: 'B', points: -3 }, { agent: 'C', points: 2 }])).toEqual([
      { agent: 'A', points: 0, amount_fen: 0 },
      { agent: 'B', points: -3, amount_fen: 0 },
      { agent: 'C', points: 2, amount_fen: 100 },
    ]);
    expect(distributePool(policy, 0, [{ agent: 'A', points: 5 }]).map((p) => p.amount_fen)).toEqual([0]);
  });
});
