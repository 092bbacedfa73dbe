// kind: scorecard — a weighted points card (e.g. 10/50/30/10 of 100) and how the score sets pay.
import { z } from 'zod';
import { Id, MAX_LEVEL, Rounding, Yuan, headerFields } from './common.ts';

const metricRef = Id.meta({ description: '指标编号(见指标目录)/ Metric id from the catalogue' });

export const LinearScoring = z.strictObject({
  type: z.literal('linear').meta({ description: '类型 / Type: linear' }),
  metric: metricRef,
  zero_at: z.number().min(-MAX_LEVEL).max(MAX_LEVEL).meta({ description: '得 0 分时的指标值 / Metric value that scores 0' }),
  full_at: z.number().min(-MAX_LEVEL).max(MAX_LEVEL).meta({ description: '得满分时的指标值(可小于 zero_at,用于越低越好)/ Metric value that scores full points' }),
});

export const Band = z.strictObject({
  from: z.number().min(-MAX_LEVEL).max(MAX_LEVEL).meta({ description: '区间下限(含)/ Lower bound, inclusive' }),
  to: z.number().min(-MAX_LEVEL).max(MAX_LEVEL).optional().meta({ description: '区间上限(不含),最后一档可省略 / Upper bound, exclusive; may be omitted on the last band' }),
  points: z.number().min(0).max(1e4).meta({ description: '该区间得分 / Points in this band' }),
});

export const BandsScoring = z.strictObject({
  type: z.literal('bands').meta({ description: '类型 / Type: bands' }),
  metric: metricRef,
  bands: z.array(Band).min(1).meta({ description: '分档,按从低到高排列,区间为 [from, to) / Bands, ascending, [from, to)' }),
});

export const TargetScoring = z.strictObject({
  type: z.literal('target').meta({ description: '类型 / Type: target' }),
  metric: metricRef,
  target: z.number().min(-MAX_LEVEL).max(MAX_LEVEL).meta({ description: '目标值;达到得满分 / Target; reaching it scores full points' }),
  partial: z
    .enum(['proportional', 'none'])
    .default('proportional')
    .meta({ description: '未达标时按比例得分 proportional,或 0 分 none / Below target: proportional or none' }),
});

export const DeductionScoring = z.strictObject({
  type: z.literal('deduction').meta({ description: '类型 / Type: deduction' }),
  event: Id.meta({ description: '事件编号(如 complaint 投诉)/ Event id' }),
  points_per_event: z.number().positive().max(1e4).meta({ description: '每次扣分 / Points deducted per event', examples: [3] }),
  floor: z.number().min(0).max(1e4).default(0).meta({ description: '扣到的最低分(对 deduct_from 所指的本项、类别或总分)/ Lowest score of what the deduction comes from' }),
  deduct_from: z
    .enum(['item', 'category', 'total'])
    .default('item')
    .meta({ description: '从哪里扣:item 只扣本项(扣完为止),category 从所在类别扣,total 从总分扣(seed 001「投诉一次扣 3 分」)/ What the deduction comes from: this item only, its category, or the total' }),
  severe_fine: Yuan.optional().meta({
    description: '「严重」事件除扣分外每次直接扣款(元),单列一行(seed 001「特别严重,不仅扣分还要直接扣钱」)/ Fine per severe event, on top of the points',
    examples: [100],
  }),
});

export const Scoring = z.discriminatedUnion('type', [LinearScoring, BandsScoring, TargetScoring, DeductionScoring]);

export const ScoreItem = z.strictObject({
  id: Id,
  title: z.string().min(1).meta({ description: '考核项 / Item title', examples: ['客户投诉'] }),
  points: z.number().positive().max(1e4).meta({ description: '本项满分;一个类别内各项之和等于类别权重 / Full points of this item' }),
  scoring: Scoring.meta({ description: '计分方式:linear 线性、bands 分档、target 目标、deduction 按次扣分 / Scoring method' }),
});

export const Category = z.strictObject({
  id: Id,
  title: z.string().min(1).meta({ description: '类别 / Category title', examples: ['业务绩效'] }),
  weight: z.number().positive().max(1e4).meta({ description: '类别分值;各类别之和等于总分 / Category weight; categories sum to the total' }),
  items: z.array(ScoreItem).min(1).meta({ description: '考核项 / Items of this category' }),
});

export const GradeBand = z.strictObject({
  grade: z.string().min(1).meta({ description: '等级,如 A / Grade', examples: ['A'] }),
  min_score: z.number().min(0).max(1e4).meta({ description: '最低分(含)/ Minimum score, inclusive' }),
  coefficient: z.number().min(0).max(10).meta({ description: '绩效系数 / Coefficient applied to the performance-pay base' }),
});

export const ScoreEffect = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('coefficient').meta({ description: '类型 / Type: coefficient' }),
    min_coefficient: z.number().min(0).max(10).default(0).meta({ description: '系数下限 / Lowest coefficient' }),
    max_coefficient: z.number().min(0).max(10).default(1).meta({ description: '系数上限 / Highest coefficient' }),
  }).meta({ description: '系数 = 得分 ÷ 总分 / Coefficient = score ÷ total' }),
  z.strictObject({
    type: z.literal('grades').meta({ description: '类型 / Type: grades' }),
    grades: z.array(GradeBand).min(1).meta({ description: '等级,按最低分从高到低排列 / Grades, highest first' }),
  }).meta({ description: '按等级定系数 / Coefficient by grade band' }),
]);

export const ScorecardPolicy = z
  .strictObject({
    kind: z.literal('scorecard').meta({ description: '规则类型 / Policy kind: scorecard' }),
    ...headerFields,
    rounding: Rounding,
    cadence: z
      .enum(['monthly', 'weekly'])
      .default('monthly')
      .meta({ description: '考核周期;weekly 表示每周打分,月度取平均 / Assessment cadence; weekly scores are averaged per month' }),
    scope: z
      .enum(['self', 'team', 'shop'])
      .default('self')
      .meta({ description: '按谁的数据打分:self 本人,team 所带团队合计,shop 全店合计(主任/主管/经理按团队或店铺业绩考核)/ Whose results are scored: the person, their team (Σ/Σ), or the whole shop' }),
    total: z.number().positive().max(1e4).meta({ description: '总分 / Total points', examples: [100] }),
    categories: z.array(Category).min(1).meta({ description: '考核类别 / Categories' }),
    effect: ScoreEffect.meta({ description: '得分如何决定绩效工资 / How the score sets performance pay' }),
  })
  .meta({ title: '考核表 / Scorecard', description: '百分制考核表与绩效系数 / Points card and performance coefficient' });
