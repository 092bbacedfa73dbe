// Incentive analysis in words (Chinese, or English with --lang en): the whole analysis (npm run
// analyze) and the PR report's 「激励风险」 section, which says only what the proposal adds or
// removes. The wording is scripts/i18n/incentive-messages.ts. Every policy- or data-sourced string
// goes through the report's one Markdown escaping function.
import { formatYuan } from '../lib/format.ts';
import { escapeMarkdown } from '../report/escape-markdown.ts';
import type { Cliff, DeadZone, Dominance, IncentiveAnalysis, IncentiveDiff, Marginal, TimingGame } from './incentive-types.ts';
import type { Lang } from '../i18n/catalogue.ts';
import type { MetricUnit } from '../lib/format.ts';
import { formatQuantity } from '../i18n/explain-messages.ts';
import { gamingWhy, incentiveText, type IncentiveMessage } from '../i18n/incentive-messages.ts';

const e = escapeMarkdown;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

type Subject = { shop: string; shop_name: string; position: string };
/** 「天猫旗舰店 客服:」, "tmall_flagship agent: ": in English the shop and position by id. */
const subject = (x: Subject, lang: Lang) => incentiveText('subject', lang, lang === 'en' ? { shop: e(x.shop), position: e(x.position) } : { shop: e(x.shop_name) });
/** A metric by its Chinese label, or in English by its id. */
const metricName = (x: { metric: string; label: string }, lang: Lang) => e(lang === 'en' ? x.metric : x.label);
/** A metric value as the analysis wrote it, or in English from its number and unit. */
const valueText = (text: string, value: number | undefined, unit: MetricUnit | undefined, lang: Lang) =>
  e(lang === 'en' && value !== undefined && unit !== undefined ? formatQuantity({ value, unit }, 'en') : text);
const atText = (c: Cliff, lang: Lang) => valueText(c.at_text, c.at, c.values?.unit, lang);
const dir = (fen: number, lang: Lang) => incentiveText(fen >= 0 ? 'more' : 'less', lang);

export function cliffText(c: Cliff, lang: Lang = 'zh'): string {
  const bunch = c.just_below + c.just_above > 0 ? incentiveText('cliff_bunch', lang, { below: c.just_below, above: c.just_above }) : '';
  return incentiveText('cliff', lang, { subject: subject(c, lang), metric: metricName(c, lang), at: atText(c, lang), dir: dir(c.jump_fen, lang), jump: formatYuan(Math.abs(c.jump_fen)), share: pct(Math.abs(c.share_of_pay)), bunch });
}

/** Step cliffs of one metric with the same jump read as one line ("每跨过一档"); others one line each. */
function cliffLines(cliffs: readonly Cliff[], lang: Lang, suffix: (c: Cliff) => string = () => ''): string[] {
  const groups = new Map<string, Cliff[]>();
  for (const c of cliffs) {
    const k = `${c.shop}|${c.position}|${c.metric}|${c.jump_fen}|${suffix(c)}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.values()].map((g) => {
    const c = g[0]!;
    if (g.length < 3) return g.map((x) => cliffText(x, lang) + suffix(x)).join('\n- ');
    const below = g.reduce((s, x) => s + x.just_below, 0);
    const above = g.reduce((s, x) => s + x.just_above, 0);
    const bunch = below + above > 0 ? incentiveText('cliff_steps_bunch', lang, { below, above }) : '';
    const ats = g.map((x) => atText(x, lang)).join(incentiveText('list_separator', lang));
    return incentiveText('cliff_steps', lang, { subject: subject(c, lang), metric: metricName(c, lang), ats, dir: dir(c.jump_fen, lang), jump: formatYuan(Math.abs(c.jump_fen)), share: pct(Math.abs(c.share_of_pay)), bunch, suffix: suffix(c) });
  });
}

function zoneText(z: DeadZone, lang: Lang): string {
  const from = valueText(z.from_text, z.values?.from, z.values?.unit, lang);
  const to = valueText(z.to_text, z.values?.to, z.values?.unit, lang);
  return incentiveText(z.kind === 'flat' ? 'zone_flat' : 'zone_falls', lang, { subject: subject(z, lang), metric: metricName(z, lang), from, to });
}

function warningText(d: Dominance, lang: Lang): string {
  const w = d.warning!;
  const counter = e(lang === 'en' ? w.counter : w.counter_label);
  return incentiveText('warning', lang, { subject: subject(d, lang), share: pct(w.share), metric: metricName(w, lang), why: e(gamingWhy(w.metric, w.why, lang)), counter });
}

/** The most rewarding move, without the shop: 「把 ¥X 销售额(N 单)从 A 提前计入 B(跨月),两个月合计多拿 ¥Y;…」. */
function moveText(t: TimingGame, lang: Lang): string {
  const x = t.example;
  if (!x) return incentiveText('move_none', lang, { sampled: t.sampled });
  return incentiveText('move', lang, {
    sales: formatYuan(x.sales_moved_fen),
    orders: x.orders_moved ? incentiveText('move_orders', lang, { n: x.orders_moved }) : '',
    from: e(x.from),
    dir: incentiveText(x.to < x.from ? 'move_earlier' : 'move_later', lang),
    to: e(x.to),
    boundary: incentiveText(x.quarter ? 'boundary_quarter' : 'boundary_month', lang),
    gain: formatYuan(x.gain_fen),
    sampled: t.sampled,
    gainers: t.gainers,
  });
}

function timingText(t: TimingGame, lang: Lang): string {
  return `${subject(t, lang)}${moveText(t, lang)}`;
}

function timingChangeText(c: IncentiveDiff['timing_changed'][number], lang: Lang): string {
  const t = (c.after ?? c.before)!;
  const example = c.after?.example ? incentiveText('timing_example', lang, { move: moveText(c.after, lang) }) : '';
  return incentiveText('timing_change', lang, { subject: subject(t, lang), after: formatYuan(c.after?.max_gain_fen ?? 0), before: formatYuan(c.before?.max_gain_fen ?? 0), example });
}

/** The PR report's section; empty when the proposal changes none of the incentive risks. */
export function renderIncentiveSection(diff: IncentiveDiff, lang: Lang = 'zh'): string {
  if (!diff.changed) return '';
  const t = (k: IncentiveMessage, p: Record<string, string | number> = {}) => incentiveText(k, lang, p);
  const lines: string[] = [];
  const list = (title: IncentiveMessage, items: string[]) => {
    if (items.length) lines.push(`**${t(title)}**`, '', ...items.map((x) => `- ${x}`), '');
  };
  const n = (xs: unknown[], what: IncentiveMessage) => (xs.length ? t('count', { what: t(what), n: xs.length }) : '');
  const summary = [
    n(diff.cliffs_added, 'n_cliffs_added'),
    n(diff.cliffs_removed, 'n_cliffs_removed'),
    n(diff.cliffs_changed, 'n_cliffs_changed'),
    n(diff.dead_zones_added, 'n_zones_added'),
    n(diff.dead_zones_removed, 'n_zones_removed'),
    n(diff.warnings_added, 'n_warnings_added'),
    n(diff.warnings_removed, 'n_warnings_removed'),
    n(diff.timing_changed, 'n_timing_changed'),
  ].filter(Boolean);
  lines.push(t('heading'), '', t('intro', { summary: summary.join(t('summary_separator')) }), '');
  list('list_cliffs_added', cliffLines(diff.cliffs_added, lang));
  list('list_cliffs_removed', cliffLines(diff.cliffs_removed, lang));
  const before = new Map<Cliff, Cliff>(diff.cliffs_changed.map((c) => [c.after, c.before]));
  list('list_cliffs_changed', cliffLines(diff.cliffs_changed.map((c) => c.after), lang, (c) => t('was', { jump: formatYuan(Math.abs(before.get(c)?.jump_fen ?? 0)) })));
  list('list_zones_added', diff.dead_zones_added.map((z) => zoneText(z, lang)));
  list('list_zones_removed', diff.dead_zones_removed.map((z) => zoneText(z, lang)));
  list('list_warnings_added', diff.warnings_added.map((d) => warningText(d, lang)));
  list('list_warnings_removed', diff.warnings_removed.map((d) => warningText(d, lang)));
  list('list_timing', diff.timing_changed.map((c) => timingChangeText(c, lang)));
  return lines.join('\n').trimEnd() + '\n';
}

/** The whole analysis of one policy set (npm run analyze). */
export function renderIncentiveAnalysis(a: IncentiveAnalysis, lang: Lang = 'zh'): string {
  const t = (k: IncentiveMessage, p: Record<string, string | number> = {}) => incentiveText(k, lang, p);
  const out: string[] = [t('analysis_title', { month: e(a.month) }), ''];
  out.push(t('cliffs_heading'), '', ...(a.cliffs.length ? cliffLines(a.cliffs, lang).map((x) => `- ${x}`) : [t('no_cliffs')]), '');
  out.push(t('zones_heading'), '', ...(a.dead_zones.length ? a.dead_zones.map((z) => `- ${zoneText(z, lang)}`) : [t('none_found')]), '');
  out.push(t('dominance_heading'), '');
  for (const d of a.dominance) {
    const top = d.shares.slice(0, 3).map((s) => `${metricName(s, lang)} ${pct(s.share)}`).join(t('list_separator'));
    out.push(t('dominance_line', { subject: subject(d, lang), top: top || t('dominance_none'), warning: d.warning ? t('dominance_warning', { warning: warningText(d, lang) }) : '' }));
  }
  out.push('', t('marginal_heading'), '', t('marginal_table'), '| --- | --- | --- | --- |');
  for (const m of a.marginal as Marginal[]) {
    const shop = e(lang === 'en' ? m.shop : m.shop_name);
    const per = lang === 'en' && m.values?.per ? t(m.values.per) : m.per;
    out.push(`| ${shop} | ${metricName(m, lang)} | ${e(per)} | ${formatYuan(m.fen, { sign: true })} |`);
  }
  out.push('', t('timing_heading'), '', ...(a.timing.length ? a.timing.map((x) => `- ${timingText(x, lang)}`) : [t('no_sample')]));
  const b = a.balance;
  out.push(
    '',
    t('balance_heading'),
    '',
    t('balance_line', { reward: formatYuan(b.reward_fen), penalty: formatYuan(b.penalty_fen), ratio: b.reward_per_penalty !== null ? t('balance_ratio', { ratio: b.reward_per_penalty }) : '' }),
    t('top10_line', { share: pct(b.top10_share) }),
    '',
  );
  return out.join('\n');
}
