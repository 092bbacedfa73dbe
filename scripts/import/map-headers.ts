// Which export column is which metric, through the metric catalogue's `headers` (the one declared
// place, see scripts/history/header-map.ts). An unknown header is an error with the closest known one.
import { distance } from 'fastest-levenshtein';
import type { MetricsPolicyData } from '../policy/schema/index.ts';
import { ACCOUNT_HEADERS } from './find-header.ts';
import type { Unit } from './convert-cell.ts';

export type Column =
  | { kind: 'account' }
  | { kind: 'period' }
  | { kind: 'status' }
  | { kind: 'metric'; id: string; unit: Unit; header: string }
  | { kind: 'ignored' };

export interface HeaderMapping {
  columns: Column[];
  unknown: { column: number; header: string; suggestion: string }[];
}

/** Columns a platform adds that are not figures of a person (row numbers, dates of the export). */
const NOT_FIGURES = ['序号', '排名', '日期', '店铺', '店铺名称', '客服分组', '分组'];

export function mapHeaders(header: readonly string[], catalogue: MetricsPolicyData): HeaderMapping {
  const byHeader = new Map<string, Column>();
  for (const m of catalogue.metrics) {
    if (m.formula || !m.headers?.length) continue;
    for (const h of m.headers) byHeader.set(h, { kind: 'metric', id: m.id, unit: m.unit, header: m.headers[0]! });
  }
  const known = [...byHeader.keys(), ...catalogue.ignored_headers, ...ACCOUNT_HEADERS, '统计周期', '数据状态'];
  const mapping: HeaderMapping = { columns: [], unknown: [] };
  header.forEach((raw, i) => {
    // Platforms differ in full- and half-width brackets: 首次响应时长(秒) is 首次响应时长（秒）.
    const h = raw.replaceAll('(', '（').replaceAll(')', '）');
    if (ACCOUNT_HEADERS.includes(h)) mapping.columns.push({ kind: 'account' });
    else if (h === '统计周期') mapping.columns.push({ kind: 'period' });
    else if (h === '数据状态') mapping.columns.push({ kind: 'status' });
    else if (byHeader.has(h)) mapping.columns.push(byHeader.get(h)!);
    else if (byHeader.has(raw)) mapping.columns.push(byHeader.get(raw)!);
    else if (h === '' || catalogue.ignored_headers.includes(raw) || NOT_FIGURES.includes(h)) mapping.columns.push({ kind: 'ignored' });
    else {
      mapping.columns.push({ kind: 'ignored' });
      const suggestion = [...known].sort((a, b) => distance(h, a) - distance(h, b) || a.localeCompare(b))[0] ?? '';
      mapping.unknown.push({ column: i + 1, header: raw, suggestion });
    }
  });
  return mapping;
}
