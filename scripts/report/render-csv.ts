// Per-person rows for finance. Aliases by default; real ids only when explicitly asked for. Every
// cell is neutralised against spreadsheet formula injection (shop, team and position come from data).
import type { Impact } from '../compare/impact-types.ts';
import type { Lang } from '../i18n/catalogue.ts';
import { aliasNamer } from './alias-in-language.ts';

const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * OWASP CSV injection: a cell that starts with = + - @ tab or CR is a formula to a spreadsheet, so
 * it gets a leading `'` (shown as text), unless it is a plain number such as `-12.34`.
 */
export function neutraliseCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

export function csvCell(v: string | number | null): string {
  const s = neutraliseCell(v === null ? '' : String(v));
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

export function renderCsv(impact: Impact, opts: { realIds?: boolean; lang?: Lang } = {}): string {
  const alias = aliasNamer(impact, opts.lang ?? 'zh');
  const header = ['person', 'shop', 'team', 'position', 'base_total', 'proposal_total', 'change', 'change_percent', 'bucket'];
  const rows = impact.people.map((p) => [
    opts.realIds ? p.agent : alias(p.alias),
    p.shop,
    p.team,
    p.position,
    yuan(p.base_fen),
    yuan(p.head_fen),
    yuan(p.change_fen),
    p.percent === null ? null : p.percent.toFixed(4),
    p.bucket,
  ]);
  // BOM so Excel opens the UTF-8 file with Chinese intact; CRLF as Excel writes it.
  return '\ufeff' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
