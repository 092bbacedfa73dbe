// Every imported account must belong to someone on the roster, or the replay would drop the row.
// An unknown account is listed with the closest roster entries, so the fix is one edit away.
import { parse } from 'csv-parse/sync';
import { distance } from 'fastest-levenshtein';
import { existsSync, readFileSync } from 'node:fs';
import { detectEncoding } from '../history/decode-text.ts';
import type { ImportedRow } from './extract-rows.ts';

interface RosterEntry {
  agent: string;
  name: string;
  account: string;
}

function readRoster(file: string): RosterEntry[] {
  const bytes = readFileSync(file);
  const text = new TextDecoder(detectEncoding(bytes) === 'gb18030' ? 'gb18030' : 'utf-8').decode(bytes);
  const rows = parse<Record<string, string>>(text, { bom: true, columns: true, relax_column_count: true, skip_empty_lines: true });
  return rows.flatMap((r) =>
    (r.accounts ?? '')
      .split(/[;；]/)
      .map((a) => a.trim())
      .filter(Boolean)
      .map((account) => ({ agent: r.agent_id ?? '', name: r.name ?? '', account })),
  );
}

/** Problems for accounts no roster row lists; undefined roster file → no check possible, reported by the caller. */
export function unmappedAccounts(rosterFile: string, rows: readonly ImportedRow[]): string[] | undefined {
  if (!existsSync(rosterFile)) return undefined;
  const roster = readRoster(rosterFile);
  const known = new Set(roster.map((r) => r.account));
  const missing = new Map<string, string>();
  for (const r of rows) if (!known.has(r.account) && !missing.has(r.account)) missing.set(r.account, r.source);
  return [...missing].map(([account, source]) => {
    const closest = [...roster]
      .sort((a, b) => distance(account, a.account) - distance(account, b.account) || a.account.localeCompare(b.account))
      .slice(0, 3)
      .map((e) => `${e.agent} ${e.name}「${e.account}」`)
      .join('、');
    return `${source} 花名册中没有旺旺昵称「${account}」。提示:最接近的花名册账号:${closest || '(花名册为空)'};新人或转交的账号在 roster.csv 的 accounts 列登记`;
  });
}
