// Money is integer fen (分). Policy YAML writes yuan with at most 2 decimals; rates and formulas
// produce fractional fen, which is rounded exactly once, as the policy's `rounding` says.

export type RoundingMode = 'half_up' | 'half_even' | 'down' | 'up';
export type RoundingUnit = 'fen' | 'jiao' | 'yuan';

const UNIT_FEN: Record<RoundingUnit, number> = { fen: 1, jiao: 10, yuan: 100 };

/**
 * Snaps binary floating-point noise (e.g. 0.1 * 3 = 0.30000000000000004) to the nearest
 * millionth, so a value that is mathematically x.5 rounds as x.5 and not as x.4999999.
 * Inputs carry at most a few decimals, so nothing real lives below 1e-6.
 */
export function snap(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Yuan as written in a policy (≤ 2 decimals) → integer fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(snap(yuan * 100));
}

/** Rounds an amount in (fractional) fen to whole fen at `unit` granularity. Negative amounts round symmetrically. */
export function roundFen(fen: number, mode: RoundingMode, unit: RoundingUnit = 'fen'): number {
  const step = UNIT_FEN[unit];
  const sign = fen < 0 ? -1 : 1;
  const x = snap(Math.abs(fen) / step);
  let r: number;
  switch (mode) {
    case 'down': r = Math.floor(x); break;
    case 'up': r = Math.ceil(x); break;
    case 'half_up': r = Math.floor(x + 0.5); break;
    case 'half_even': {
      const f = Math.floor(x);
      const diff = snap(x - f);
      r = diff > 0.5 || (diff === 0.5 && f % 2 === 1) ? f + 1 : f;
      break;
    }
  }
  const out = sign * r * step;
  return out === 0 ? 0 : out; // never -0: it would print as "-0" and break byte-identical output
}

/**
 * An amount of fen as an exact fraction `num / RATE_SCALE`: what rate × amount is before it is
 * rounded. Binary floating point is 1 fen off in about 7 per million products above ¥75M; this is
 * exact for every amount up to ¥10⁹ and every rate with up to 6 decimals.
 */
export interface ExactFen {
  num: bigint;
}

/** Rates are decimals with at most this many places (0.012345 = 1.2345 %). */
export const RATE_DECIMALS = 6;
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);

/** The rate as an integer count of millionths, or undefined if it has more than 6 decimals. */
export function scaledRate(rate: number): bigint | undefined {
  const s = rate * 1e6;
  const r = Math.round(s);
  return Number.isSafeInteger(r) && Math.abs(s - r) < 1e-6 * Math.max(1, Math.abs(s)) ? BigInt(r) : undefined;
}

/** An amount in yuan (as a metric holds it) as integer fen, or undefined if it is not whole fen. */
export function wholeFen(yuan: number): number | undefined {
  const f = Math.round(yuan * 100);
  return Number.isSafeInteger(f) && Math.abs(yuan * 100 - f) < 1e-6 ? f : undefined;
}

/** amountFen × rate, exactly; undefined when the inputs are not whole fen and a 6-decimal rate. */
export function rateTimesFen(amountFen: number, rate: number): ExactFen | undefined {
  const r = scaledRate(rate);
  if (r === undefined || !Number.isSafeInteger(amountFen)) return undefined;
  return { num: BigInt(amountFen) * r };
}

export function addExact(a: ExactFen, b: ExactFen): ExactFen {
  return { num: a.num + b.num };
}

/** Rounds an exact amount to whole fen at `unit` granularity, symmetric for negatives (as roundFen). */
export function roundExactFen(x: ExactFen, mode: RoundingMode, unit: RoundingUnit = 'fen'): number {
  const step = BigInt(UNIT_FEN[unit]);
  const d = RATE_SCALE * step;
  const neg = x.num < 0n;
  const n = neg ? -x.num : x.num;
  const q = n / d;
  const rem = n % d;
  let r: bigint;
  switch (mode) {
    case 'down': r = q; break;
    case 'up': r = rem > 0n ? q + 1n : q; break;
    case 'half_up': r = 2n * rem >= d ? q + 1n : q; break;
    case 'half_even': r = 2n * rem > d || (2n * rem === d && q % 2n === 1n) ? q + 1n : q; break;
  }
  const out = Number(r * step);
  return neg && out !== 0 ? -out : out;
}
