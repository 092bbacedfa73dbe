// Wording of the PR report (the impact comment) in Chinese and English: headings, table heads,
// notes. The figures and the headline come from the impact data; labels of lines, flags, buckets
// and guardrail figures from explain-messages.ts. A key without both languages does not compile.
import type { Lang } from './catalogue.ts';

const MESSAGES = {
  status_pass: ['通过', 'pass'],
  status_warn: ['警告', 'warning'],
  status_block: ['阻止合并', 'blocks merging'],
  guardrail_total_cost_change: ['月度总成本变化', 'Monthly total cost change'],
  guardrail_minimum_wage: ['最低工资', 'Minimum wage'],
  guardrail_individual_loss: ['个人降薪幅度', 'Individual pay cut'],
  guardrail_share_losing: ['降薪人数占比', 'Share of people paid less'],
  guardrail_incentive_cliff: ['新增断崖', 'New pay cliffs'],
  guardrail_single_metric_share: ['单一指标主导', 'Single-metric dominance'],
  people: ['人数', 'People'],
  current: ['现行', 'Current'],
  proposal: ['提案', 'Proposal'],
  change: ['变化', 'Change'],
  change_percent: ['变化率', 'Change %'],
  chart_title: ['每月人力成本(元):柱 = 现行,线 = 提案', 'Monthly payroll cost (yuan): bars = current, line = proposal'],
  chart_unit: ['元', 'yuan'],
  guardrails_changed: [
    '> ❌ **护栏规则被修改**:本 PR 新增、删除或修改了护栏。护栏始终按基线 {ref} 的版本判定,护栏的修改本身需要财务负责人审批。',
    '> ❌ **Guardrails edited**: this PR adds, removes or edits guardrails. Guardrails are always judged as they are at the base {ref}; editing them needs the finance owner\'s approval.',
  ],
  code_changed: [
    '> ❌ **计算代码被修改**:{files}{more}。本报告由基线分支的代码计算;代码的修改需要维护者审批。',
    '> ❌ **Judging code edited**: {files}{more}. This report was computed by the base branch\'s code; code changes need a maintainer\'s approval.',
  ],
  code_changed_more: [' 等 {n} 个文件', ' and others, {n} files in all'],
  future_changes: [
    '> ❌ **回放期之后才生效的变更**:{list}。历史数据只到 {to},本次回放看不出这些版本的影响,需要负责人人工审阅后批准。',
    '> ❌ **Changes taking effect after the replayed months**: {list}. The history ends in {to}, so this replay cannot show their effect; an owner must review and approve them by hand.',
  ],
  future_change_item: ['{file} 第 {version} 版({from} 起)', '{file} version {version} (from {from})'],
  list_separator: ['、', ', '],
  truncated: [
    '> ⚠️ 报告过长,已截断:省略了部分明细,完整报告见本次 CI 运行的附件 `payroll-impact`(impact.md / impact.json / impact.csv)。',
    '> ⚠️ The report was too long and is cut short: some details are left out; the full report is the CI run\'s artifact `payroll-impact` (impact.md / impact.json / impact.csv).',
  ],
  policy_heading: ['### 规则变更', '### Rule changes'],
  policy_none: ['规则没有变化。', 'No rule changed.'],
  verb_added: ['新增', 'added'],
  verb_removed: ['删除', 'removed'],
  verb_changed: ['修改', 'changed'],
  policy_head: ['- **{title}**({verb},{file}{effective})', '- **{title}** ({verb}, {file}{effective})'],
  policy_effective: [',生效日期 {date}', ', effective {date}'],
  policy_more: [
    '- ……另有 {n} 条变化说明未显示,见 CI 附件 `payroll-impact` 中的 impact.json(policy_changes)。',
    '- … {n} more change notes not shown: see impact.json (policy_changes) in the CI artifact `payroll-impact`.',
  ],
  guardrails_heading: ['### 护栏', '### Guardrails'],
  guardrail: ['护栏', 'Guardrail'],
  result: ['结果', 'Result'],
  figures: ['数据', 'Figures'],
  people_more: [' 等', ' and others'],
  people_intro: [':', ': '],
  all: ['全部', 'All'],
  buckets_heading: ['### 谁多拿、谁少拿', '### Who gets more, who gets less'],
  buckets_note: [
    '按每人在回放期内的工资合计计算;「基本不变」指变化在 ±{no_change}% 以内,大小幅度以 {large}% 为界。人数不足 3 人的岗位合并显示。',
    'By each person\'s total pay over the replayed months; "about the same" means within ±{no_change}%, small and large changes are split at {large}%. Positions with fewer than 3 people are merged.',
  ],
  monthly_summary: ['每月成本(现行 / 提案 / 变化)', 'Cost by month (current / proposal / change)'],
  month: ['月份', 'Month'],
  groups_summary: ['按店铺、小组、岗位', 'By shop, team and position'],
  shop: ['店铺', 'Shop'],
  team: ['小组', 'Team'],
  position: ['岗位', 'Position'],
  largest_summary: ['变化最大的 {n} 人(化名)', 'The {n} largest changes (aliases)'],
  alias: ['化名', 'Alias'],
  current_total: ['现行合计', 'Current total'],
  proposal_total: ['提案合计', 'Proposal total'],
  deciles_summary: ['月均工资分布(十分位)', 'Monthly pay distribution (deciles)'],
  decile: ['分位', 'Decile'],
  flag_change: ['- {label}:新增 {gained} 人,取消 {lost} 人', '- {label}: {gained} added, {lost} removed'],
  migration_summary: ['班级变动({period}):{moved} 人换班', 'Class changes ({period}): {moved} people move'],
  migration_corner: ['现行 ↓ / 提案 →', 'current ↓ / proposal →'],
  flags_unchanged: ['淘汰、降级、晋升、荣誉标记没有变化。', 'No change in elimination, step-down, promotion or honour flags.'],
  footer: [
    '<sub>人员以化名显示;完整数据见 CI 附件(JSON / CSV)。由 `npm run simulate` 生成。</sub>',
    '<sub>People are shown by alias; the full data is in the CI artifact (JSON / CSV). Made by `npm run simulate`.</sub>',
  ],
  title: ['## 薪酬影响:{headline}', '## Payroll impact: {headline}'],
  status_line: [
    '{icon} 护栏:{status} · 对比基线 {ref} · 回放 {from} 至 {to}({months} 个月,{people} 人)',
    '{icon} Guardrails: {status} · base {ref} · replayed {from} to {to} ({months} months, {people} people)',
  ],
  blocked: ['**❌ 需要相关负责人在 PR 最新提交上批准(Approve)后才能合并。**', '**❌ An owner must approve the PR\'s latest commit before it can be merged.**'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

export type ReportMessage = keyof typeof MESSAGES;

/** One piece of the report in the reader's language, `{name}` placeholders filled from params. */
export function reportText(key: ReportMessage, lang: Lang, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang === 'en' ? 1 : 0].replace(/\{(\w+)\}/g, (whole, k: string) => (params[k] === undefined ? whole : String(params[k])));
}
