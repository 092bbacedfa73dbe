// From an export's grid to one record per account and period: header found, columns mapped,
// summary rows skipped, every cell converted. All problems of a file are collected, not the first.
import { SUMMARY_ROW_NAMES } from '../history/header-map.ts';
import type { Problem } from '../lib/problem.ts';
import type { MetricsPolicyData } from '../policy/schema/index.ts';
import { convertCell } from './convert-cell.ts';
import { isCellError, parseMetricCell } from '../history/parse-value.ts';
import { ACCOUNT_HEADERS, findLayout } from './find-header.ts';
import { importProblem } from './import-problem.ts';
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
  file: string;
  /** Spreadsheet row (1-based) and the account cell's column, for located problems. */
  row: number;
  column: number;
}

export interface Extracted {
  rows: ImportedRow[];
  /** Canonical headers the file supplied, in its column order. */
  headers: string[];
  problems: Problem[];
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
    out.problems.push(importProblem(grid.file, 'import_no_header', 0, 0, '', { expected: ACCOUNT_HEADERS.map((h) => `「${h}」`).join(' / ') }));
    return out;
  }
  const header = grid.rows[layout.headerRow]!;
  const mapping = mapHeaders(header, catalogue);
  for (const u of mapping.unknown) {
    out.problems.push(importProblem(grid.file, 'import_unknown_header', layout.headerRow + 1, u.column, u.header, { column: u.header, suggestion: u.suggestion }));
  }
  const accountCol = mapping.columns.findIndex((c) => c.kind === 'account');
  const periodCol = mapping.columns.findIndex((c) => c.kind === 'period');
  const statusCol = mapping.columns.findIndex((c) => c.kind === 'status');
  // Unknown headers are reported but do not stop the rows being read: accounts are checked too.
  let fatal = false;
  if (layout.rangeNotMonth && periodCol < 0) {
    fatal = true;
    out.problems.push(importProblem(grid.file, 'import_range_not_month', layout.rangeRow ?? 0, layout.rangeRow ? 1 : 0, '', { range: layout.rangeText ?? '' }));
  }
  if (opts.period && layout.period && opts.period !== layout.period) {
    fatal = true;
    out.problems.push(importProblem(grid.file, 'import_period_mismatch', layout.rangeRow ?? 0, layout.rangeRow ? 1 : 0, '', { period: opts.period, range: layout.rangeText ?? '', range_period: layout.period }));
  }
  const filePeriod = layout.period ?? opts.period;
  if (periodCol < 0 && !filePeriod && !layout.rangeNotMonth) {
    fatal = true;
    out.problems.push(importProblem(grid.file, 'import_no_period', layout.headerRow + 1, 1, '', { column: '统计周期' }));
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
      out.problems.push(importProblem(grid.file, 'import_empty_account', r + 1, accountCol + 1, header[accountCol]!, { column: header[accountCol]! }));
      continue;
    }
    const account = opts.accountPrefix && !raw.includes(':') ? `${opts.accountPrefix}:${raw}` : raw;
    const period = periodCol >= 0 ? (cells[periodCol] ?? '') : filePeriod!;
    if (!PERIOD.test(period)) {
      out.problems.push(importProblem(grid.file, 'bad_period', r + 1, periodCol + 1, header[periodCol]!, { column: header[periodCol]!, value: period }));
      continue;
    }
    const values = new Map<string, string>();
    let ok = true;
    for (const c of metricCols) {
      const cell = cells[c.index] ?? '';
      const v = convertCell(cell, c.unit);
      if (v === undefined) {
        out.problems.push(importProblem(grid.file, c.unit === 'seconds' ? 'import_not_a_duration' : 'not_a_number', r + 1, c.index + 1, header[c.index]!, { column: header[c.index]!, value: cell }));
        ok = false;
      } else {
        // The converted figure must be one metrics.csv accepts (a count is whole and not negative…):
        // the reader's own check, reported here at the export's row and column.
        const bad = v === '' ? undefined : parseMetricCell(v, c.unit);
        if (bad !== undefined && isCellError(bad)) {
          out.problems.push(importProblem(grid.file, bad.code, r + 1, c.index + 1, header[c.index]!, { column: header[c.index]!, ...bad.params, value: cell }));
          ok = false;
        } else if (!values.has(c.header) || v !== '') values.set(c.header, v);
      }
    }
    const status = statusCol >= 0 ? cells[statusCol] : undefined;
    if (ok) out.rows.push({ account, period, provisional: status === '预估' || (status === undefined && opts.provisional), values, source: where, file: grid.file, row: r + 1, column: accountCol + 1 });
  }
  return out;
}
