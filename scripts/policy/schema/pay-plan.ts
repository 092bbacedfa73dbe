// kind: pay_plan — one commission or bonus plan: tiered, step bonus, formula, or head/tail awards.
import { z } from 'zod';
import { Formula, Id, MAX_LEVEL, Rounding, Yuan, headerFields } from './common.ts';

const metricRef = Id.meta({ description: '指标编号(见指标目录)/ Metric id from the catalogue' });

export const Bracket = z.strictObject({
  from: z.number().min(0).max(MAX_LEVEL).meta({ description: '档位下限 / Lower bound of the bracket' }),
  to: z.number().min(0).max(MAX_LEVEL).optional().meta({ description: '档位上限,最后一档可省略(不封顶)/ Upper bound; omitted on the last bracket (no cap)' }),
  rate: z.number().min(0).max(1).meta({ description: '提成比例,0.01 即 1% / Commission rate, 0.01 = 1 %' }),
});

export const TieredPlan = z.strictObject({
  type: z.literal('tiered').meta({ description: '类型 / Type: tiered' }),
  metric: metricRef.meta({ description: '决定档位的指标 / Metric that selects the bracket' }),
  base_metric: Id.optional().meta({ description: '提成计算基数(元),省略则为 metric 本身 / Amount the rate applies to; defaults to metric' }),
  method: z
    .enum(['whole', 'marginal'])
    .meta({ description: '全额累进 whole:全部按所达档位比例;超额累进 marginal:每档只对落在该档的部分 / Whole-amount or marginal' }),
  bound: z
    .enum(['lower_inclusive', 'upper_inclusive'])
    .meta({ description: '档位边界归属:lower_inclusive 即 [from, to),upper_inclusive 即 (from, to] / Which side of a bound is inclusive' }),
  brackets: z.array(Bracket).min(1).meta({ description: '档位,从低到高,首尾相接 / Brackets, ascending and contiguous' }),
});

export const StepBonusPlan = z.strictObject({
  type: z.literal('step_bonus').meta({ description: '类型 / Type: step_bonus' }),
  metric: metricRef,
  threshold: z.number().min(-MAX_LEVEL).max(MAX_LEVEL).meta({ description: '起奖线,如 0.50 / Level where the bonus starts', examples: [0.5] }),
  amount: Yuan.meta({ description: '达到起奖线的奖金(元)/ Bonus at the threshold', examples: [800] }),
  step: z.number().positive().max(MAX_LEVEL).meta({ description: '每上升多少加一档,如 0.02 / Step size', examples: [0.02] }),
  amount_per_step: Yuan.meta({ description: '每档加多少(元)/ Extra per full step', examples: [400] }),
  cap: Yuan.optional().meta({ description: '封顶金额(元),省略表示上不封顶 / Cap; omitted means uncapped' }),
  personal_target: z
    .boolean()
    .default(false)
    .meta({ description: '起奖线取个人当月目标(targets.csv 中 scope=person 的该指标目标;seed 004「给A客服定目标52%」),没有个人目标时用 threshold / Use the person\'s monthly target (targets.csv) as the threshold when there is one' }),
});

export const FormulaPlan = z.strictObject({
  type: z.literal('formula').meta({ description: '类型 / Type: formula' }),
  formula: Formula.meta({ description: '金额公式(结果为元)/ Formula giving yuan', examples: ['conversion_rate * sales * 0.01'] }),
});

export const RankAward = z.strictObject({
  rank: z.int().min(1).meta({ description: '名次 / Rank' }),
  amount: Yuan.meta({ description: '金额(元);尾部可为 0,表示非金钱措施 / Amount; 0 for a non-money action' }),
  note: z.string().optional().meta({ description: '说明,如「公开复盘发言」/ Note, e.g. a non-money action' }),
});

export const RankAwardPlan = z.strictObject({
  type: z.literal('rank_award').meta({ description: '类型 / Type: rank_award' }),
  metric: Id.meta({ description: '排名指标,score 表示考核得分 / Ranking metric; `score` is the scorecard score' }),
  group: z.enum(['team', 'shop', 'all']).meta({ description: '在哪个范围内排名 / Ranking group' }),
  head: z.array(RankAward).default([]).meta({ description: '头部奖励(第 1 名起)/ Awards from the top' }),
  tail: z.array(RankAward).default([]).meta({ description: '尾部措施(倒数第 1 名起)/ Actions from the bottom' }),
});

export const Plan = z.discriminatedUnion('type', [TieredPlan, StepBonusPlan, FormulaPlan, RankAwardPlan]);

export const PayPlanPolicy = z
  .strictObject({
    kind: z.literal('pay_plan').meta({ description: '规则类型 / Policy kind: pay_plan' }),
    ...headerFields,
    rounding: Rounding,
    plan: Plan.meta({ description: '方案:tiered 阶梯提成、step_bonus 阶梯奖金、formula 公式、rank_award 头尾奖励 / The plan' }),
  })
  .meta({ title: '提成/奖金方案 / Pay plan', description: '提成与奖金 / Commission and bonus' });
