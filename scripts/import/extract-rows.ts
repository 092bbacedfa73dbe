// From an export's grid to one record per account and period: header found, columns mapped,
// summary rows skipped, every cell converted. All problems of a file are collected, not the first.
import { SUMMARY_ROW_NAMES } from '../history/header-map.ts';
import type { MetricsPolicyData } from '../policy/schema/index.ts';
import { convertCell } from './convert-cell.ts';
import { findLayout } from './find-header.ts';
import { mapHeaders } from './map-headers.ts';
import type { ExportGrid } from './read-export.ts';

export interface ImportedRow {
  account: string;
  period: string;
  provisional: boolean;
  /** Canonical catalogue header → cell in metrics.csv form. */
  values: Map<string, string>;
  /** `file:row` the row came from, for messages. */
  source: string;
}

export interface Extracted {
  rows: ImportedRow[];
  /** Canonical headers the file supplied, in its column order. */
  headers: string[];
  problems: string[];
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$|^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
const SUMMARY = /^(合计|总计|汇总|平均|均值)/;

export interface ExtractOptions {
  /** --period: the month of an export without a date range or 统计周期 column. */
  period?: string;
  /** Prefix `店铺名:` for bare sub-account names (--shop). */
  accountPrefix?: string;
  provisional: boolean;
}

export function extractRows(grid: ExportGrid, catalogue: MetricsPolicyData, opts: ExtractOptions): Extracted {
  const out: Extracted = { rows: [], headers: [], problems: [] };
  const layout = findLayout(grid.rows);
  if (!layout) {
    out.problems.push(`${grid.file}:找不到表头行(需要一列「旺旺昵称」或「客服昵称」/「子账号」)。提示:确认导出的是「客服绩效」明细表,而不是汇总图表`);
    return out;
  }
  const header = grid.rows[layout.headerRow]!;
  const mapping = mapHeaders(header, catalogue);
  for (const u of mapping.unknown) {
    out.problems.push(`${grid.file}:${layout.headerRow + 1}:${u.column} 未知的列「${u.header}」。提示:是不是「${u.suggestion}」?或在 policies/metrics.yaml 某个指标的 headers 中登记它,不需要的列登记在 ignored_headers`);
  }
  const accountCol = mapping.columns.findIndex((c) => c.kind === 'account');
  const periodCol = mapping.columns.findIndex((c) => c.kind === 'period');
  const statusCol = mapping.columns.findIndex((c) => c.kind === 'status');
  // Unknown headers are reported but do not stop the rows being read: accounts are checked too.
  let fatal = false;
  if (layout.rangeNotMonth && periodCol < 0) {
    fatal = true;
    out.problems.push(`${grid.file}:日期范围「${layout.rangeText}」不是一个完整的自然月。提示:导出时选择整月(例如 2026-11-01 至 2026-11-30),每月一个文件`);
  }
  if (opts.period && layout.period && opts.period !== layout.period) {
    fatal = true;
    out.problems.push(`${grid.file}:--period ${opts.period} 与表中的日期范围「${layout.rangeText}」(${layout.period})不一致。提示:去掉 --period,或确认导出的月份`);
  }
  const filePeriod = layout.period ?? opts.period;
  if (periodCol < 0 && !filePeriod && !layout.rangeNotMonth) {
    fatal = true;
    out.problems.push(`${grid.file}:表中没有日期范围也没有「统计周期」列,不知道是哪个月的数据。提示:加上 --period 2026-11`);
  }
  const metricCols = mapping.columns.flatMap((c, i) => (c.kind === 'metric' ? [{ ...c, index: i }] : []));
  out.headers = [...new Set(metricCols.map((c) => c.header))];
  if (fatal) return out;

  for (let r = layout.headerRow + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r]!;
    const where = `${grid.file}:${r + 1}`;
    const raw = cells[accountCol] ?? '';
    if (cells.every((c) => c === '')) continue;
    if (SUMMARY_ROW_NAMES.includes(raw) || SUMMARY.test(raw) || (raw === '' && cells.some((c) => SUMMARY.test(c)))) continue;
    if (raw === '') {
      out.problems.push(`${where}:${accountCol + 1} 「${header[accountCol]}」为空。提示:每行应是一个客服子账号;删除表尾的说明文字`);
      continue;
    }
    const account = opts.accountPrefix && !raw.includes(':') ? `${opts.accountPrefix}:${raw}` : raw;
    const period = periodCol >= 0 ? (cells[periodCol] ?? '') : filePeriod!;
    if (!PERIOD.test(period)) {
      out.problems.push(`${where}:${periodCol + 1} 「统计周期」不是有效的月份或周:\`${period}\`。提示:月份写作 2026-11,周写作 2026-W41`);
      continue;
    }
    const values = new Map<string, string>();
    let ok = true;
    for (const c of metricCols) {
      const cell = cells[c.index] ?? '';
      const v = convertCell(cell, c.unit);
      if (v === undefined) {
        out.problems.push(`${where}:${c.index + 1} 「${header[c.index]}」不是${UNIT_WORDS[c.unit]}:\`${cell}\`。提示:${UNIT_HINTS[c.unit]}`);
        ok = false;
      } else if (!values.has(c.header) || v !== '') values.set(c.header, v);
    }
    const status = statusCol >= 0 ? cells[statusCol] : undefined;
    if (ok) out.rows.push({ account, period, provisional: status === '预估' || (status === undefined && opts.provisional), values, source: where });
  }
  return out;
}

const UNIT_WORDS = { ratio: '比例', cny: '金额', seconds: '时长', count: '数量', points: '分数' } as const;
const UNIT_HINTS = {
  ratio: '写作 52.31% 或 0.5231',
  cny: '写作 1234.50 或 1,234.50(元)',
  seconds: '写作 83、1分23秒 或 00:01:23',
  count: '写作整数,例如 1,234',
  points: '写作数字,例如 85.5',
} as const;
