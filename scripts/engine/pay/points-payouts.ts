// Shares each shop's points pool (seed 003) and adds each person's payout line. "Fell back"
// compares with last month or the same month last year, as the policy says.
import { appliesTo } from '../../policy/model.ts';
import { distributePool, poolSize, valuePerPoint } from '../points-pool.ts';
import { previousMonth, sameMonthLastYear } from '../../lib/periods.ts';
import type { PoolResult } from '../types.ts';
import type { GroupComponent, Work } from './component.ts';
import { payLine } from './pay-line.ts';

export const pointsPayouts: GroupComponent = {
  id: 'points',
  apply({ works, inForce, idx, month }) {
    const out: PoolResult[] = [];
    for (const policy of inForce.points) {
      const byShop = new Map<string, Work[]>();
      for (const w of works) {
        if (w.pm.points === undefined || !appliesTo(policy.data, w.pm.agent)) continue;
        const arr = byShop.get(w.pm.agent.shop);
        if (arr) arr.push(w);
        else byShop.set(w.pm.agent.shop, [w]);
      }
      for (const shop of [...byShop.keys()].sort()) {
        const members = byShop.get(shop)!;
        const fig = idx.shops.get(`${shop}|${month}`) ?? { revenue_fen: 0, target_fen: 0 };
        const compareMonth = policy.data.pool.fell_vs === 'same_month_last_year' ? sameMonthLastYear(month) : previousMonth(month);
        const prev = idx.shops.get(`${shop}|${compareMonth}`);
        const size = poolSize(policy.data, { ...fig, ...(prev ? { previous_revenue_fen: prev.revenue_fen } : {}) });
        const points = members.map((w) => ({ agent: w.pm.agent.id, points: w.pm.points! }));
        const payouts = distributePool(policy.data, size.pool_fen, points);
        const { total_points: totalPoints, fen_per_point: perPoint } = valuePerPoint(size.pool_fen, points);
        const zero_reason = size.zero_reason ?? (totalPoints === 0 ? 'no_points' : undefined);
        out.push({ policy: policy.id, shop, period: month, pool_fen: size.pool_fen, total_points: totalPoints, value_per_point: Math.round(perPoint * 1e4) / 1e4, ...(zero_reason ? { zero_reason } : {}), payouts });
        payouts.forEach((p, i) => {
          members[i]!.lines.push(
            payLine(policy, '/pool', 'pool', {
              id: `points:${policy.id}`,
              kind: 'points',
              ...(size.zero_reason === 'missed_target_and_fell'
                ? { code: 'points_zero' as const, params: { policy: policy.id, title: policy.data.title, points: p.points, versus: policy.data.pool.fell_vs } }
                : { code: 'points' as const, params: { policy: policy.id, title: policy.data.title, points: p.points, per_point_fen: Math.round(perPoint), pool_fen: size.pool_fen, total_points: totalPoints } }),
              amount_fen: p.amount_fen,
              inputs: { points: p.points, pool: size.pool_fen / 100, total_points: totalPoints, value_per_point: Math.round(perPoint) / 100 },
            }),
          );
        });
      }
    }
    return out;
  },
};
