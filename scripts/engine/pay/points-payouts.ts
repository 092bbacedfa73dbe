// Shares each shop's points pool (seed 003) and adds each person's payout line. "Fell back"
// compares with last month or the same month last year, as the policy says.
import { formatYuan } from '../../lib/format.ts';
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
        const versus = policy.data.pool.fell_vs === 'same_month_last_year' ? '去年同月' : '上月';
        payouts.forEach((p, i) => {
          members[i]!.lines.push(
            payLine(policy, '/pool', 'pool', {
              id: `points:${policy.id}`,
              kind: 'points',
              label: `${policy.data.title}`,
              amount_fen: p.amount_fen,
              inputs: { points: p.points, pool: size.pool_fen / 100, total_points: totalPoints, value_per_point: Math.round(perPoint) / 100 },
              explain:
                size.zero_reason === 'missed_target_and_fell'
                  ? `店铺本月未达标且营业额低于${versus},奖金池为 0(本月积分 ${p.points})`
                  : `积分 ${p.points} × 每分 ${formatYuan(Math.round(perPoint))}(奖金池 ${formatYuan(size.pool_fen)} ÷ 全店 ${totalPoints} 分)`,
            }),
          );
        });
      }
    }
    return out;
  },
};
