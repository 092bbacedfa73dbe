// Where history rows come from: each export format is an adapter `{ detect, rows }`, so a new
// platform's export is one more adapter in HISTORY_SOURCES, not a special case in the reader.
// read-export.ts turns a file into a grid of cells; an adapter turns the grid into rows.
import type { MetricsPolicyData } from '../policy/schema/index.ts';
import type { ExportGrid } from './read-export.ts';
import type { Extracted, ExtractOptions } from './extract-rows.ts';
import { platformPerformanceExport } from './sources/platform-performance.ts';

export interface HistorySource {
  /** Stable id of the format, e.g. `platform-performance`. */
  id: string;
  /** What a manager would call the file, in Chinese. */
  label: string;
  /** Whether this adapter recognises the grid (by its header and layout, never by file name). */
  detect(grid: ExportGrid): boolean;
  /** One record per account and period, and every problem of the file. */
  rows(grid: ExportGrid, catalogue: MetricsPolicyData, opts: ExtractOptions): Extracted;
}

/** Known formats, tried in order; the first is the default, whose problems explain an unrecognised file. */
export const HISTORY_SOURCES: readonly [HistorySource, ...HistorySource[]] = [platformPerformanceExport];

/** The adapter that recognises the grid, or the default one (which then reports what it misses). */
export function historySourceFor(grid: ExportGrid): HistorySource {
  return HISTORY_SOURCES.find((s) => s.detect(grid)) ?? HISTORY_SOURCES[0];
}
