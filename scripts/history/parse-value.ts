// Cell values as spreadsheets write them: `1,234.50`, `52%`, `52.31%`, blanks. Money becomes
// integer fen from the decimal text itself, so 0.29 yuan is 29 fen and never 28.999….

export type CellError = { code: 'not_a_number' | 'too_many_decimals' | 'negative_value' | 'not_an_integer' | 'ratio_out_of_range' | 'implausible_value'; params: Record<string, string | number> };

/**
 * Plausibility bounds of a cell. Beyond them a value is a corrupt export or a typo (1e20 inquiries),
 * never a real figure, and would overflow exact money arithmetic.
 */
export const CELL_LIMITS = {
  /** Counts in one row: inquiries, buyers, events. */
  count: 1e9,
  /** An amount in yuan for one agent and period (sales, refunds). */
  agentYuan: 1e9,
  /** An amount in yuan for a whole shop and month (revenue, target). */
  shopYuan: 1e12,
  /** Seconds and points. */
  other: 1e9,
} as const;

function implausible(raw: string, max: number): CellError {
  return { code: 'implausible_value', params: { value: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw, max } };
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

export function parseNumberCell(raw: string): number | CellError {
  const s = raw.trim();
  if (!NUMBER.test(s)) return { code: 'not_a_number', params: { value: raw } };
  const n = Number(s.includes(',') ? s.replaceAll(',', '') : s);
  return Number.isFinite(n) ? n : implausible(raw, CELL_LIMITS.other);
}

/** A ratio: `52%` → 0.52, `0.52` → 0.52. Values above 1 without `%` are read as percent only if `percentOnly`. */
export function parseRatioCell(raw: string, max = 10): number | CellError {
  const s = raw.trim();
  const pct = s.endsWith('%');
  const n = parseNumberCell(pct ? s.slice(0, -1) : s);
  if (typeof n !== 'number') return n;
  const v = pct ? Math.round(n * 1e6) / 1e8 : n;
  if (v < 0 || v > max) return { code: 'ratio_out_of_range', params: { value: raw, max: `${max * 100}%` } };
  return v;
}

export function parseMoneyCell(raw: string, maxYuan: number = CELL_LIMITS.shopYuan): { fen: number } | CellError {
  const t = raw.trim();
  const s = t.startsWith('¥') || t.startsWith('￥') ? t.slice(1) : t;
  if (!NUMBER.test(s)) return { code: 'not_a_number', params: { value: raw } };
  const clean = s.includes(',') ? s.replaceAll(',', '') : s;
  const neg = clean.startsWith('-');
  const unsigned = neg || clean.startsWith('+') ? clean.slice(1) : clean;
  // NUMBER allows at most one point.
  const dot = unsigned.indexOf('.');
  const int = dot < 0 ? unsigned : unsigned.slice(0, dot);
  const frac = dot < 0 ? '' : unsigned.slice(dot + 1);
  if (frac.length > 2) return { code: 'too_many_decimals', params: { value: raw } };
  const fen = Number(int) * 100 + Number(frac.padEnd(2, '0'));
  // The whole amount, fen included, against the limit (500.01 is over a 500-yuan limit), and never
  // an amount past 2^53 fen, where integer fen stop being exact (so at most 14 digits of yuan,
  // whatever the limit; a thousand digits make Infinity, which is not a safe integer either).
  if (fen > maxYuan * 100 || !Number.isSafeInteger(fen)) return implausible(raw, maxYuan);
  return { fen: neg ? -fen : fen };
}

export function parseCountCell(raw: string, max: number = CELL_LIMITS.count): number | CellError {
  const n = parseNumberCell(raw);
  if (typeof n !== 'number') return n;
  if (n < 0) return { code: 'negative_value', params: { value: raw } };
  if (n > max) return implausible(raw, max);
  if (!Number.isInteger(n)) return { code: 'not_an_integer', params: { value: raw } };
  return n;
}

export function isCellError(x: unknown): x is CellError {
  return typeof x === 'object' && x !== null && 'code' in x;
}

/**
 * A metrics cell checked for its catalogue unit, as metrics.csv is read: ratios in range, counts
 * whole and non-negative, money in yuan with at most two decimals, seconds and points non-negative.
 * The reader and the importer both call it, so an import never writes a cell the reader rejects.
 */
export function parseMetricCell(raw: string, unit: string): number | CellError {
  if (unit === 'ratio') return parseRatioCell(raw);
  if (unit === 'count') return parseCountCell(raw);
  if (unit === 'cny') {
    const m = parseMoneyCell(raw, CELL_LIMITS.agentYuan);
    if (isCellError(m)) return m;
    return m.fen < 0 ? { code: 'negative_value', params: { value: raw } } : Math.abs(m.fen) / 100; // -0.00 is 0, not -0
  }
  const n = parseNumberCell(raw);
  if (typeof n === 'number' && n < 0) return { code: 'negative_value', params: { value: raw } };
  if (typeof n === 'number' && n > CELL_LIMITS.other) return implausible(raw, CELL_LIMITS.other);
  return n;
}
