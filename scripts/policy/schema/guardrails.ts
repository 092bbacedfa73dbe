// kind: guardrails — what a proposal may not do without approval; checked on every pull request.
import { z } from 'zod';
import { Id, Ratio, Yuan, headerFields } from './common.ts';

const action = z.enum(['warn', 'block']).meta({ description: '警告 warn / 阻止合并 block' });

export const Guardrail = z.discriminatedUnion('type', [
  z.strictObject({
    id: Id,
    type: z.literal('total_cost_change').meta({ description: '类型 / Type: total_cost_change' }),
    max_percent: z.number().min(0).max(1000).optional().meta({ description: '月度总成本变化上限(%)/ Max monthly cost change, percent' }),
    max_amount: Yuan.optional().meta({ description: '月度总成本变化上限(元)/ Max monthly cost change, yuan' }),
    action,
  }),
  z.strictObject({
    id: Id,
    type: z.literal('minimum_wage').meta({ description: '类型 / Type: minimum_wage' }),
    amount: Yuan.meta({ description: '当地月最低工资(元)/ Local monthly minimum wage', examples: [2690] }),
    action,
  }),
  z.strictObject({
    id: Id,
    type: z.literal('individual_loss').meta({ description: '类型 / Type: individual_loss' }),
    max_percent: z.number().min(0).max(100).meta({ description: '任何人收入下降不得超过(%)/ Max loss for any one person, percent' }),
    action,
  }),
  z.strictObject({
    id: Id,
    type: z.literal('share_losing').meta({ description: '类型 / Type: share_losing' }),
    max_percent: z.number().min(0).max(100).meta({ description: '收入下降人数占比上限(%)/ Max share of people who lose, percent' }),
    action,
  }),
  // Incentive guardrails (docs/incentives.md): judged on what the proposal adds or makes larger,
  // so a cliff the rules already had does not flag every later proposal.
  z.strictObject({
    id: Id,
    type: z.literal('incentive_cliff').meta({ description: '类型 / Type: incentive_cliff(提案新增或加大的断崖)' }),
    max_cliff_yuan: Yuan.meta({
      description: '提案新增或加大的断崖(指标差一点、月工资差一截)不得超过(元)/ Max jump in monthly pay at a cliff the proposal adds or enlarges, yuan',
      examples: [1000],
    }),
    action,
  }),
  z.strictObject({
    id: Id,
    type: z.literal('single_metric_share').meta({ description: '类型 / Type: single_metric_share(单一指标主导)' }),
    max_single_metric_share: Ratio.meta({
      description:
        '随单一指标变化的浮动工资占比上限,0.8 表示 80%;提案使某店某指标的占比超过上限且高于基线时触发 / Max share of the variable pay that moves with one metric (0.8 = 80 %), judged where the proposal raises it above the limit',
      examples: [0.8],
    }),
    action,
  }),
]);

export const GuardrailsPolicy = z
  .strictObject({
    kind: z.literal('guardrails').meta({ description: '规则类型 / Policy kind: guardrails' }),
    ...headerFields,
    rules: z.array(Guardrail).min(1).meta({ description: '护栏规则 / Guardrail rules' }),
  })
  .meta({ title: '护栏 / Guardrails', description: '方案变更需审批的红线 / Limits a proposal may not cross without approval' });
