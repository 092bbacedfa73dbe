// Points exchange (seed 003): points for events and milestones, and a monthly pool ∝ shop revenue,
// zero when the shop both missed its target and fell back. Value per point = pool ÷ all points.
// Payouts are rounded as the policy says and the remainder is placed so they add up to the pool.
import type { LoadedPolicy } from '../policy/model.ts';
import { rateTimesFen, roundExactFen, roundFen, snap } from '../lib/money.ts';

type PointsData = LoadedPolicy<'points'>['data'];

/** Points one agent earned in a month. */
export function pointsEarned(policy: PointsData, values: Record<string, number>, events: Record<string, number>): { points: number; parts: Record<string, number> } {
  const parts: Record<string, number> = {};
  let points = 0;
  for (const e of policy.events) {
    const n = events[e.event] ?? 0;
    if (n === 0) continue;
    parts[`event:${e.event}`] = n * e.points;
    points += n * e.points;
  }
  for (const m of policy.metrics) {
    const v = values[m.metric] ?? 0;
    let p = 0;
    if (m.per !== undefined) p += Math.floor(snap(v / m.per)) * m.points;
    if (m.at_least !== undefined && snap(v) >= m.at_least) p += m.points;
    if (p !== 0) {
      parts[`metric:${m.metric}`] = p;
      points += p;
    }
  }
  return { points, parts };
}

export interface PoolInput {
  revenue_fen: number;
  target_fen: number;
  previous_revenue_fen?: number;
}

export function poolSize(policy: PointsData, shop: PoolInput): { pool_fen: number; zero_reason?: 'missed_target_and_fell' } {
  const missed = shop.revenue_fen < shop.target_fen;
  const fell = shop.previous_revenue_fen !== undefined && shop.revenue_fen < shop.previous_revenue_fen;
  if (policy.pool.zero_when_missed_and_fell && missed && fell) return { pool_fen: 0, zero_reason: 'missed_target_and_fell' };
  const exact = rateTimesFen(shop.revenue_fen, policy.pool.share_of_revenue);
  return { pool_fen: exact ? roundExactFen(exact, policy.rounding.mode, policy.rounding.unit) : roundFen(shop.revenue_fen * policy.pool.share_of_revenue, policy.rounding.mode, policy.rounding.unit) };
}

/** Positive points only take part; value per point = pool ÷ those points (fen, unrounded). */
export function valuePerPoint(pool_fen: number, points: readonly { points: number }[]): { total_points: number; fen_per_point: number } {
  const total = points.reduce((s, p) => s + Math.max(0, p.points), 0);
  return { total_points: total, fen_per_point: total === 0 ? 0 : pool_fen / total };
}

/**
 * Shares `pool_fen` among agents by positive points. Every payout is rounded with the policy's
 * rounding; whatever that leaves undistributed goes, one fen at a time, to the largest fractional
 * remainders (ties by agent id) or all to the top scorer — so payouts always sum to the pool.
 */
export function distributePool(
  policy: PointsData,
  pool_fen: number,
  points: readonly { agent: string; points: number }[],
): { agent: string; points: number; amount_fen: number }[] {
  const eligible = points.filter((p) => p.points > 0);
  const total = eligible.reduce((s, p) => s + p.points, 0);
  const out = points.map((p) => ({ agent: p.agent, points: p.points, amount_fen: 0 }));
  if (total === 0 || pool_fen === 0) return out;
  const exact = new Map(eligible.map((p) => [p.agent, (pool_fen * p.points) / total]));
  for (const o of out) {
    const x = exact.get(o.agent);
    if (x !== undefined) o.amount_fen = roundFen(x, policy.rounding.mode, policy.rounding.unit);
  }
  let left = pool_fen - out.reduce((s, o) => s + o.amount_fen, 0);
  if (left === 0) return out;
  const byAgent = new Map(out.map((o) => [o.agent, o]));
  if (policy.remainder === 'top_scorer') {
    const top = [...eligible].sort((a, b) => b.points - a.points || a.agent.localeCompare(b.agent))[0]!;
    byAgent.get(top.agent)!.amount_fen += left;
    return out;
  }
  const order = [...eligible].sort((a, b) => {
    const fa = snap(exact.get(a.agent)! - byAgent.get(a.agent)!.amount_fen);
    const fb = snap(exact.get(b.agent)! - byAgent.get(b.agent)!.amount_fen);
    return fb - fa || a.agent.localeCompare(b.agent);
  });
  // Rounding up can overshoot: then take fen back from the smallest remainders first.
  if (left < 0) order.reverse();
  const step = left > 0 ? 1 : -1;
  for (let i = 0; left !== 0; i = (i + 1) % order.length) {
    byAgent.get(order[i]!.agent)!.amount_fen += step;
    left -= step;
  }
  return out;
}
