// Calendar arithmetic on ISO strings (UTC, no clock): months `YYYY-MM`, ISO weeks `YYYY-Www`,
// quarters `YYYY-Qn`. A week belongs to the month that contains its Thursday (ISO 8601's rule
// for which year a week belongs to, applied to months).

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const daysCache = new Map<string, number>();
export function daysInMonth(month: string): number {
  let d = daysCache.get(month);
  if (d === undefined) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    d = new Date(Date.UTC(y, m, 0)).getUTCDate();
    daysCache.set(month, d);
  }
  return d;
}

export function monthStart(month: string): string {
  return `${month}-01`;
}

export function monthEnd(month: string): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function quarterOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** Whether `month` is the last month of its quarter. */
export function endsQuarter(month: string): boolean {
  return Number(month.slice(5, 7)) % 3 === 0;
}

const DAY = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Monday (as epoch ms) of ISO week `YYYY-Www`. */
function weekMonday(week: string): number {
  const y = Number(week.slice(0, 4));
  const w = Number(week.slice(6));
  const jan4 = Date.UTC(y, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * DAY + (w - 1) * 7 * DAY;
}

const weekMonthCache = new Map<string, string>();
/** The month a week belongs to: the month of its Thursday. */
export function weekMonth(week: string): string {
  let m = weekMonthCache.get(week);
  if (m === undefined) {
    m = isoDate(weekMonday(week) + 3 * DAY).slice(0, 7);
    weekMonthCache.set(week, m);
  }
  return m;
}

const weekRangeCache = new Map<string, { start: string; end: string }>();
/** First and last day (inclusive) of an ISO week. */
export function weekRange(week: string): { start: string; end: string } {
  let r = weekRangeCache.get(week);
  if (!r) {
    const mon = weekMonday(week);
    r = { start: isoDate(mon), end: isoDate(mon + 6 * DAY) };
    weekRangeCache.set(week, r);
  }
  return r;
}

export function isWeek(period: string): boolean {
  return /^\d{4}-W\d{2}$/.test(period);
}

/** Month of a period: itself for a month, the Thursday's month for a week. */
export function periodMonth(period: string): string {
  return isWeek(period) ? weekMonth(period) : period;
}

/** Days between two ISO dates, inclusive of both. */
export function daysInclusive(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY) + 1;
}

/** Whole months from `hired` to the first day of `month` (tenure at month start). */
export function tenureMonths(hired: string, month: string): number {
  const [hy, hm, hd] = hired.split('-').map(Number) as [number, number, number];
  const [y, m] = month.split('-').map(Number) as [number, number];
  const months = (y - hy) * 12 + (m - hm) - (hd > 1 ? 1 : 0);
  return Math.max(0, months);
}

/** The same month one year earlier, `2026-11` → `2025-11`. */
export function sameMonthLastYear(month: string): string {
  return `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
}

/** The month `n` months after `month` (negative n goes back). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
