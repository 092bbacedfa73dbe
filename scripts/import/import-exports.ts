// Every export named on the command line read into rows, with every problem of every file collected
// (unreadable files, headers, cells, duplicate rows across files, accounts nobody on the roster holds),
// so one run lists all of them. The CLI (scripts/import.ts) and the catalogue test share this path.
import { join } from 'node:path';
import { ProblemsError, type Problem } from '../lib/problem.ts';
import type { MetricsPolicyData } from '../policy/schema/index.ts';
import { unmappedAccounts } from './check-accounts.ts';
import type { ExtractOptions, ImportedRow } from './extract-rows.ts';
import { historySourceFor } from './history-source.ts';
import { importProblem } from './import-problem.ts';
import type { CellChange } from './merge-metrics.ts';
import { readExport } from './read-export.ts';

export interface ImportRead {
  rows: ImportedRow[];
  headers: string[];
  /** Errors and warnings (a missing roster is a warning: accounts are not checked). */
  problems: Problem[];
}

export async function importExports(files: readonly string[], outDir: string, catalogue: MetricsPolicyData, opts: ExtractOptions): Promise<ImportRead> {
  const out: ImportRead = { rows: [], headers: [], problems: [] };
  for (const file of files) {
    let grid;
    try {
      grid = await readExport(file);
    } catch (e) {
      if (!(e instanceof ProblemsError)) throw e;
      out.problems.push(...e.problems);
      continue;
    }
    const x = historySourceFor(grid).rows(grid, catalogue, opts);
    out.problems.push(...x.problems);
    out.rows.push(...x.rows);
    for (const h of x.headers) if (!out.headers.includes(h)) out.headers.push(h);
  }
  const seen = new Map<string, ImportedRow>();
  for (const r of out.rows) {
    const key = `${r.account}|${r.period}`;
    const first = seen.get(key);
    if (first) out.problems.push(importProblem(r.file, 'import_duplicate_row', r.row, r.column, '旺旺昵称', { account: r.account, period: r.period, first: first.source }));
    else seen.set(key, r);
  }
  const roster = join(outDir, 'roster.csv');
  const unmapped = unmappedAccounts(roster, out.rows);
  if (unmapped === undefined) out.problems.push(importProblem(roster, 'import_roster_missing', 0, 0, '', { roster }, 'warning'));
  else out.problems.push(...unmapped);
  return out;
}

/** Refused changes to settled months, one problem per changed cell, located at the export row. */
export function settledChangeProblems(refused: readonly CellChange[], rows: readonly ImportedRow[]): Problem[] {
  const at = new Map(rows.map((r) => [`${r.account}|${r.period}`, r]));
  return refused.map((c) => {
    const r = at.get(`${c.account}|${c.period}`);
    return importProblem(r?.file ?? '', 'import_settled_changed', r?.row ?? 0, r?.column ?? 0, c.column, { account: c.account, period: c.period, column: c.column, before: c.before || '-', after: c.after || '-' });
  });
}
