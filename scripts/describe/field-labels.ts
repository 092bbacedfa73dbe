// Chinese names of policy fields and how their values read, for describing rules and changes
// in words. One table for the PR report and the site's changelog.
import { perKind } from '../policy/kinds/index.ts';
import type { PolicyKind } from '../policy/schema/index.ts';

export type ValueFormat = 'money' | 'ratio' | 'metric' | 'plain' | 'metric_step';

export interface FieldLabel {
  label: string;
  format: ValueFormat;
}

/** Field name → label. `metric` values take the unit of the metric the rule is about. */
export const FIELD_LABELS: Record<string, FieldLabel> = {
  title: { label: '名称', format: 'plain' },
  summary: { label: '说明', format: 'plain' },
  effective_from: { label: '生效日期', format: 'plain' },
  effective_to: { label: '失效日期', format: 'plain' },
  applies_to: { label: '适用范围', format: 'plain' },
  shops: { label: '店铺', format: 'plain' },
  teams: { label: '小组', format: 'plain' },
  positions: { label: '岗位', format: 'plain' },
  grades: { label: '职级', format: 'plain' },
  rounding: { label: '取整规则', format: 'plain' },
  mode: { label: '取整方式', format: 'plain' },
  unit: { label: '单位', format: 'plain' },
  base_pay: { label: '底薪', format: 'money' },
  performance_base: { label: '绩效基数', format: 'money' },
  amount: { label: '金额', format: 'money' },
  amount_per_step: { label: '每档奖金', format: 'money' },
  cap: { label: '封顶', format: 'money' },
  deduction: { label: '扣款', format: 'money' },
  monthly_cap: { label: '每月扣款上限', format: 'money' },
  max_amount: { label: '上限金额', format: 'money' },
  rate: { label: '提成比例', format: 'ratio' },
  share: { label: '人数占比', format: 'ratio' },
  share_of_revenue: { label: '奖金池占营业额比例', format: 'ratio' },
  threshold: { label: '起奖线', format: 'metric' },
  step: { label: '每档幅度', format: 'metric_step' },
  target: { label: '目标', format: 'metric' },
  zero_at: { label: '0 分线', format: 'metric' },
  full_at: { label: '满分线', format: 'metric' },
  from: { label: '下限', format: 'metric' },
  to: { label: '上限', format: 'metric' },
  at_least: { label: '达到', format: 'metric' },
  per: { label: '每', format: 'metric' },
  points: { label: '分值', format: 'plain' },
  weight: { label: '权重', format: 'plain' },
  total: { label: '总分', format: 'plain' },
  points_per_event: { label: '每次扣分', format: 'plain' },
  floor: { label: '最低分', format: 'plain' },
  min_score: { label: '最低分', format: 'plain' },
  coefficient: { label: '系数', format: 'plain' },
  min_coefficient: { label: '最低系数', format: 'plain' },
  max_coefficient: { label: '最高系数', format: 'plain' },
  max_percent: { label: '上限(%)', format: 'plain' },
  consecutive_periods: { label: '连续周期数', format: 'plain' },
  consecutive_missed: { label: '连续未达标月数', format: 'plain' },
  consecutive_months: { label: '连续月数', format: 'plain' },
  or_last_rank: { label: '垫底也降级', format: 'plain' },
  publish: { label: '公开', format: 'plain' },
  top: { label: '上榜人数', format: 'plain' },
  metric: { label: '指标', format: 'plain' },
  base_metric: { label: '提成基数', format: 'plain' },
  team_metric: { label: '团队指标', format: 'plain' },
  formula: { label: '公式', format: 'plain' },
  method: { label: '累进方式', format: 'plain' },
  bound: { label: '档位边界', format: 'plain' },
  type: { label: '方式', format: 'plain' },
  cadence: { label: '周期', format: 'plain' },
  group: { label: '排名范围', format: 'plain' },
  partial: { label: '未达标时', format: 'plain' },
  action: { label: '处理', format: 'plain' },
  event: { label: '事件', format: 'plain' },
  label: { label: '名称', format: 'plain' },
  direction: { label: '方向', format: 'plain' },
  level: { label: '层级', format: 'plain' },
  plans: { label: '适用方案', format: 'plain' },
  grade: { label: '等级', format: 'plain' },
  rank: { label: '名次', format: 'plain' },
  note: { label: '备注', format: 'plain' },
  zero_when_missed_and_fell: { label: '未达标且倒退时奖金池为 0', format: 'plain' },
  remainder: { label: '余数去向', format: 'plain' },
  finding_event: { label: '质检事件', format: 'plain' },
};

/** Names of enumerated values, so a change reads 「全额累进 → 超额累进」 rather than `whole → marginal`. */
export const VALUE_LABELS: Record<string, string> = {
  whole: '全额累进',
  marginal: '超额累进',
  lower_inclusive: '含下限 [from, to)',
  upper_inclusive: '含上限 (from, to]',
  half_up: '四舍五入',
  half_even: '银行家舍入',
  down: '舍去',
  up: '进一',
  fen: '分',
  jiao: '角',
  yuan: '元',
  monthly: '每月',
  weekly: '每周',
  quarterly: '每季度',
  team: '小组内',
  shop: '店内',
  all: '全员',
  warn: '警告',
  block: '阻止合并',
  proportional: '按比例得分',
  none: '不得分',
  linear: '线性',
  bands: '分档',
  deduction: '按次扣分',
  coefficient: '系数',
  grades: '等级',
  tiered: '阶梯提成',
  step_bonus: '阶梯奖金',
  rank_award: '头尾奖励',
  largest_remainder: '按最大余数分配',
  top_scorer: '给积分最高者',
  higher_better: '越高越好',
  lower_better: '越低越好',
  true: '是',
  false: '否',
};

/** Human names of policy kinds, from each kind's module. */
export const KIND_LABELS: Record<PolicyKind, string> = perKind((m) => m.label.zh);

/** A change or step of a ratio in words: 0.02 is 「2 个百分点」. */
export function percentagePoints(ratio: number): string {
  return `${Number((ratio * 100).toFixed(4))} 个百分点`;
}

/** A policy's rounding in words, as the engine applies it (lib/money.ts roundFen): 「四舍五入到分」, 「银行家舍入到角」, 「进一到分」. */
export function roundingInWords(rounding: { mode: string; unit: string }): string {
  return `${VALUE_LABELS[rounding.mode] ?? rounding.mode}到${VALUE_LABELS[rounding.unit] ?? rounding.unit}`;
}
