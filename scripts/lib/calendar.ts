// Calendar sanity shared by policy dates, data cells and CLI flags: a date must exist (2024-02-30
// does not) and lie in the years a payroll can mean (2000–2100), so a typo such as 9999-12 can
// neither pass as a date nor stretch a replay window over eight thousand years.

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

function yearOk(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** `YYYY-MM-DD` that exists on the calendar, in MIN_YEAR..MAX_YEAR. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!yearOk(y)) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** `YYYY-MM` in MIN_YEAR..MAX_YEAR. */
export function isCalendarMonth(s: string): boolean {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s);
  return !!m && yearOk(Number(m[1]));
}

/** A month `YYYY-MM` or an ISO week `YYYY-Www` (W53 only in years that have one), in range. */
export function isCalendarPeriod(s: string): boolean {
  if (isCalendarMonth(s)) return true;
  const m = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/.exec(s);
  if (!m || !yearOk(Number(m[1]))) return false;
  if (m[2] !== '53') return true;
  // A year has week 53 when 28 December falls in it, i.e. Dec 28 is in ISO week 53.
  const y = Number(m[1]);
  const dec28 = new Date(Date.UTC(y, 11, 28));
  const thursday = new Date(dec28.getTime() + (3 - ((dec28.getUTCDay() + 6) % 7)) * 86_400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1 === 53;
}
