// The value of a point per shop and month, as the points pool publishes it: pool, total points and
// fen per point, never who earned what. With fewer than MIN_SHARERS people sharing a pool the value
// per point would reveal a person's payout, so such months are published without figures.
import type { PoolResult } from '../engine/types.ts';

export const MIN_SHARERS = 3;

export interface PublishedPointValue {
  month: string;
  shop: string;
  /** Absent when too few people shared the pool to publish figures. */
  pool_fen?: number;
  total_points?: number;
  /** Pool ÷ points, rounded to the fen, for reading; payouts are computed exactly by the engine. */
  fen_per_point?: number;
  note?: string;
}

const ZERO: Record<NonNullable<PoolResult['zero_reason']>, string> = {
  missed_target_and_fell: '店铺当月未达标且营业额低于对比月份,奖金池为 0',
  no_points: '当月没有人得到正积分,奖金池未发放',
};

/** Published figures for the pools of `months` (newest first), one row per shop and month. */
export function publishedPointValues(pools: readonly PoolResult[], shopNames: Readonly<Record<string, string>>): PublishedPointValue[] {
  return [...pools]
    .sort((a, b) => b.period.localeCompare(a.period) || a.shop.localeCompare(b.shop))
    .map((p) => {
      const row: PublishedPointValue = { month: p.period, shop: shopNames[p.shop] ?? p.shop };
      if (p.zero_reason) return { ...row, pool_fen: 0, total_points: p.total_points, fen_per_point: 0, note: ZERO[p.zero_reason] };
      if (p.payouts.length < MIN_SHARERS) return { ...row, note: `分享奖金池的人少于 ${MIN_SHARERS} 人,为保护个人收入不公开金额` };
      return { ...row, pool_fen: p.pool_fen, total_points: p.total_points, fen_per_point: Math.round(p.value_per_point) };
    });
}
