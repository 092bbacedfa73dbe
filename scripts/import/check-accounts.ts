// Every imported account must belong to someone on the roster, or the replay would drop the row.
// An unknown account is listed with the closest roster entries, so the fix is one edit away.
import { parse } from 'csv-parse/sync';
import { distance } from 'fastest-levenshtein';
import { existsSync, readFileSync } from 'node:fs';
import { detectEncoding } from '../history/decode-text.ts';
import { describeSpan, holderOf, parseAccountEntry, type AccountSpan } from '../history/account-spans.ts';
import type { Problem } from '../lib/problem.ts';
import type { ImportedRow } from './extract-rows.ts';
import { importProblem } from './import-problem.ts';

function readRoster(file: string): AccountSpan[] {
  const bytes = readFileSync(file);
  const text = new TextDecoder(detectEncoding(bytes) === 'gb18030' ? 'gb18030' : 'utf-8').decode(bytes);
  const rows = parse<Record<string, string>>(text, { bom: true, columns: true, relax_column_count: true, skip_empty_lines: true });
  return rows.flatMap((r) =>
    (r.accounts ?? '')
      .split(/[;；]/)
      .map((a) => a.trim())
      .filter(Boolean)
      .map((entry) => parseAccountEntry(entry, r.agent_id ?? '').span),
  );
}

/** Problems for accounts no roster row lists; undefined roster file → no check possible, reported by the caller. */
export function unmappedAccounts(rosterFile: string, rows: readonly ImportedRow[]): Problem[] | undefined {
  if (!existsSync(rosterFile)) return undefined;
  const roster = readRoster(rosterFile);
  const missing = new Map<string, ImportedRow>();
  for (const r of rows) {
    const key = `${r.account}|${r.period}`;
    if (!missing.has(key) && !holderOf(roster.filter((s) => s.account === r.account), r.period)) missing.set(key, r);
  }
  return [...missing.values()].map(({ account, period, file, row, column }) => {
    const closest = [...roster]
      .sort((a, b) => distance(account, a.account) - distance(account, b.account) || a.account.localeCompare(b.account) || (a.from ?? '').localeCompare(b.from ?? ''))
      .slice(0, 3)
      .map(describeSpan)
      .join(' / ');
    return importProblem(file, 'unknown_account', row, column, '旺旺昵称', { period, account, suggestion: closest });
  });
}
