// The reconciliation for finance in three shapes: Markdown to read, CSV for the spreadsheet, JSON for
// tools. Each difference says 多发 (paid too much) or 少发 (paid too little) and by how much, and
// months whose platform figures had not settled are marked 未结算(预估).
import type { Difference, MonthSummary, Reconciliation } from '../engine/reconcile.ts';
import { formatYuan } from '../lib/format.ts';
import type { Lang } from '../i18n/catalogue.ts';
import { csvCell } from './render-csv.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { renderLine } from '../i18n/explain-messages.ts';

const yuan = (fen: number | null) => (fen === null ? null : (fen / 100).toFixed(2));
const status = (provisional: boolean, lang: Lang = 'zh') => (lang === 'en' ? (provisional ? 'provisional' : 'settled') : provisional ? '未结算(预估)' : '已结算');
const directionWord = (d: Difference) => (d.direction === 'overpaid' ? '多发' : '少发');

/** Why the difference exists, in words: which side is missing, or who got more than the rules give. */
export function differenceWords(d: Difference, lang: Lang = 'zh'): string {
  const amount = formatYuan(d.amount_fen);
  if (lang === 'en') {
    if (d.paid_fen === null) return `underpaid ${amount}: no payroll row; the rules give ${formatYuan(d.computed_fen ?? 0)}`;
    if (d.computed_fen === null) return `overpaid ${amount}: no payslip under the rules; paid ${formatYuan(d.paid_fen)}`;
    return `${d.direction === 'overpaid' ? 'overpaid' : 'underpaid'} ${amount} against the rules`;
  }
  if (d.paid_fen === null) return `少发 ${amount}:工资表中没有这一行,按规则应发 ${formatYuan(d.computed_fen ?? 0)}`;
  if (d.computed_fen === null) return `多发 ${amount}:按规则本月不应发放(无工资条),实发 ${formatYuan(d.paid_fen)}`;
  return d.direction === 'overpaid' ? `多发 ${amount}:实发比按规则应发多 ${amount}` : `少发 ${amount}:实发比按规则应发少 ${amount}`;
}

export function reconcileHeadlineText(r: Reconciliation, lang: Lang = 'zh'): string {
  const n = r.differences.length;
  const over = r.differences.filter((d) => d.direction === 'overpaid');
  const under = r.differences.filter((d) => d.direction === 'underpaid');
  const sum = (ds: Difference[]) => formatYuan(ds.reduce((s, d) => s + d.amount_fen, 0));
  const slips = r.months.reduce((s, m) => s + m.payslips, 0);
  if (lang === 'en') {
    const base = `reconciled ${r.from} to ${r.to}: ${slips} payslips, ${n} difference(s)`;
    return n === 0 ? base : `${base} (overpaid ${over.length} × ${sum(over)}, underpaid ${under.length} × ${sum(under)})`;
  }
  const range = r.from === r.to ? r.from : `${r.from} 至 ${r.to}`;
  if (n === 0) return `核对 ${range}:${slips} 条工资条,0 处差异,全部一致`;
  return `核对 ${range}:${slips} 条工资条,${n} 处差异(多发 ${over.length} 人次共 ${sum(over)},少发 ${under.length} 人次共 ${sum(under)})`;
}

/** English: the headline, the monthly summary, the differences and the clawback lines (the zh report below has more). */
function renderReconcileEnglish(r: Reconciliation): string {
  const out = ['# Payroll reconciliation', '', reconcileHeadlineText(r, 'en'), '', '| month | status | payslips | paid rows | matched | differences |', '| --- | --- | ---: | ---: | ---: | ---: |'];
  for (const m of r.months) out.push(`| ${m.period} | ${status(m.provisional, 'en')} | ${m.payslips} | ${m.paid_rows} | ${m.matched} | ${m.differences} |`);
  for (const d of r.differences) out.push(`- ${escapeMarkdown(d.agent)} ${d.period}: ${differenceWords(d, 'en')}`);
  if (r.adjustments.length) {
    out.push('', '## Refund clawbacks and repayments', '', '| agent | paid in | original month | line | amount |', '| --- | --- | --- | --- | ---: |');
    for (const a of r.adjustments) out.push(`| ${escapeMarkdown(a.agent)} | ${a.period} | ${a.original || '—'} | ${escapeMarkdown(renderLine(a.line, 'en').label)} | ${formatYuan(a.amount_fen, { sign: true })} |`);
  }
  return out.join('\n') + '\n';
}

export function renderReconcileMarkdown(r: Reconciliation, lang: Lang = 'zh'): string {
  if (lang === 'en') return renderReconcileEnglish(r);
  const out = [`# 工资核对`, '', reconcileHeadlineText(r), ''];
  if (r.months.some((m) => m.provisional)) out.push('标记「未结算(预估)」的月份平台数据尚未结算,计算结果是预估值,结算后可能变化。', '');
  out.push('## 每月汇总', '', '| 月份 | 数据状态 | 工资条 | 实发记录 | 一致 | 差异 | 多发 | 少发 | 应发合计 | 实发合计 |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const m of r.months) {
    out.push(
      `| ${m.period} | ${status(m.provisional)} | ${m.payslips} | ${m.paid_rows} | ${m.matched} | ${m.differences} | ${m.overpaid_people} 人次 ${formatYuan(m.overpaid_fen)} | ${m.underpaid_people} 人次 ${formatYuan(m.underpaid_fen)} | ${formatYuan(m.computed_total_fen)} | ${formatYuan(m.paid_total_fen)} |`,
    );
  }
  out.push('');
  if (r.differences.length) {
    out.push('## 差异明细', '', '| 员工 | 月份 | 数据状态 | 实发 | 按规则应发 | 结论 |', '| --- | --- | --- | ---: | ---: | --- |');
    for (const d of r.differences) {
      out.push(`| ${escapeMarkdown(d.agent)} | ${d.period} | ${status(d.provisional)} | ${d.paid_fen === null ? '(无)' : formatYuan(d.paid_fen)} | ${d.computed_fen === null ? '(无)' : formatYuan(d.computed_fen)} | ${differenceWords(d)} |`);
    }
    out.push('');
  }
  if (r.adjustments.length) {
    out.push('## 退款扣回 / 补发', '', '发薪后到账的退款按退款扣回规则重算原月份的提成,差额记在处理月份(已计入上面的应发)。', '', '| 员工 | 记入月份 | 原月份 | 项目 | 金额 |', '| --- | --- | --- | --- | ---: |');
    for (const a of r.adjustments) out.push(`| ${escapeMarkdown(a.agent)} | ${a.period} | ${a.original || '—'} | ${escapeMarkdown(renderLine(a.line, 'zh').label)} | ${formatYuan(a.amount_fen, { sign: true })} |`);
    out.push('');
  }
  return out.join('\n');
}

/** The one-line summary printed on stderr when the report goes to a file. */
export function reconcileHeadline(r: Reconciliation, lang: Lang = 'zh'): string {
  return reconcileHeadlineText(r, lang);
}

/** One row per difference, one `adjustment` row per 扣回/补发 line, then one `month_total` row per month; BOM and CRLF so Excel opens it as written. */
export function renderReconcileCsv(r: Reconciliation): string {
  const header = ['row_type', 'agent_id', 'period', 'data_status', 'paid', 'computed', 'direction', 'amount', 'explanation', 'overpaid_total', 'underpaid_total', 'differences', 'matched'];
  const rows: (string | number | null)[][] = r.differences.map((d) => [
    'difference',
    d.agent,
    d.period,
    status(d.provisional),
    yuan(d.paid_fen),
    yuan(d.computed_fen),
    directionWord(d),
    yuan(d.amount_fen),
    differenceWords(d),
    null,
    null,
    null,
    null,
  ]);
  for (const a of r.adjustments) {
    rows.push(['adjustment', a.agent, a.period, null, null, yuan(a.amount_fen), a.amount_fen < 0 ? '扣回' : '补发', yuan(Math.abs(a.amount_fen)), `${renderLine(a.line, 'zh').label}(原月份 ${a.original})`, null, null, null, null]);
  }
  for (const m of r.months) {
    rows.push(['month_total', null, m.period, status(m.provisional), yuan(m.paid_total_fen), yuan(m.computed_total_fen), null, null, null, yuan(m.overpaid_fen), yuan(m.underpaid_fen), m.differences, m.matched]);
  }
  return '\ufeff' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function renderReconcileJson(r: Reconciliation): string {
  const month = (m: MonthSummary) => ({ ...m, data_status: status(m.provisional) });
  const doc = {
    from: r.from,
    to: r.to,
    headline: reconcileHeadlineText(r),
    all_match: r.differences.length === 0,
    months: r.months.map(month),
    differences: r.differences.map((d) => ({ ...d, direction_zh: directionWord(d), data_status: status(d.provisional), explanation: differenceWords(d) })),
    adjustments: r.adjustments.map((a) => ({ agent: a.agent, period: a.period, original: a.original, label: renderLine(a.line, 'zh').label, amount_fen: a.amount_fen })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

