// Incentive analysis in plain Chinese: the whole analysis (npm run analyze) and the PR report's
// 「激励风险」 section, which says only what the proposal adds or removes. Every policy- or
// data-sourced string goes through the report's one Markdown escaping function.
import { formatYuan } from '../lib/format.ts';
import { escapeMarkdown } from '../report/escape-markdown.ts';
import type { Cliff, DeadZone, Dominance, IncentiveAnalysis, IncentiveDiff, TimingGame } from './incentive-types.ts';

const e = escapeMarkdown;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function cliffText(c: Cliff): string {
  const dir = c.jump_fen >= 0 ? '多' : '少';
  const bunch = c.just_below + c.just_above > 0 ? `;回放期内有 ${c.just_below} 个人月刚好落在它下方、${c.just_above} 个在上方` : '';
  return `${e(c.shop_name)} 客服:${e(c.label)} 跨过 ${e(c.at_text)} 时,月工资一下子${dir} 约 ${formatYuan(Math.abs(c.jump_fen))}(约占典型月薪的 ${pct(Math.abs(c.share_of_pay))})${bunch}`;
}

/** Step cliffs of one metric with the same jump read as one line ("每跨过一档"); others one line each. */
function cliffLines(cliffs: readonly Cliff[], suffix: (c: Cliff) => string = () => ''): string[] {
  const groups = new Map<string, Cliff[]>();
  for (const c of cliffs) {
    const k = `${c.shop}|${c.position}|${c.metric}|${c.jump_fen}|${suffix(c)}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.values()].map((g) => {
    const c = g[0]!;
    if (g.length < 3) return g.map((x) => cliffText(x) + suffix(x)).join('\n- ');
    const below = g.reduce((s, x) => s + x.just_below, 0);
    const above = g.reduce((s, x) => s + x.just_above, 0);
    const bunch = below + above > 0 ? `;回放期内共有 ${below} 个人月刚好落在某一档下方、${above} 个在上方` : '';
    return `${e(c.shop_name)} 客服:${e(c.label)} 在 ${g.map((x) => e(x.at_text)).join('、')} 每跨过一档,月工资${c.jump_fen >= 0 ? '多' : '少'}约 ${formatYuan(Math.abs(c.jump_fen))}(各约占典型月薪的 ${pct(Math.abs(c.share_of_pay))})${bunch}${suffix(c)}`;
  });
}

function zoneText(z: DeadZone): string {
  return z.kind === 'flat'
    ? `${e(z.shop_name)} 客服:${e(z.label)} 在 ${e(z.from_text)}–${e(z.to_text)} 之间做得更好也不多拿钱(封顶或已满分)`
    : `${e(z.shop_name)} 客服:${e(z.label)} 在 ${e(z.from_text)}–${e(z.to_text)} 之间做得更好反而少拿钱(倒挂)`;
}

function warningText(d: Dominance): string {
  const w = d.warning!;
  return `${e(d.shop_name)} 客服:浮动工资的 ${pct(w.share)} 随「${e(w.label)}」变化。${e(w.why)};可以加入「${e(w.counter_label)}」作平衡`;
}

/** The most rewarding move, without the shop: 「把 ¥X 销售额(N 单)从 A 提前计入 B(跨月),两个月合计多拿 ¥Y;…」. */
function moveText(t: TimingGame): string {
  const x = t.example;
  if (!x) return `抽样 ${t.sampled} 人,把销售额或订单挪过月末都多拿不到 ¥50`;
  const orders = x.orders_moved ? `(${x.orders_moved} 单)` : '';
  return `把 ${formatYuan(x.sales_moved_fen)} 销售额${orders}从 ${e(x.from)} ${x.to < x.from ? '提前计入' : '推迟计入'} ${e(x.to)}(${x.quarter ? '跨季度' : '跨月'}),两个月合计多拿 ${formatYuan(x.gain_fen)};抽样 ${t.sampled} 人中 ${t.gainers} 人能这样多拿 ¥50 以上`;
}

function timingText(t: TimingGame): string {
  return `${e(t.shop_name)} 客服:${moveText(t)}`;
}

function timingChangeText(c: IncentiveDiff['timing_changed'][number]): string {
  const t = (c.after ?? c.before)!;
  return `${e(t.shop_name)} 客服:挪过月末一个人最多能多拿 ${formatYuan(c.after?.max_gain_fen ?? 0)}(原为 ${formatYuan(c.before?.max_gain_fen ?? 0)})${c.after?.example ? `。${moveText(c.after)}` : ''}`;
}

/** The PR report's section; empty when the proposal changes none of the incentive risks. */
export function renderIncentiveSection(diff: IncentiveDiff): string {
  if (!diff.changed) return '';
  const lines: string[] = [];
  const list = (title: string, items: string[]) => {
    if (items.length) lines.push(`**${title}**`, '', ...items.map((x) => `- ${x}`), '');
  };
  const n = (xs: unknown[], what: string) => (xs.length ? `${what} ${xs.length} 个` : '');
  const summary = [n(diff.cliffs_added, '新增断崖'), n(diff.cliffs_removed, '消除断崖'), n(diff.cliffs_changed, '断崖幅度变化'), n(diff.dead_zones_added, '新增死区/倒挂'), n(diff.dead_zones_removed, '消除死区/倒挂'), n(diff.warnings_added, '新增单一指标主导'), n(diff.warnings_removed, '消除单一指标主导'), n(diff.timing_changed, '时点博弈收益变化的店')].filter(Boolean);
  lines.push('### 激励风险', '', `这个提案:${summary.join(',')}。(断崖:指标差一点点,工资差一大截,容易让人卡线或放弃。)`, '');
  list('新增断崖', cliffLines(diff.cliffs_added));
  list('消除的断崖', cliffLines(diff.cliffs_removed));
  const before = new Map(diff.cliffs_changed.map((c) => [c.after, c.before]));
  list('幅度变化的断崖', cliffLines(diff.cliffs_changed.map((c) => c.after), (c) => `(原为 ${formatYuan(Math.abs(before.get(c)?.jump_fen ?? 0))})`));
  list('新增死区或倒挂', diff.dead_zones_added.map(zoneText));
  list('消除的死区或倒挂', diff.dead_zones_removed.map(zoneText));
  list('新增单一指标主导', diff.warnings_added.map(warningText));
  list('消除的单一指标主导', diff.warnings_removed.map(warningText));
  list('时点博弈(把销售额挪过月末能多拿多少)', diff.timing_changed.map(timingChangeText));
  return lines.join('\n').trimEnd() + '\n';
}

/** The whole analysis of one policy set (npm run analyze). */
export function renderIncentiveAnalysis(a: IncentiveAnalysis): string {
  const out: string[] = [`# 激励风险分析(${e(a.month)} 生效的规则)`, ''];
  out.push('## 断崖', '', ...(a.cliffs.length ? cliffLines(a.cliffs).map((x) => `- ${x}`) : ['- 没有发现断崖。']), '');
  out.push('## 死区与倒挂', '', ...(a.dead_zones.length ? a.dead_zones.map((z) => `- ${zoneText(z)}`) : ['- 没有发现。']), '');
  out.push('## 单一指标主导', '');
  for (const d of a.dominance) {
    const top = d.shares.slice(0, 3).map((s) => `${e(s.label)} ${pct(s.share)}`).join('、');
    out.push(`- ${e(d.shop_name)} 客服:浮动工资随各指标变化的占比 ${top || '(无)'}${d.warning ? `。⚠️ ${warningText(d)}` : ''}`);
  }
  out.push('', '## 边际收益(典型水平上)', '', '| 店铺 | 指标 | 单位 | 月工资变化 |', '| --- | --- | --- | --- |');
  for (const m of a.marginal) out.push(`| ${e(m.shop_name)} | ${e(m.label)} | ${e(m.per)} | ${formatYuan(m.fen, { sign: true })} |`);
  out.push('', '## 时点博弈(把销售额或订单挪过月末、季末)', '', ...(a.timing.length ? a.timing.map((t) => `- ${timingText(t)}`) : ['- 没有可抽样的人。']));
  const b = a.balance;
  out.push('', '## 奖罚平衡与集中度', '', `- 回放期内奖励 ${formatYuan(b.reward_fen)},扣款 ${formatYuan(b.penalty_fen)}${b.reward_per_penalty !== null ? `,每扣 1 元对应奖励 ${b.reward_per_penalty} 元(seed 000:高奖低罚)` : ''}`, `- 浮动工资最高的 10% 的人拿走 ${pct(b.top10_share)} 的浮动工资`, '');
  return out.join('\n');
}
