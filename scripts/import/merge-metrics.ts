// Imported rows into the project's metrics.csv, idempotently: the same export twice changes nothing
// (the file is not rewritten), a new month is appended, a provisional month is updated, and a
// settled month that changes is a conflict unless the caller says --replace.
import { parse } from 'csv-parse/sync';
import { detectEncoding } from '../history/decode-text.ts';
import { csvCell } from '../report/render-csv.ts';
import type { ImportedRow } from './extract-rows.ts';

export interface CellChange {
  account: string;
  period: string;
  column: string;
  before: string;
  after: string;
}

export interface MergeResult {
  /** The new file text, or undefined when nothing changes. */
  text: string | undefined;
  added: number;
  unchanged: number;
  /** Provisional rows brought up to date (or settled rows, with --replace). */
  updated: number;
  changes: CellChange[];
  /** Changes to settled months that were refused (empty with --replace). */
  refused: CellChange[];
}

const ACCOUNT = '旺旺昵称';
const PERIOD = '统计周期';
const STATUS = '数据状态';

export function mergeMetrics(existing: Uint8Array | undefined, rows: readonly ImportedRow[], importHeaders: readonly string[], opts: { replace: boolean }): MergeResult {
  let bom = '';
  let eol = '\n';
  let header = [ACCOUNT, PERIOD];
  let table: string[][] = [];
  if (existing && existing.length) {
    const enc = detectEncoding(existing) ?? 'utf8';
    const text = new TextDecoder(enc === 'utf8' ? 'utf-8' : 'gb18030').decode(existing);
    if (text.startsWith('\ufeff')) bom = '\ufeff';
    if (text.includes('\r\n')) eol = '\r\n';
    const parsed = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
    header = parsed[0] ?? header;
    table = parsed.slice(1);
  }
  const newHeader = [...header];
  for (const h of [...importHeaders, STATUS]) if (!newHeader.includes(h)) newHeader.push(h);
  const col = (h: string) => newHeader.indexOf(h);
  // Rows keep their own length (platform summary rows are often short): only a row that is
  // written to is padded, so untouched rows are written back exactly as they were read.
  const widen = (r: string[]) => [...r, ...Array<string>(Math.max(0, newHeader.length - r.length)).fill('')];
  const cell = (r: string[], h: string) => r[col(h)] ?? '';
  const index = new Map(table.map((r, i) => [`${r[col(ACCOUNT)]}|${r[col(PERIOD)]}`, i]));
  const result: MergeResult = { text: undefined, added: 0, unchanged: 0, updated: 0, changes: [], refused: [] };
  const appended: string[][] = [];
  for (const row of rows) {
    const cells = new Map(row.values);
    cells.set(STATUS, row.provisional ? '预估' : '已结算');
    const at = index.get(`${row.account}|${row.period}`);
    if (at === undefined) {
      const r = widen([]);
      r[col(ACCOUNT)] = row.account;
      r[col(PERIOD)] = row.period;
      for (const [h, v] of cells) r[col(h)] = v;
      appended.push(r);
      result.added++;
      continue;
    }
    const old = table[at]!;
    const diffs: CellChange[] = [...cells]
      .filter(([h, v]) => cell(old, h) !== v && !(h === STATUS && cell(old, h) === '' && v === '已结算'))
      .map(([h, v]) => ({ account: row.account, period: row.period, column: h, before: cell(old, h), after: v }));
    if (!diffs.length) {
      result.unchanged++;
      continue;
    }
    const settled = cell(old, STATUS) !== '预估';
    if (settled && !opts.replace) {
      result.refused.push(...diffs);
      continue;
    }
    const updated = widen(old);
    for (const d of diffs) updated[col(d.column)] = d.after;
    table[at] = updated;
    result.changes.push(...diffs);
    result.updated++;
  }
  if (result.added || result.updated || newHeader.length !== header.length) {
    appended.sort((a, b) => a[col(PERIOD)]!.localeCompare(b[col(PERIOD)]!) || a[col(ACCOUNT)]!.localeCompare(b[col(ACCOUNT)]!));
    result.text = bom + [newHeader, ...table, ...appended].map((r) => r.map(csvCell).join(',')).join(eol) + eol;
  }
  return result;
}
