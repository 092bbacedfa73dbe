// Platform sub-accounts change hands: when an agent leaves, their 旺旺 account goes to the next hire.
// The roster's `accounts` column may therefore date an account: `店:小雪@2024-01-01~2025-06-30`
// (from the first to the last day, both inclusive; either side may be open: `店:小雪@2025-07-01~`).
// An undated account belongs to the person always, as before.
import { isWeek, monthEnd, monthStart, weekRange, daysInclusive } from '../lib/periods.ts';

export interface AccountSpan {
  account: string;
  agent: string;
  /** ISO date, inclusive; absent = since always. */
  from?: string;
  /** ISO date, inclusive; absent = still. */
  to?: string;
}

const ISO = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `name@from~to` → a span; `bad` names the malformed date, if any. */
export function parseAccountEntry(entry: string, agent: string): { span: AccountSpan; bad?: string } {
  const at = entry.lastIndexOf('@');
  if (at < 0) return { span: { account: entry, agent } };
  const account = entry.slice(0, at).trim();
  const [from = '', to = ''] = entry.slice(at + 1).split(/[~～]/).map((s) => s.trim());
  const span: AccountSpan = { account, agent, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const bad = [from, to].find((d) => d !== '' && !ISO.test(d));
  if (bad !== undefined) return { span, bad };
  if (from && to && from > to) return { span, bad: `${from}~${to}` };
  return { span };
}

export function periodDays(period: string): { start: string; end: string } {
  return isWeek(period) ? weekRange(period) : { start: monthStart(period), end: monthEnd(period) };
}

/** Whether two spans of the same account share a day. */
export function spansOverlap(a: AccountSpan, b: AccountSpan): boolean {
  return (a.from ?? '0000-01-01') <= (b.to ?? '9999-12-31') && (b.from ?? '0000-01-01') <= (a.to ?? '9999-12-31');
}

/**
 * Who held the account in the period. When it changed hands within the period, the person who
 * held it for more of its days (the later one on a tie) gets the row: the platform's figures
 * cannot be split by day.
 */
export function holderOf(spans: readonly AccountSpan[], period: string, days: { start: string; end: string } = periodDays(period)): AccountSpan | undefined {
  const { start, end } = days;
  let best: { span: AccountSpan; days: number } | undefined;
  for (const s of spans) {
    const from = s.from && s.from > start ? s.from : start;
    const to = s.to && s.to < end ? s.to : end;
    if (from > to) continue;
    // Most accounts have one holder: no days to weigh.
    if (spans.length === 1) return s;
    const days = daysInclusive(from, to);
    if (!best || days > best.days || (days === best.days && (s.from ?? '') > (best.span.from ?? ''))) best = { span: s, days };
  }
  return best?.span;
}

/** `店:小雪(A001,2024-01-01~2025-06-30)` for messages. */
export function describeSpan(s: AccountSpan): string {
  return s.from || s.to ? `${s.account}(${s.agent},${s.from ?? ''}~${s.to ?? ''})` : `${s.account}(${s.agent})`;
}
