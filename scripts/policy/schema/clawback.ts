// kind: clawback — refunds arrive after pay day (T+4/T+8 and later), so commission paid on sales that
// were later refunded (seed 003) is recomputed and the difference deducted (扣回) or paid (补发) in the
// month the adjustment is processed, pointing to the month it belongs to.
import { z } from 'zod';
import { Id, Yuan, headerFields } from './common.ts';

export const ClawbackPolicy = z
  .strictObject({
    kind: z.literal('clawback').meta({ description: '规则类型 / Policy kind: clawback' }),
    ...headerFields,
    plans: z
      .array(Id)
      .min(1)
      .max(100)
      .meta({ description: '退款后重新计算的提成/奖金方案编号(pay_plan 的 id)/ Pay plans recomputed on refunded sales', examples: [['sales_commission']] }),
    metric: Id.default('sales').meta({
      description: '退款从哪个指标中扣减,默认销售额 sales / The metric a refund reduces (default sales)',
      examples: ['sales'],
    }),
    window_days: z
      .int()
      .min(1)
      .max(366)
      .meta({ description: '追溯期(天):原月份结束后多少天内处理的退款才扣回 / Refunds processed within this many days after the original month are clawed back', examples: [60] }),
    max_per_month: Yuan.optional().meta({
      description: '每月最多扣回的金额(元);超出部分顺延到以后的月份。省略表示不设上限 / Most deducted in one month, yuan; the rest carries over. Omit for no cap',
      examples: [500],
    }),
    pursue_leavers: z
      .boolean()
      .default(false)
      .meta({ description: '已离职人员是否仍扣回(仅在其最后一个工资月内)/ Whether people who have left are still clawed back (only in their last payroll month)' }),
  })
  .meta({ title: '退款扣回 / Clawback of refunded sales', description: '发薪后到账的退款如何扣回或补发提成 / How commission is clawed back or topped up after refunds arrive' });
