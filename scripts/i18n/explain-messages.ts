// The wording of every payslip line, computation step, impact headline and flag, in Chinese and
// English. The engine and the comparison emit data (`{ code, params }`, money in fen, ids and
// numbers); the CLI, the PR report and the site's calculator render it here, so `--lang en` reaches
// every line. Each table is a mapped type over its codes: a code without zh and en wording does
// not compile.
import { formatMetric, formatYuan, type MetricUnit } from '../lib/format.ts';
import type { Lang } from './catalogue.ts';
import { adjustmentTypeWords, type AdjustmentType } from '../history/adjustment-types.ts';

/** A metric value with its unit, so it can be written as a percent, in yuan, in seconds… */
export interface Quantity {
  value: number;
  unit: MetricUnit;
}

/** A metric named by its id and (from the policy data) its Chinese label. */
export interface MetricRef {
  metric: string;
  label: string;
}

/** Days employed when the month was prorated; absent for a whole month. */
export interface Share {
  days: number;
  of: number;
}

/** Parameters of each computation step (a plan's amount, a score item, a tree heading, a headline…). */
export interface TextParams {
  'plan.tiered_whole': MetricRef & { value: Quantity; bracket: number; rate: number; base: Quantity };
  'plan.tiered_marginal': MetricRef & { value: Quantity; parts: { amount: Quantity; rate: number }[] };
  'plan.step_below': MetricRef & { value: Quantity; threshold: Quantity };
  'plan.step': MetricRef & { value: Quantity; threshold: Quantity; amount: number; steps: number; amount_per_step: number; cap?: number };
  'plan.formula': { formula: string; inputs: (MetricRef & { value: Quantity })[] };
  'plan.formula_unreadable': { formula: string };
  'plan.personal_target': { explain: Text };
  'score.linear': MetricRef & { value: Quantity; zero_at: Quantity; full_at: Quantity };
  'score.bands': MetricRef & { value: Quantity; band?: { from: Quantity; to?: Quantity }; points: number };
  'score.target': MetricRef & { value: Quantity; target: Quantity; outcome: 'reached' | 'none' | 'partial' };
  'score.deduction': { event: string; label: string; count: number; points_per_event: number; from: 'item' | 'category' | 'total'; floor: number };
  'score.weekly': { weeks: number; last: Text };
  'tree.total': { agent: string; period: string; provisional: boolean };
  'tree.category': { id: string; title: string; points: number; weight: number };
  'tree.item': { id: string; title: string; points: number; max: number };
  'impact.headline': { direction: 'increase' | 'decrease' | 'none'; change_fen: number; percent: number };
  'impact.flag': { flag: 'elimination_review' | 'step_down' | 'promotion_eligible' | 'honour_roll' };
  'impact.bucket': { bucket: 'lose_more' | 'lose_less' | 'no_change' | 'gain_less' | 'gain_more' };
  'impact.other_positions': Record<string, never>;
  'impact.other_groups': { min: number };
  'guardrail.cost_percent': { percent: number; max_percent: number };
  'guardrail.cost_amount': { change_fen: number; max_fen: number };
  'guardrail.minimum_wage': { people: number; months: number; floor_fen: number };
  'guardrail.individual_loss': { worst_percent: number; max_percent: number; people: number };
  'guardrail.share_losing': { losing: number; people: number; share: number; max_percent: number };
  'guardrail.no_incentive_analysis': { limit: { fen: number } | { percent: number } };
  'guardrail.incentive_cliff': { jump_fen: number; max_fen: number; shop: string; shop_name: string; metric: string; label: string; at_text: string; more: number };
  'guardrail.no_new_cliff': { max_fen: number };
  'guardrail.single_metric_share': { share: number; before: number; max_percent: number; shop: string; shop_name: string; metric: string; label: string; more: number };
  'guardrail.no_raised_share': { max_percent: number };
}
export type TextCode = keyof TextParams;
/** One computation step as data. */
export type Text = { [C in TextCode]: { code: C; params: TextParams[C] } }[TextCode];

/** Parameters of each kind of payslip line; each renders to a label and an explanation. */
export interface LineParams {
  base: { position: string; position_title: string; grade: string; base_fen: number; share?: Share };
  performance: { scorecard: string; title: string; base_fen: number; coefficient: number; score: number; total: number; grade?: string; scope: 'self' | 'team' | 'shop'; share?: Share };
  allowance: { allowance: string; title: string; amount_fen: number; share?: Share };
  plan: { policy: string; title: string; explain: Text };
  rank_head: MetricRef & { policy: string; title: string; rank: number; of: number; note?: string };
  rank_tail: MetricRef & { policy: string; title: string; rank: number; of: number; note?: string };
  points: { policy: string; title: string; points: number; per_point_fen: number; pool_fen: number; total_points: number };
  points_zero: { policy: string; title: string; points: number; versus: 'last_month' | 'same_month_last_year' };
  severe_fine: { event: string; label: string; count: number; fine_fen: number };
  qa_finding: { standard: string; title: string; count: number; deduction_fen: number };
  qa_cap: { deducted_fen: number; cap_fen: number };
  clawback: { original: string; plans: string[]; refunded_fen: number; amount_fen: number; types: AdjustmentType[] };
  clawback_carried: { carried_fen: number };
  clawback_cap: { cap_fen: number; over_fen: number };
}
export type LineCode = keyof LineParams;
/** What a payslip line says, as data: the code and its parameters. */
export type LineText = { [C in LineCode]: { code: C; params: LineParams[C] } }[LineCode];

/** Helpers a template uses: money, metric values and nested steps in the reader's language. */
interface Render {
  yuan: (fen: number, sign?: boolean) => string;
  q: (x: Quantity) => string;
  t: (x: Text) => string;
}

type Template<P> = (p: P, r: Render) => string;
type TextTable = { [C in TextCode]: { zh: Template<TextParams[C]>; en: Template<TextParams[C]> } };
type LineTable = { [C in LineCode]: { zh: { label: Template<LineParams[C]>; explain: Template<LineParams[C]> }; en: { label: Template<LineParams[C]>; explain: Template<LineParams[C]> } } };

const rate = (x: number) => `${(x * 100).toFixed(2)}%`;
const signed = (x: number, digits: number) => `${x > 0 ? '+' : ''}${x.toFixed(digits)}%`;
const zhShare = (s?: Share) => (s ? `(本月在职 ${s.days}/${s.of} 天,按天折算)` : '');
const enShare = (s?: Share) => (s ? ` (employed ${s.days}/${s.of} days this month, prorated)` : '');
const FLAG = {
  elimination_review: ['淘汰评估', 'elimination review'],
  step_down: ['组长降级', 'team-lead step-down'],
  promotion_eligible: ['晋升资格', 'promotion eligibility'],
  honour_roll: ['荣誉榜', 'honour roll'],
} as const;
const BUCKET = {
  lose_more: ['减少超过 5%', 'down more than 5%'],
  lose_less: ['减少 5% 以内', 'down up to 5%'],
  no_change: ['基本不变(±0.1% 以内)', 'about the same (within ±0.1%)'],
  gain_less: ['增加 5% 以内', 'up to 5% more'],
  gain_more: ['增加超过 5%', 'up more than 5%'],
} as const;

const TEXTS: TextTable = {
  'plan.tiered_whole': {
    zh: (p, r) => `${p.label} ${r.q(p.value)} 在第 ${p.bracket} 档,全额按 ${rate(p.rate)} 计:${r.q(p.base)} × ${rate(p.rate)}`,
    en: (p, r) => `${p.metric} ${r.q(p.value)} is in tier ${p.bracket}, the whole amount at ${rate(p.rate)}: ${r.q(p.base)} × ${rate(p.rate)}`,
  },
  'plan.tiered_marginal': {
    zh: (p, r) => `${p.label} ${r.q(p.value)} 超额累进:${p.parts.map((x) => `${r.q(x.amount)} × ${rate(x.rate)}`).join(' + ') || '0'}`,
    en: (p, r) => `${p.metric} ${r.q(p.value)}, each tier at its own rate: ${p.parts.map((x) => `${r.q(x.amount)} × ${rate(x.rate)}`).join(' + ') || '0'}`,
  },
  'plan.step_below': {
    zh: (p, r) => `${p.label} ${r.q(p.value)} 未达到起奖线 ${r.q(p.threshold)}`,
    en: (p, r) => `${p.metric} ${r.q(p.value)} is below the threshold ${r.q(p.threshold)}`,
  },
  'plan.step': {
    zh: (p, r) => `${p.label} ${r.q(p.value)} ≥ ${r.q(p.threshold)}:${p.amount} + ${p.steps} 档 × ${p.amount_per_step}${p.cap !== undefined ? `,封顶 ${p.cap}` : ''}`,
    en: (p, r) => `${p.metric} ${r.q(p.value)} ≥ ${r.q(p.threshold)}: ${p.amount} + ${p.steps} step(s) × ${p.amount_per_step}${p.cap !== undefined ? `, capped at ${p.cap}` : ''}`,
  },
  'plan.formula': {
    zh: (p, r) => `${p.formula}(${p.inputs.map((i) => `${i.label} = ${r.q(i.value)}`).join(',')})`,
    en: (p, r) => `${p.formula} (${p.inputs.map((i) => `${i.metric} = ${r.q(i.value)}`).join(', ')})`,
  },
  'plan.formula_unreadable': { zh: (p) => `公式无法解析:${p.formula}`, en: (p) => `the formula cannot be read: ${p.formula}` },
  'plan.personal_target': { zh: (p, r) => `${r.t(p.explain)}(起奖线为个人目标)`, en: (p, r) => `${r.t(p.explain)} (the threshold is the personal target)` },
  'score.linear': {
    zh: (p, r) => `${p.label} ${r.q(p.value)}:${r.q(p.zero_at)} 得 0 分,${r.q(p.full_at)} 得满分,线性计分`,
    en: (p, r) => `${p.metric} ${r.q(p.value)}: 0 points at ${r.q(p.zero_at)}, full points at ${r.q(p.full_at)}, linear in between`,
  },
  'score.bands': {
    zh: (p, r) => `${p.label} ${r.q(p.value)} 落在 ${p.band ? `${r.q(p.band.from)}–${p.band.to === undefined ? '以上' : r.q(p.band.to)}` : '所有档位之外'},得 ${p.points} 分`,
    en: (p, r) => `${p.metric} ${r.q(p.value)} falls ${p.band ? `in ${r.q(p.band.from)}–${p.band.to === undefined ? 'and above' : r.q(p.band.to)}` : 'outside every band'}: ${p.points} points`,
  },
  'score.target': {
    zh: (p, r) => `${p.label} ${r.q(p.value)},目标 ${r.q(p.target)}${{ reached: ',达标得满分', none: ',未达标不得分', partial: ',未达标按比例得分' }[p.outcome]}`,
    en: (p, r) => `${p.metric} ${r.q(p.value)}, target ${r.q(p.target)}${{ reached: ': reached, full points', none: ': missed, no points', partial: ': missed, points in proportion' }[p.outcome]}`,
  },
  'score.deduction': {
    zh: (p) => `${p.label} ${p.count} 次,每次扣 ${p.points_per_event} 分(${{ item: `本项最低 ${p.floor} 分`, category: `从所在类别扣,类别最低 ${p.floor} 分`, total: `从总分扣,总分最低 ${p.floor} 分` }[p.from]})`,
    en: (p) => `${p.event} ${p.count} time(s), ${p.points_per_event} points off each (${{ item: `this item no lower than ${p.floor}`, category: `taken from the category, no lower than ${p.floor}`, total: `taken from the total, no lower than ${p.floor}` }[p.from]})`,
  },
  'score.weekly': { zh: (p, r) => `${p.weeks} 周平均;最近一周:${r.t(p.last)}`, en: (p, r) => `average of ${p.weeks} weeks; last week: ${r.t(p.last)}` },
  'tree.total': {
    zh: (p) => `${p.agent} ${p.period} 工资合计${p.provisional ? '(数据未结算,预估)' : ''}`,
    en: (p) => `${p.agent} ${p.period} total pay${p.provisional ? ' (data not settled yet, an estimate)' : ''}`,
  },
  'tree.category': { zh: (p) => `${p.title} ${p.points}/${p.weight} 分`, en: (p) => `${p.id} ${p.points}/${p.weight} points` },
  'tree.item': { zh: (p) => `${p.title} ${p.points}/${p.max} 分`, en: (p) => `${p.id} ${p.points}/${p.max} points` },
  'impact.headline': {
    zh: (p, r) => (p.direction === 'none' ? '月度人力成本无变化' : `月度人力成本将${p.direction === 'increase' ? '增加' : '减少'} ${r.yuan(Math.abs(p.change_fen))} (${signed(p.percent, 1)})`),
    en: (p, r) => (p.direction === 'none' ? 'Monthly payroll cost is unchanged' : `Monthly payroll cost will ${p.direction === 'increase' ? 'rise' : 'fall'} by ${r.yuan(Math.abs(p.change_fen))} (${signed(p.percent, 1)})`),
  },
  'impact.flag': { zh: (p) => FLAG[p.flag][0], en: (p) => FLAG[p.flag][1] },
  'impact.bucket': { zh: (p) => BUCKET[p.bucket][0], en: (p) => BUCKET[p.bucket][1] },
  'impact.other_positions': { zh: () => '其他岗位(合并)', en: () => 'other positions (merged)' },
  'impact.other_groups': { zh: (p) => `其他(不足 ${p.min} 人的组合并)`, en: (p) => `others (groups under ${p.min} people merged)` },
  'guardrail.cost_percent': {
    zh: (p) => `月度成本变化 ${signed(p.percent, 2)}(上限 ±${p.max_percent}%)`,
    en: (p) => `monthly cost change ${signed(p.percent, 2)} (limit ±${p.max_percent}%)`,
  },
  'guardrail.cost_amount': {
    zh: (p, r) => `每月 ${r.yuan(p.change_fen, true)}(上限 ±${r.yuan(p.max_fen)})`,
    en: (p, r) => `${r.yuan(p.change_fen, true)} a month (limit ±${r.yuan(p.max_fen)})`,
  },
  'guardrail.minimum_wage': {
    zh: (p, r) => `${p.people} 人、${p.months} 个人月低于最低工资 ${r.yuan(p.floor_fen)}`,
    en: (p, r) => `${p.people} people, ${p.months} person-months below the minimum wage ${r.yuan(p.floor_fen)}`,
  },
  'guardrail.individual_loss': {
    zh: (p) => `最大个人降幅 ${p.worst_percent.toFixed(2)}%(上限 ${p.max_percent}%),${p.people} 人超过`,
    en: (p) => `largest individual fall ${p.worst_percent.toFixed(2)}% (limit ${p.max_percent}%), ${p.people} over`,
  },
  'guardrail.share_losing': {
    zh: (p) => `${p.losing}/${p.people} 人收入下降(${p.share.toFixed(1)}%,上限 ${p.max_percent}%)`,
    en: (p) => `${p.losing}/${p.people} people earn less (${p.share.toFixed(1)}%, limit ${p.max_percent}%)`,
  },
  'guardrail.no_incentive_analysis': {
    zh: (p, r) => `没有激励分析(规则未变时不做),${'fen' in p.limit ? `上限 ${r.yuan(p.limit.fen)}` : `上限 ${p.limit.percent.toFixed(0)}%`}`,
    en: (p, r) => `no incentive analysis (none when no rule changed), limit ${'fen' in p.limit ? r.yuan(p.limit.fen) : `${p.limit.percent.toFixed(0)}%`}`,
  },
  'guardrail.incentive_cliff': {
    zh: (p, r) => `新增或加大的断崖最大 ${r.yuan(p.jump_fen)}(上限 ${r.yuan(p.max_fen)}):${p.shop_name} ${p.label} ${p.at_text}${p.more ? ` 等 ${p.more} 处` : ''}`,
    en: (p, r) => `largest new or enlarged cliff ${r.yuan(p.jump_fen)} (limit ${r.yuan(p.max_fen)}): ${p.shop} ${p.metric}${p.more ? `, ${p.more} in all` : ''}`,
  },
  'guardrail.no_new_cliff': {
    zh: (p, r) => `没有新增或加大的断崖(上限 ${r.yuan(p.max_fen)})`,
    en: (p, r) => `no new or enlarged cliff (limit ${r.yuan(p.max_fen)})`,
  },
  'guardrail.single_metric_share': {
    zh: (p) => `提案提高了单一指标的占比,最高 ${p.share.toFixed(1)}%(原 ${p.before.toFixed(1)}%,上限 ${p.max_percent.toFixed(0)}%):${p.shop_name} ${p.label}${p.more ? ` 等 ${p.more} 处` : ''}`,
    en: (p) => `the proposal raises one metric's share to ${p.share.toFixed(1)}% (was ${p.before.toFixed(1)}%, limit ${p.max_percent.toFixed(0)}%): ${p.shop} ${p.metric}${p.more ? `, ${p.more} in all` : ''}`,
  },
  'guardrail.no_raised_share': {
    zh: (p) => `没有指标的占比因提案而升高(上限 ${p.max_percent.toFixed(0)}%)`,
    en: (p) => `no metric's share rises with the proposal (limit ${p.max_percent.toFixed(0)}%)`,
  },
};

const SCOPE = { self: ['', ''], team: [',按所带团队合计数据考核', ', scored on the team they lead'], shop: [',按全店合计数据考核', ', scored on the whole shop'] } as const;

const LINES: LineTable = {
  base: {
    zh: { label: (p) => `底薪(${p.position_title} ${p.grade})`, explain: (p, r) => `${p.position_title} ${p.grade} 底薪 ${r.yuan(p.base_fen)}${zhShare(p.share)}` },
    en: { label: (p) => `Base pay (${p.position} ${p.grade})`, explain: (p, r) => `${p.position} ${p.grade} base pay ${r.yuan(p.base_fen)}${enShare(p.share)}` },
  },
  performance: {
    zh: {
      label: (p) => `绩效工资(${p.title})`,
      explain: (p, r) => `绩效基数 ${r.yuan(p.base_fen)} × 系数 ${p.coefficient}(得分 ${p.score}/${p.total}${p.grade ? `,等级 ${p.grade}` : ''}${SCOPE[p.scope][0]})${zhShare(p.share)}`,
    },
    en: {
      label: (p) => `Performance pay (${p.scorecard})`,
      explain: (p, r) => `performance base ${r.yuan(p.base_fen)} × coefficient ${p.coefficient} (score ${p.score}/${p.total}${p.grade ? `, grade ${p.grade}` : ''}${SCOPE[p.scope][1]})${enShare(p.share)}`,
    },
  },
  allowance: {
    zh: { label: (p) => p.title, explain: (p, r) => `${p.title} ${r.yuan(p.amount_fen)}${zhShare(p.share)}` },
    en: { label: (p) => `Allowance ${p.allowance}`, explain: (p, r) => `${p.allowance} ${r.yuan(p.amount_fen)}${enShare(p.share)}` },
  },
  plan: {
    zh: { label: (p) => p.title, explain: (p, r) => r.t(p.explain) },
    en: { label: (p) => p.policy, explain: (p, r) => r.t(p.explain) },
  },
  rank_head: {
    zh: { label: (p) => `${p.title}(第 ${p.rank} 名)`, explain: (p) => `${p.label} 在 ${p.of} 人中排第 ${p.rank} 名${p.note ? `,${p.note}` : ''}` },
    // The note is free text of the policy, written in Chinese: English names the rank only.
    en: { label: (p) => `${p.policy} (rank ${p.rank})`, explain: (p) => `${p.metric} ranks ${p.rank} of ${p.of}` },
  },
  rank_tail: {
    zh: { label: (p) => `${p.title}(倒数第 ${p.rank} 名)`, explain: (p) => `${p.label} 在 ${p.of} 人中倒数第 ${p.rank} 名${p.note ? `:${p.note}` : ''}` },
    en: { label: (p) => `${p.policy} (rank ${p.rank} from the bottom)`, explain: (p) => `${p.metric} ranks ${p.rank} from the bottom of ${p.of}` },
  },
  points: {
    zh: { label: (p) => p.title, explain: (p, r) => `积分 ${p.points} × 每分 ${r.yuan(p.per_point_fen)}(奖金池 ${r.yuan(p.pool_fen)} ÷ 全店 ${p.total_points} 分)` },
    en: { label: (p) => p.policy, explain: (p, r) => `${p.points} points × ${r.yuan(p.per_point_fen)} a point (pool ${r.yuan(p.pool_fen)} ÷ ${p.total_points} points in the shop)` },
  },
  points_zero: {
    zh: { label: (p) => p.title, explain: (p) => `店铺本月未达标且营业额低于${p.versus === 'same_month_last_year' ? '去年同月' : '上月'},奖金池为 0(本月积分 ${p.points})` },
    en: {
      label: (p) => p.policy,
      explain: (p) => `the shop missed its target and sold less than ${p.versus === 'same_month_last_year' ? 'the same month last year' : 'last month'}: the pool is 0 (${p.points} points this month)`,
    },
  },
  severe_fine: {
    zh: { label: (p) => `严重${p.label}扣款`, explain: (p, r) => `严重${p.label} ${p.count} 次 × ${r.yuan(p.fine_fen)}(另在考核中扣分)` },
    en: { label: (p) => `Fine for severe ${p.event}`, explain: (p, r) => `severe ${p.event} ${p.count} time(s) × ${r.yuan(p.fine_fen)} (points are deducted on the scorecard as well)` },
  },
  qa_finding: {
    zh: { label: (p) => `质检扣款:${p.title}`, explain: (p, r) => `质检发现 ${p.count} 次 × ${r.yuan(p.deduction_fen)}` },
    en: { label: (p) => `QA deduction: ${p.standard}`, explain: (p, r) => `${p.count} QA finding(s) × ${r.yuan(p.deduction_fen)}` },
  },
  qa_cap: {
    zh: { label: () => '质检扣款封顶返还', explain: (p, r) => `本月质检扣款 ${r.yuan(p.deducted_fen)} 超过上限 ${r.yuan(p.cap_fen)},返还超出部分` },
    en: { label: () => 'QA deductions above the cap, returned', explain: (p, r) => `QA deductions of ${r.yuan(p.deducted_fen)} this month exceed the cap of ${r.yuan(p.cap_fen)}; the excess is returned` },
  },
  clawback: {
    zh: {
      label: (p) => `${p.amount_fen < 0 ? '扣回' : '补发'} ${p.original} 提成(${adjustmentTypeWords(p.types, 'zh')})`,
      explain: (p, r) => `${p.original} 的 ${p.plans.join('、')} 按扣除本月处理的${adjustmentTypeWords(p.types, 'zh')} ${r.yuan(p.refunded_fen)} 后重新计算,相差 ${r.yuan(p.amount_fen, true)}`,
    },
    en: {
      label: (p) => `${p.amount_fen < 0 ? 'Clawback of' : 'Repayment of'} ${p.original} commission (${adjustmentTypeWords(p.types, 'en')})`,
      explain: (p, r) => `${p.plans.join(', ')} for ${p.original} recomputed without the ${r.yuan(p.refunded_fen)} of ${adjustmentTypeWords(p.types, 'en')} processed this month: ${r.yuan(p.amount_fen, true)}`,
    },
  },
  clawback_carried: {
    zh: { label: () => '以前月份顺延的扣回', explain: (p, r) => `以前月份超出每月扣回上限而顺延的 ${r.yuan(p.carried_fen)}` },
    en: { label: () => 'Clawback carried over from earlier months', explain: (p, r) => `${r.yuan(p.carried_fen)} carried over from earlier months above the monthly clawback limit` },
  },
  clawback_cap: {
    zh: { label: () => '超出每月扣回上限,顺延到下月', explain: (p, r) => `每月最多扣回 ${r.yuan(p.cap_fen)},其余 ${r.yuan(p.over_fen)} 顺延到以后的月份` },
    en: { label: () => 'Above the monthly clawback limit, carried to next month', explain: (p, r) => `at most ${r.yuan(p.cap_fen)} is clawed back a month; the other ${r.yuan(p.over_fen)} is carried to later months` },
  },
};

/** A metric value in the reader's language (Chinese keeps the units 秒 and 分 of the payslip). */
export function formatQuantity(x: Quantity, lang: Lang): string {
  if (lang === 'zh') return formatMetric(x.value, x.unit);
  if (x.unit === 'seconds') return `${Number(x.value.toFixed(1))} s`;
  if (x.unit === 'points') return `${Number(x.value.toFixed(2))} points`;
  return formatMetric(x.value, x.unit);
}

const renderers: Record<Lang, Render> = {
  zh: { yuan: (fen, sign) => formatYuan(fen, { sign: sign ?? false }), q: (x) => formatQuantity(x, 'zh'), t: (x) => renderText(x, 'zh') },
  en: { yuan: (fen, sign) => formatYuan(fen, { sign: sign ?? false }), q: (x) => formatQuantity(x, 'en'), t: (x) => renderText(x, 'en') },
};

/** One computation step, headline, flag or figure in the reader's language. */
export function renderText(text: Text, lang: Lang): string {
  const entry = TEXTS[text.code][lang] as Template<TextParams[TextCode]>;
  return entry(text.params, renderers[lang]);
}

/** A payslip line's label and explanation in the reader's language. */
export function renderLine(line: LineText, lang: Lang): { label: string; explain: string } {
  const entry = LINES[line.code][lang] as { label: Template<LineParams[LineCode]>; explain: Template<LineParams[LineCode]> };
  return { label: entry.label(line.params, renderers[lang]), explain: entry.explain(line.params, renderers[lang]) };
}

/** All codes with wording: the test that every code renders in both languages walks these. */
export const TEXT_CODES = Object.keys(TEXTS) as TextCode[];
export const LINE_CODES = Object.keys(LINES) as LineCode[];
