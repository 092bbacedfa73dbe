// Where the table starts in a platform export: 千牛/赤兔 put a merged title row and a date-range
// line (统计时间:2026-11-01 至 2026-11-30) above the header. The header is the first row that names
// the account column; the period comes from the date range when it covers one calendar month.

/** Headers platforms use for the sub-account column; the first is the one metrics.csv uses. */
export const ACCOUNT_HEADERS = ['旺旺昵称', '客服昵称', '客服旺旺', '子账号', '客服账号'];

export interface Layout {
  /** 0-based index of the header row. */
  headerRow: number;
  /** `YYYY-MM` read from a date-range line above the header, when there is one. */
  period?: string;
  /** The date-range text as found, for messages. */
  rangeText?: string;
  /** 1-based spreadsheet row of the date-range line. */
  rangeRow?: number;
  /** The date range exists but is not exactly one calendar month. */
  rangeNotMonth?: boolean;
}

const DATE = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const RANGE = new RegExp(`${DATE}\\s*(?:至|到|~|～|－|—|-)\\s*${DATE}`);

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `2026-11-01 至 2026-11-30` → 2026-11; a range that is not one whole month → undefined. */
export function monthOfRange(text: string): { found: boolean; period?: string } {
  const m = RANGE.exec(text);
  if (!m) return { found: false };
  const [y1, m1, d1, y2, m2, d2] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (y1 !== y2 || m1 !== m2 || d1 !== 1 || d2 !== lastDay(y2, m2)) return { found: true };
  return { found: true, period: `${y1}-${String(m1).padStart(2, '0')}` };
}

export function findLayout(rows: readonly string[][]): Layout | undefined {
  const headerRow = rows.findIndex((r) => r.some((c) => ACCOUNT_HEADERS.includes(c)));
  if (headerRow < 0) return undefined;
  const layout: Layout = { headerRow };
  for (const [i, row] of rows.slice(0, headerRow).entries()) {
    const text = [...new Set(row.filter((c) => c !== ''))].join(' ');
    const r = monthOfRange(text);
    if (!r.found) continue;
    layout.rangeText = RANGE.exec(text)![0];
    layout.rangeRow = i + 1;
    if (r.period) layout.period = r.period;
    else layout.rangeNotMonth = true;
    break;
  }
  return layout;
}
