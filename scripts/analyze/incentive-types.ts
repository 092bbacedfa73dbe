// The incentive analysis as data: zod is the one source; the TS types are inferred and
// schemas/incentive-analysis.schema.json is generated from it (npm run schemas, drift-tested).
import { z } from 'zod';
import type { MetricUnit } from '../lib/format.ts';
import type { IncentiveMessage } from '../i18n/incentive-messages.ts';

const Subject = {
  shop: z.string().meta({ description: '店铺编号 / Shop id' }),
  shop_name: z.string().meta({ description: '店铺名称 / Shop name' }),
  position: z.string().meta({ description: '岗位编号 / Position id' }),
  grade: z.string().meta({ description: '分析所用职级(该店该岗位最常见的)/ Grade probed (the most common one)' }),
};
const MetricRef = {
  metric: z.string().meta({ description: '指标编号 / Metric id' }),
  label: z.string().meta({ description: '指标中文名 / Metric label' }),
};

export const CliffSchema = z.strictObject({
  ...Subject,
  ...MetricRef,
  at: z.number().meta({ description: '断崖所在的指标值 / Metric value where pay jumps' }),
  at_text: z.string().meta({ description: '指标值(中文格式)/ The value, formatted' }),
  jump_fen: z.int().meta({ description: '跨过这一点时月工资的变化(分,正数为增加)/ Change in monthly pay across the point, fen' }),
  share_of_pay: z.number().meta({ description: '占该店客服典型月薪的比例 / Share of the typical monthly pay' }),
  just_below: z.int().min(0).meta({ description: '历史上落在断崖下方一小段内的人月数(扎堆)/ Agent-months just below the point' }),
  just_above: z.int().min(0).meta({ description: '历史上落在断崖上方同样宽度内的人月数 / Agent-months just above the point' }),
  via: z
    .strictObject({
      policy: z.string().meta({ description: '跳变最大的工资条行所依据的规则编号 / Policy of the payslip line that jumps most' }),
      title: z.string().meta({ description: '该规则的标题 / Its title' }),
      anchor: z.string().meta({ description: '该规则在网站上的锚点 / Its anchor on the site' }),
      rate_before: z.number().optional().meta({ description: '跨过前该行的提成比例(引擎记录的输入)/ The line\'s rate below the point' }),
      rate_after: z.number().optional().meta({ description: '跨过后的提成比例 / The rate above the point' }),
      grade_before: z.string().optional().meta({ description: '跨过前的考核等级 / Scorecard grade below the point' }),
      grade_after: z.string().optional().meta({ description: '跨过后的考核等级 / Grade above the point' }),
    })
    .optional()
    .meta({ description: '哪条规则造成了跳变(从两侧的工资条读出)/ Which rule makes the jump, read from the payslips either side' }),
});

export const DeadZoneSchema = z.strictObject({
  ...Subject,
  ...MetricRef,
  kind: z.enum(['flat', 'falls']).meta({ description: 'flat 做得更好也不多拿;falls 做得更好反而少拿 / flat: no extra pay; falls: less pay for better results' }),
  from_text: z.string().meta({ description: '区间起点 / From' }),
  to_text: z.string().meta({ description: '区间终点 / To' }),
});

export const MarginalSchema = z.strictObject({
  ...Subject,
  ...MetricRef,
  per: z.string().meta({ description: '每单位,如「每提高 1 个百分点」/ Per unit' }),
  fen: z.int().meta({ description: '在典型水平上每单位带来的月工资变化(分)/ Pay change per unit at typical values, fen' }),
});

export const DominanceSchema = z.strictObject({
  ...Subject,
  shares: z
    .array(z.strictObject({ ...MetricRef, share: z.number(), swing_fen: z.int() }))
    .meta({ description: '指标从本店 25 分位变到 75 分位时工资的变化,及其占全部变化的比例 / Pay swing from the 25th to the 75th percentile of each metric, and its share' }),
  warning: z
    .strictObject({ ...MetricRef, share: z.number(), counter: z.string(), counter_label: z.string(), why: z.string() })
    .optional()
    .meta({ description: '一个容易被「刷」的指标决定了大部分浮动工资时的提醒 / Warning when one gaming-prone metric drives most of the variable pay' }),
});

export const BalanceSchema = z.strictObject({
  reward_fen: z.int().meta({ description: '回放期内奖励类金额合计(绩效、提成、奖金、积分)/ Rewards paid in the replay' }),
  penalty_fen: z.int().meta({ description: '扣款合计(正数)/ Deductions, as a positive number' }),
  reward_per_penalty: z.number().nullable().meta({ description: '每扣 1 元对应的奖励(seed 000 高奖低罚)/ Rewards per yuan deducted' }),
  top10_share: z.number().meta({ description: '浮动工资最高的 10% 的人拿走的浮动工资占比 / Share of variable pay going to the top 10 %' }),
});

export const TimingGameSchema = z.strictObject({
  shop: Subject.shop,
  shop_name: Subject.shop_name,
  position: Subject.position,
  sampled: z.int().min(0).meta({ description: '抽样回放的人数(按销售额分布均匀抽取)/ People sampled, spread over the shop\'s sales' }),
  gainers: z.int().min(0).meta({ description: '其中挪动销售额或订单能多拿 ≥ ¥50 的人数 / How many of them could gain ¥50 or more' }),
  max_gain_fen: z.int().meta({ description: '抽样中一个人最多能多拿多少(两个月合计,分)/ The largest gain found for one person over the two months, fen' }),
  median_gain_fen: z.int().meta({ description: '抽样者各自最大收益的中位数(分)/ Median of each sampled person\'s best gain, fen' }),
  example: z
    .strictObject({
      from: z.string().meta({ description: '销售额从哪个月挪出 / Month the sales are moved out of' }),
      to: z.string().meta({ description: '挪进哪个月 / Month they are moved into' }),
      quarter: z.boolean().meta({ description: '是否跨季度 / Whether the boundary is also a quarter\'s end' }),
      sales_moved_fen: z.int().meta({ description: '挪动的销售额(分)/ Sales moved, fen' }),
      orders_moved: z.int().meta({ description: '随之挪动的订单数(付款人数)/ Orders (paying buyers) moved with them' }),
      gain_fen: z.int().meta({ description: '两个月工资合计多拿(分)/ Gain over the two months, fen' }),
    })
    .optional()
    .meta({ description: '收益最大的一次挪动(有 ≥ ¥50 的收益时)/ The most rewarding move found, when one gains ¥50 or more' }),
});

export const CurveSchema = z.strictObject({
  ...Subject,
  ...MetricRef,
  unit: z.enum(['ratio', 'cny', 'seconds', 'count', 'points']).meta({ description: '指标单位 / Metric unit' }),
  points: z
    .array(z.strictObject({ x: z.number(), fen: z.int() }))
    .meta({ description: '该店典型客服的月工资(分)随该指标变化,其他指标取本店中位数;断崖两侧各有一点 / Monthly pay of the typical agent against the metric, a point either side of each cliff' }),
});

export const IncentiveAnalysisSchema = z
  .strictObject({
    month: z.string().meta({ description: '分析所用规则的月份 / Month whose rules are analysed' }),
    typical_pay_fen: z.record(z.string(), z.int()).meta({ description: '各店客服月薪中位数(分)/ Median monthly pay of agents per shop' }),
    agents: z.record(z.string(), z.int()).meta({ description: '各店参与分析的客服人数 / Agents per shop behind the medians' }),
    cliffs: z.array(CliffSchema).meta({ description: '断崖:指标小变化、工资大跳变的点 / Cliffs' }),
    dead_zones: z.array(DeadZoneSchema).meta({ description: '死区与倒挂 / Dead zones and non-monotone ranges' }),
    marginal: z.array(MarginalSchema).meta({ description: '边际收益 / Marginal pay per unit' }),
    curves: z.array(CurveSchema).meta({ description: '边际收益曲线:工资随各指标变化(只含影响工资的指标)/ Pay curves of each metric that moves pay' }),
    dominance: z.array(DominanceSchema).meta({ description: '单一指标主导(古德哈特风险)/ Single-metric dominance' }),
    timing: z.array(TimingGameSchema).meta({ description: '时点博弈:把销售额或订单挪过月末/季末能多拿多少 / Timing games across a month or quarter boundary' }),
    balance: BalanceSchema.meta({ description: '奖罚平衡与集中度 / Reward-penalty balance and concentration' }),
  })
  .meta({ title: '激励风险分析 / Incentive analysis', description: '规则在奖励什么行为 / What behaviour the rules pay for' });

export type IncentiveAnalysis = z.output<typeof IncentiveAnalysisSchema>;
/**
 * The numbers behind a finding's Chinese text fields (`at_text`, `from_text`, `per`), for renderers
 * in other languages. Kept in memory, not enumerable: the JSON keeps the text its schema describes.
 */
export interface FindingValues {
  unit: MetricUnit;
  from?: number;
  to?: number;
  per?: IncentiveMessage;
}
/** Attaches a finding's values without making them part of its JSON. */
export function withValues<T extends object>(finding: T, values: FindingValues): T & { values?: FindingValues } {
  return Object.defineProperty(finding, 'values', { value: values, enumerable: false });
}

export type Cliff = z.output<typeof CliffSchema> & { values?: FindingValues };
export type DeadZone = z.output<typeof DeadZoneSchema> & { values?: FindingValues };
export type Dominance = z.output<typeof DominanceSchema>;
export type Marginal = z.output<typeof MarginalSchema> & { values?: FindingValues };
export type Curve = z.output<typeof CurveSchema>;
export type TimingGame = z.output<typeof TimingGameSchema>;

/** What changed between the base's and the proposal's analysis (the PR report's 「激励风险」). */
export const IncentiveDiffSchema = z
  .strictObject({
    cliffs_added: z.array(CliffSchema),
    cliffs_removed: z.array(CliffSchema),
    cliffs_changed: z.array(z.strictObject({ before: CliffSchema, after: CliffSchema })),
    dead_zones_added: z.array(DeadZoneSchema),
    dead_zones_removed: z.array(DeadZoneSchema),
    warnings_added: z.array(DominanceSchema),
    warnings_removed: z.array(DominanceSchema),
    timing_changed: z
      .array(z.strictObject({ before: TimingGameSchema.optional(), after: TimingGameSchema.optional() }))
      .meta({ description: '时点博弈收益变化 ≥ ¥50 的店 / Shops whose timing-game gain changes by ¥50 or more' }),
    balance: z.strictObject({ before: BalanceSchema, after: BalanceSchema }),
    changed: z.boolean().meta({ description: '激励结构是否有变化 / Whether anything changed' }),
  })
  .meta({ description: '提案前后激励风险的变化 / How the proposal changes the incentive risks' });

export type IncentiveDiff = z.output<typeof IncentiveDiffSchema>;

export function incentiveJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://cs-pay-policy.local/schemas/incentive-analysis.schema.json',
    ...(z.toJSONSchema(IncentiveAnalysisSchema, { target: 'draft-2020-12' }) as Record<string, unknown>),
  };
}
