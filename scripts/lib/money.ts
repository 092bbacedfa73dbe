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
