// kind: points — points for events and milestones, exchanged for money from a revenue-linked pool.
import { z } from 'zod';
import { Id, MAX_LEVEL, Ratio, Rounding, headerFields } from './common.ts';

export const EventPoints = z.strictObject({
  event: Id.meta({ description: '事件编号 / Event id' }),
  points: z.number().min(-1e6).max(1e6).meta({ description: '每次得分,过错为负 / Points per event; negative for faults', examples: [5] }),
});

export const MetricPoints = z.strictObject({
  metric: Id.meta({ description: '指标编号 / Metric id' }),
  per: z.number().positive().max(MAX_LEVEL).optional().meta({ description: '每达到多少计一次(如每 10 个邀评)/ Points per this much of the metric' }),
  at_least: z.number().min(-MAX_LEVEL).max(MAX_LEVEL).optional().meta({ description: '达到此值一次性得分(里程碑)/ Milestone: points once when reached' }),
  points: z.number().min(-1e6).max(1e6).meta({ description: '得分 / Points' }),
});

export const PointsPolicy = z
  .strictObject({
    kind: z.literal('points').meta({ description: '规则类型 / Policy kind: points' }),
    ...headerFields,
    rounding: Rounding,
    events: z.array(EventPoints).default([]).meta({ description: '事件积分 / Points per event' }),
    metrics: z.array(MetricPoints).default([]).meta({ description: '指标积分(里程碑或按量)/ Points per metric milestone or quantity' }),
    pool: z
      .strictObject({
        share_of_revenue: Ratio.meta({ description: '奖金池 = 店铺营业额 × 比例 / Pool = shop revenue × share', examples: [0.005] }),
        zero_when_missed_and_fell: z
          .boolean()
          .default(true)
          .meta({ description: '店铺未达标且营业额倒退时奖金池为 0 / Pool is zero when the shop missed target and revenue fell' }),
        fell_vs: z
          .enum(['last_month', 'same_month_last_year'])
          .default('last_month')
          .meta({ description: '「倒退」和谁比:上月 last_month,或去年同月 same_month_last_year(大促后的月份不因季节回落而清零)/ What "fell" compares with' }),
      })
      .meta({ description: '奖金池 / Bonus pool' }),
    remainder: z
      .enum(['largest_remainder', 'top_scorer'])
      .default('largest_remainder')
      .meta({ description: '取整后余下的钱:按最大余数分 largest_remainder,或给积分最高者 top_scorer / Where the rounding remainder goes' }),
  })
  .meta({ title: '积分制 / Points exchange', description: '积分换奖金,每分价值 = 奖金池 ÷ 总积分 / Points exchanged from a pool; value per point = pool ÷ points' });
