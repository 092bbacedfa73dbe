// Wording of the incentive analysis (npm run analyze) and of the PR report's 「激励风险」 section, in
// Chinese and English. The analysis holds data (ids, numbers, fen); scripts/analyze/render-incentives.ts
// fills these templates. A key without both languages does not compile. Under English, shops and
// metrics appear by id, the way the rest of the report names the policy's own Chinese names.
import type { Lang } from './catalogue.ts';

const MESSAGES = {
  subject: ['{shop} 客服:', '{shop} {position}: '],
  more: ['多', 'up'],
  less: ['少', 'down'],
  cliff: ['{subject}{metric} 跨过 {at} 时,月工资一下子{dir} 约 {jump}(约占典型月薪的 {share}){bunch}', '{subject}crossing {at} in {metric} moves monthly pay {dir} by about {jump} (about {share} of typical monthly pay){bunch}'],
  cliff_bunch: [
    ';回放期内有 {below} 个人月刚好落在它下方、{above} 个在上方',
    '; in the replayed months {below} person-month(s) fall just below it and {above} just above',
  ],
  cliff_steps: [
    '{subject}{metric} 在 {ats} 每跨过一档,月工资{dir}约 {jump}(各约占典型月薪的 {share}){bunch}{suffix}',
    '{subject}each step of {metric} at {ats} moves monthly pay {dir} by about {jump} (each about {share} of typical monthly pay){bunch}{suffix}',
  ],
  cliff_steps_bunch: [
    ';回放期内共有 {below} 个人月刚好落在某一档下方、{above} 个在上方',
    '; in the replayed months {below} person-month(s) fall just below a step and {above} just above',
  ],
  list_separator: ['、', ', '],
  zone_flat: ['{subject}{metric} 在 {from}–{to} 之间做得更好也不多拿钱(封顶或已满分)', '{subject}{metric} between {from} and {to}: doing better pays no more (capped or full points)'],
  zone_falls: ['{subject}{metric} 在 {from}–{to} 之间做得更好反而少拿钱(倒挂)', '{subject}{metric} between {from} and {to}: doing better pays less (inverted)'],
  warning: ['{subject}浮动工资的 {share} 随「{metric}」变化。{why};可以加入「{counter}」作平衡', '{subject}{share} of the variable pay moves with {metric}. {why}; adding {counter} would balance it'],
  move_none: ['抽样 {sampled} 人,把销售额或订单挪过月末都多拿不到 ¥50', 'of {sampled} people sampled, nobody gains ¥50 by moving sales or orders across a month end'],
  move: [
    '把 {sales} 销售额{orders}从 {from} {dir} {to}({boundary}),两个月合计多拿 {gain};抽样 {sampled} 人中 {gainers} 人能这样多拿 ¥50 以上',
    'moving {sales} of sales{orders} from {from} {dir} {to} ({boundary}) gains {gain} over the two months; {gainers} of {sampled} people sampled can gain ¥50 or more this way',
  ],
  move_orders: ['({n} 单)', ' ({n} orders)'],
  move_earlier: ['提前计入', 'early into'],
  move_later: ['推迟计入', 'late into'],
  boundary_quarter: ['跨季度', 'across a quarter end'],
  boundary_month: ['跨月', 'across a month end'],
  timing_change: ['{subject}挪过月末一个人最多能多拿 {after}(原为 {before}){example}', '{subject}moving sales across a month end gains one person at most {after} (was {before}){example}'],
  timing_example: ['。{move}', '. Example: {move}'],
  was: ['(原为 {jump})', ' (was {jump})'],
  count: ['{what} {n} 个', '{what}: {n}'],
  summary_separator: [',', '; '],
  heading: ['### 激励风险', '### Incentive risks'],
  intro: [
    '这个提案:{summary}。(断崖:指标差一点点,工资差一大截,容易让人卡线或放弃。)',
    'This proposal: {summary}. (A cliff: a small difference in a metric makes a large difference in pay, which invites people to stop just past the line or to give up.)',
  ],
  n_cliffs_added: ['新增断崖', 'new cliffs'],
  n_cliffs_removed: ['消除断崖', 'cliffs removed'],
  n_cliffs_changed: ['断崖幅度变化', 'cliffs with a changed jump'],
  n_zones_added: ['新增死区/倒挂', 'new dead zones or inversions'],
  n_zones_removed: ['消除死区/倒挂', 'dead zones or inversions removed'],
  n_warnings_added: ['新增单一指标主导', 'new single-metric dominance'],
  n_warnings_removed: ['消除单一指标主导', 'single-metric dominance removed'],
  n_timing_changed: ['时点博弈收益变化的店', 'shops whose timing-game gain changes'],
  list_cliffs_added: ['新增断崖', 'New cliffs'],
  list_cliffs_removed: ['消除的断崖', 'Cliffs removed'],
  list_cliffs_changed: ['幅度变化的断崖', 'Cliffs whose jump changed'],
  list_zones_added: ['新增死区或倒挂', 'New dead zones or inversions'],
  list_zones_removed: ['消除的死区或倒挂', 'Dead zones or inversions removed'],
  list_warnings_added: ['新增单一指标主导', 'New single-metric dominance'],
  list_warnings_removed: ['消除的单一指标主导', 'Single-metric dominance removed'],
  list_timing: ['时点博弈(把销售额挪过月末能多拿多少)', 'Timing games (what moving sales across a month end gains)'],
  analysis_title: ['# 激励风险分析({month} 生效的规则)', '# Incentive analysis (the rules in force in {month})'],
  cliffs_heading: ['## 断崖', '## Cliffs'],
  no_cliffs: ['- 没有发现断崖。', '- No cliff found.'],
  zones_heading: ['## 死区与倒挂', '## Dead zones and inversions'],
  none_found: ['- 没有发现。', '- None found.'],
  dominance_heading: ['## 单一指标主导', '## Single-metric dominance'],
  dominance_line: ['- {subject}浮动工资随各指标变化的占比 {top}{warning}', '- {subject}share of the variable pay moving with each metric: {top}{warning}'],
  dominance_none: ['(无)', '(none)'],
  dominance_warning: ['。⚠️ {warning}', '. ⚠️ {warning}'],
  marginal_heading: ['## 边际收益(典型水平上)', '## Marginal pay (at typical values)'],
  marginal_table: ['| 店铺 | 指标 | 单位 | 月工资变化 |', '| Shop | Metric | Per | Monthly pay change |'],
  timing_heading: ['## 时点博弈(把销售额或订单挪过月末、季末)', '## Timing games (moving sales or orders across a month or quarter end)'],
  no_sample: ['- 没有可抽样的人。', '- Nobody to sample.'],
  balance_heading: ['## 奖罚平衡与集中度', '## Reward-penalty balance and concentration'],
  balance_line: ['- 回放期内奖励 {reward},扣款 {penalty}{ratio}', '- In the replayed months rewards {reward}, deductions {penalty}{ratio}'],
  balance_ratio: [',每扣 1 元对应奖励 {ratio} 元(seed 000:高奖低罚)', '; {ratio} yuan of rewards for each yuan deducted (seed 000: high rewards, low penalties)'],
  top10_line: ['- 浮动工资最高的 10% 的人拿走 {share} 的浮动工资', '- The 10% with the most variable pay take {share} of it'],
  per_ratio_up: ['每提高 1 个百分点', 'per percentage point more'],
  per_ratio_down: ['每降低 1 个百分点', 'per percentage point less'],
  per_cny: ['每多 ¥10,000', 'per ¥10,000 more'],
  per_seconds: ['每快 1 秒', 'per second faster'],
  per_count: ['每多 10', 'per 10 more'],
  per_points: ['每多 1 分', 'per point more'],
  svg_written: ['已写出 {n} 张收入曲线图到 {out}', 'wrote {n} pay curves to {out}'],
  site_written: ['已写出 {out}({month} 生效的规则)。请审核后提交。', 'wrote {out} (the rules in force in {month}). Review it, then commit.'],
  bad_format: ['--format 只能是 md、json、svg 或 site,收到 `{value}`', '--format must be md, json, svg or site, not `{value}`'],
  svg_needs_out: ['--format svg 需要 --out 目录(每店每个指标写一个 .svg 文件)', '--format svg needs an --out folder (one .svg file per shop and metric)'],
  svg_needs_out_hint: ['例如 --out out/curves', 'for example --out out/curves'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

export type IncentiveMessage = keyof typeof MESSAGES;

/** One piece of the incentive wording in the reader's language, `{name}` placeholders filled from params. */
export function incentiveText(key: IncentiveMessage, lang: Lang, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang === 'en' ? 1 : 0].replace(/\{(\w+)\}/g, (whole, k: string) => (params[k] === undefined ? whole : String(params[k])));
}

/** Why a metric is easy to game when it alone decides pay (scripts/analyze/gaming-metrics.ts pairs each with its counter-metric). */
export const GAMING_WHY = {
  conversion_rate: ['只看转化率时,冷落低意向的咨询就能抬高转化率', 'paid on conversion alone, an agent can raise it by neglecting low-intent inquiries'],
  avg_response_s: ['只看响应时长时,先发一句空话再慢慢答就能刷快', 'paid on response time alone, an agent can look fast by sending an empty line first and answering later'],
  first_response_s: ['只看首次响应时长时,自动回复或空话就能刷快', 'paid on first response time alone, an automatic or empty reply looks fast'],
  refund_rate: ['只看退款率时,推脱合理退款就能压低退款率', 'paid on refund rate alone, an agent can lower it by putting off fair refunds'],
  sales: ['只看销售额时,过度推销会在之后变成退款', 'paid on sales alone, overselling comes back later as refunds'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

/** The reason in the reader's language; a reason from elsewhere (a hand-made analysis) stays as given. */
export function gamingWhy(metric: string, why: string, lang: Lang): string {
  return lang === 'en' && Object.hasOwn(GAMING_WHY, metric) ? GAMING_WHY[metric as keyof typeof GAMING_WHY][1] : why;
}
