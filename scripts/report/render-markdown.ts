// The PR comment a manager reads: Chinese (or English with --lang en), headline first, details
// folded, at most 60,000 characters. Its words come from scripts/i18n; the policy's own Chinese
// names (shops, positions, classes, policy titles) are replaced by their ids in English.
import type { Impact, MoneyRow } from '../compare/impact-types.ts';
import { BUCKET_THRESHOLDS, BUCKETS } from '../compare/impact-types.ts';
import { MIN_GROUP } from '../compare/group-rows.ts';
import { formatYuan } from '../lib/format.ts';
import { codeSpan, escapeMarkdown as esc } from './escape-markdown.ts';
import { renderIncentiveSection } from '../analyze/render-incentives.ts';
import type { Lang } from '../i18n/catalogue.ts';
import { renderText } from '../i18n/explain-messages.ts';
import { reportText, type ReportMessage } from '../i18n/report-messages.ts';
import { renderChange } from '../i18n/change-messages.ts';
import { aliasNamer } from './alias-in-language.ts';

/** Hidden marker the comment poster finds its own comment by. */
export const COMMENT_MARKER = '<!-- cs-pay-policy:impact -->';
/** GitHub rejects comments over 65,536 characters; stay well below. */
export const MAX_COMMENT_CHARS = 60_000;

const STATUS_ICON = { pass: '✅', warn: '⚠️', block: '❌' } as const;
const STATUS_TEXT = { pass: 'status_pass', warn: 'status_warn', block: 'status_block' } as const;
const GUARDRAIL_NAMES: Record<string, ReportMessage> = {
  total_cost_change: 'guardrail_total_cost_change',
  minimum_wage: 'guardrail_minimum_wage',
  individual_loss: 'guardrail_individual_loss',
  share_losing: 'guardrail_share_losing',
  incentive_cliff: 'guardrail_incentive_cliff',
  single_metric_share: 'guardrail_single_metric_share',
};

/** A row's name: the policy's Chinese label, or in English its key (merged rows worded by the catalogue). */
function rowLabel(r: { key: string; label: string }, lang: Lang, merged: 'impact.other_groups' | 'impact.other_positions'): string {
  if (lang === 'zh') return r.label;
  if (r.key !== 'other') return r.key;
  return merged === 'impact.other_groups' ? renderText({ code: merged, params: { min: MIN_GROUP } }, lang) : renderText({ code: merged, params: {} }, lang);
}

function money(fen: number): string {
  return formatYuan(fen);
}
function change(fen: number): string {
  return fen === 0 ? '—' : formatYuan(fen, { sign: true });
}
function pctOf(changeFen: number, baseFen: number): string {
  if (baseFen === 0) return '—';
  const p = (changeFen / baseFen) * 100;
  return `${p > 0 ? '+' : ''}${p.toFixed(2)}%`;
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function moneyTable(first: string, rows: MoneyRow[], lang: Lang): string {
  const t = (k: ReportMessage) => reportText(k, lang);
  return table(
    [first, t('people'), t('current'), t('proposal'), t('change'), t('change_percent')],
    rows.map((r) => [esc(rowLabel(r, lang, 'impact.other_groups')), String(r.people), money(r.base_fen), money(r.head_fen), change(r.change_fen), pctOf(r.change_fen, r.base_fen)]),
  );
}

function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function mermaidChart(impact: Impact, lang: Lang): string {
  const months = impact.by_month;
  if (months.length < 2) return '';
  const yuan = (fen: number) => Math.round(fen / 100);
  const max = Math.max(...months.flatMap((m) => [yuan(m.base_fen), yuan(m.head_fen)]));
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${reportText('chart_title', lang)}"`,
    `    x-axis [${months.map((m) => `"${m.period.replace(/[^0-9A-Za-z-]/g, '')}"`).join(', ')}]`,
    `    y-axis "${reportText('chart_unit', lang)}" 0 --> ${Math.ceil((max * 1.1) / 1000) * 1000}`,
    `    bar [${months.map((m) => yuan(m.base_fen)).join(', ')}]`,
    `    line [${months.map((m) => yuan(m.head_fen)).join(', ')}]`,
    '```',
  ].join('\n');
}

/** Why the change needs an owner's approval beyond the guardrail table: its judge or its judging code was edited. */
function approvalNotes(impact: Impact, lang: Lang): string {
  const lines: string[] = [];
  const sep = reportText('list_separator', lang);
  if (impact.guardrails_changed) lines.push(reportText('guardrails_changed', lang, { ref: codeSpan(impact.guardrails_ref) }));
  if (impact.code_changed) {
    const files = impact.code_changed_files.slice(0, 20).map(codeSpan).join(sep);
    const more = impact.code_changed_files.length > 20 ? reportText('code_changed_more', lang, { n: impact.code_changed_files.length }) : '';
    lines.push(reportText('code_changed', lang, { files, more }));
  }
  if (impact.future_changes.length) {
    const list = impact.future_changes
      .slice(0, 20)
      .map((c) => reportText('future_change_item', lang, { file: codeSpan(c.file), version: c.version, from: esc(c.effective_from) }))
      .join(sep);
    lines.push(reportText('future_changes', lang, { list, to: esc(impact.range.to) }));
  }
  return lines.join('\n>\n');
}

/** Note placed where the report was shortened; the full report is the CI artifact. */
export const TRUNCATION_NOTE = reportText('truncated', 'zh');

/** A change's sentences in the reader's language: from its notes when it has them (a hand-made impact keeps its text). */
function changeSentences(c: Impact['policy_changes'][number], lang: Lang): string[] {
  return lang === 'zh' || !c.notes ? c.sentences : c.notes.map((n) => renderChange(n, lang));
}

function policySection(impact: Impact, budget: number, lang: Lang): { text: string; shortened: boolean } {
  const heading = reportText('policy_heading', lang);
  if (impact.policy_changes.length === 0) return { text: `${heading}\n\n${reportText('policy_none', lang)}`, shortened: false };
  const sentences = impact.policy_changes.map((c) => changeSentences(c, lang));
  const heads = impact.policy_changes.map((c) => {
    const verb = reportText(c.change === 'added' ? 'verb_added' : c.change === 'removed' ? 'verb_removed' : 'verb_changed', lang);
    const effective = c.effective_from ? reportText('policy_effective', lang, { date: esc(c.effective_from) }) : '';
    return reportText('policy_head', lang, { title: esc(lang === 'en' ? c.id : c.title), verb, file: codeSpan(c.file), effective });
  });
  const full = `${heading}\n\n${impact.policy_changes.map((_, i) => [heads[i]!, ...sentences[i]!.map((t) => `  - ${esc(t)}`)].join('\n')).join('\n')}`;
  if (full.length <= budget) return { text: full, shortened: false };
  // Too long: every changed policy keeps its line; sentences fill what is left, in order.
  const total = sentences.reduce((n, s) => n + s.length, 0);
  const tail = (shown: number) => reportText('policy_more', lang, { n: total - shown });
  let left = budget - `${heading}\n\n`.length - heads.reduce((n, h) => n + h.length + 1, 0) - tail(0).length - 10;
  let shown = 0;
  const blocks = impact.policy_changes.map((_, i) => {
    const lines = [heads[i]!];
    for (const t of sentences[i]!) {
      const line = `  - ${esc(t)}`;
      if (line.length + 1 > left) break;
      left -= line.length + 1;
      lines.push(line);
      shown += 1;
    }
    return lines.join('\n');
  });
  return { text: `${heading}\n\n${blocks.join('\n')}\n${tail(shown)}`, shortened: true };
}

function guardrailSection(impact: Impact, lang: Lang): string {
  if (!impact.guardrails.length) return '';
  const t = (k: ReportMessage) => reportText(k, lang);
  const name = (type: string) => (GUARDRAIL_NAMES[type] ? t(GUARDRAIL_NAMES[type]) : type);
  // The figure in the reader's language from its data; a hand-made impact without data keeps its text.
  const alias = aliasNamer(impact, lang);
  const figure = (g: Impact['guardrails'][number]) => (g.measures ? g.measures.map((m) => renderText(m, lang)).join(lang === 'en' ? '; ' : ';') : g.figure);
  return `${t('guardrails_heading')}\n\n${table(
    ['', t('guardrail'), t('result'), t('figures')],
    impact.guardrails.map((g) => [
      STATUS_ICON[g.status],
      lang === 'en' ? `${esc(name(g.type))} (${codeSpan(g.id)})` : `${esc(name(g.type))}(${codeSpan(g.id)})`,
      t(STATUS_TEXT[g.status]),
      esc(figure(g)) + (g.people.length ? `${t('people_intro')}${g.people.slice(0, 10).map((p) => esc(alias(p))).join(t('list_separator'))}${g.people.length > 10 ? t('people_more') : ''}` : ''),
    ]),
  )}`;
}

/** Sections a reader can do without when the comment is too long, most important first. */
function detailSections(impact: Impact, lang: Lang): string[] {
  const t = (k: ReportMessage, p: Record<string, string | number> = {}) => reportText(k, lang, p);
  const parts: string[] = [];
  // Incentive risks first among the details: what behaviour the proposal starts or stops paying for.
  const incentives = impact.incentives ? renderIncentiveSection(impact.incentives, lang) : '';
  if (incentives) parts.push(incentives.trimEnd());
  const bucketHead = ['', ...BUCKETS.map((b) => (lang === 'zh' ? b.label : renderText({ code: 'impact.bucket', params: { bucket: b.id } }, lang)))];
  const bucketRows = [
    [t('all'), ...BUCKETS.map((b) => String(impact.buckets.overall[b.id]))],
    ...impact.buckets.by_position.map((r) => [esc(rowLabel(r, lang, 'impact.other_positions')), ...BUCKETS.map((b) => String(r.counts[b.id]))]),
  ];
  parts.push(
    `${t('buckets_heading')}\n\n${table(bucketHead, bucketRows)}\n\n${t('buckets_note', { no_change: BUCKET_THRESHOLDS.no_change_percent, large: BUCKET_THRESHOLDS.large_percent })}`,
  );

  const chart = mermaidChart(impact, lang);
  parts.push(details(t('monthly_summary'), [chart, moneyTable(t('month'), impact.by_month, lang)].filter(Boolean).join('\n\n'), true));
  parts.push(details(t('groups_summary'), [moneyTable(t('shop'), impact.by_shop, lang), moneyTable(t('team'), impact.by_team, lang), moneyTable(t('position'), impact.by_position, lang)].join('\n\n')));

  if (impact.largest_changes.length) {
    const alias = aliasNamer(impact, lang);
    parts.push(
      details(
        t('largest_summary', { n: impact.largest_changes.length }),
        table(
          [t('alias'), t('current_total'), t('proposal_total'), t('change'), t('change_percent')],
          impact.largest_changes.map((p) => [esc(alias(p.alias)), money(p.base_fen), money(p.head_fen), change(p.change_fen), p.percent === null ? '—' : `${p.percent > 0 ? '+' : ''}${p.percent.toFixed(2)}%`]),
        ),
      ),
    );
  }
  if (impact.deciles.base_fen.length) {
    parts.push(
      details(
        t('deciles_summary'),
        table(
          [t('decile'), ...impact.deciles.base_fen.map((_, i) => `P${(i + 1) * 10}`)],
          [
            [t('current'), ...impact.deciles.base_fen.map(money)],
            [t('proposal'), ...impact.deciles.head_fen.map(money)],
          ],
        ),
      ),
    );
  }
  if (impact.class_migration) {
    const m = impact.class_migration;
    const moved = m.matrix.reduce((s, row, i) => s + row.reduce((t, n, j) => t + (i === j ? 0 : n), 0), 0);
    const flags = impact.flag_changes
      .filter((f) => f.gained.length || f.lost.length)
      .map((f) => t('flag_change', { label: esc(lang === 'zh' ? f.label : flagLabel(f.flag, lang)), gained: f.gained.length, lost: f.lost.length }));
    const title = (c: { id: string; title: string }) => esc(lang === 'en' ? c.id : c.title);
    parts.push(
      details(
        t('migration_summary', { period: esc(m.period), moved }),
        [table([t('migration_corner'), ...m.classes.map(title)], m.classes.map((c, i) => [title(c), ...m.matrix[i]!.map(String)])), flags.length ? flags.join('\n') : t('flags_unchanged')].join('\n\n'),
      ),
    );
  }
  return parts;
}

/** The one-line verdict: the JSON's sentence is the Chinese one; English words the same figures. */
export function headlineText(impact: Impact, lang: Lang): string {
  const h = impact.headline;
  return lang === 'zh' ? h.text : renderText({ code: 'impact.headline', params: { direction: h.direction, change_fen: h.monthly_change_fen, percent: h.percent } }, lang);
}

/** A flag's name from its id (the JSON's label is the Chinese one). */
function flagLabel(flag: string, lang: Lang): string {
  const known = ['elimination_review', 'step_down', 'promotion_eligible', 'honour_roll'] as const;
  const id = known.find((k) => k === flag);
  return id ? renderText({ code: 'impact.flag', params: { flag: id } }, lang) : flag;
}

/**
 * The comment, at most MAX_COMMENT_CHARS long. The verdict always survives: the headline, the
 * approval notes, the policy changes (shortened sentence by sentence if need be) and the guardrail
 * table; detail sections are dropped from the end first, whole, so no <details> is left open.
 */
export function renderMarkdown(impact: Impact, lang: Lang = 'zh'): string {
  const t = (k: ReportMessage, p: Record<string, string | number> = {}) => reportText(k, lang, p);
  const headline = headlineText(impact, lang);
  const FOOTER = t('footer');
  const TRUNCATED = t('truncated');
  const worst = impact.guardrails.some((g) => g.status === 'block') ? 'block' : impact.guardrails.some((g) => g.status === 'warn') ? 'warn' : 'pass';
  const top = [
    COMMENT_MARKER,
    t('title', { headline: esc(headline) }),
    t('status_line', { icon: STATUS_ICON[worst], status: t(STATUS_TEXT[worst]), ref: codeSpan(impact.base_ref), from: esc(impact.range.from), to: esc(impact.range.to), months: impact.range.months, people: impact.totals.people }),
    impact.blocked ? t('blocked') : '',
    approvalNotes(impact, lang),
  ].filter(Boolean);
  const guards = guardrailSection(impact, lang);
  const join = (xs: string[]) => xs.filter(Boolean).join('\n\n') + '\n';
  const fixed = join([...top, guards, TRUNCATED, FOOTER]).length + 2;
  const policy = policySection(impact, MAX_COMMENT_CHARS - fixed, lang);
  const kept = [...top, policy.text, guards];
  let length = join([...kept, FOOTER]).length;
  const details = detailSections(impact, lang);
  let cut = false;
  for (const d of details) {
    if (length + d.length + 2 + TRUNCATED.length + 2 > MAX_COMMENT_CHARS) {
      cut = true;
      break;
    }
    kept.push(d);
    length += d.length + 2;
  }
  if (cut || policy.shortened) kept.push(TRUNCATED);
  return join([...kept, FOOTER]);
}
