// rate × amount is exact: for every amount up to ¥10⁹ and every rate with up to 6 decimals, the
// engine's rounding of the product equals a BigInt reference, in all four modes and three units.
// Runs PP_MONEY_RUNS cases (default 1,000,000; see docs/reliability.md).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rateTimesFen, roundExactFen, roundFen, type RoundingMode, type RoundingUnit } from '../../scripts/lib/money.ts';

const RUNS = Number(process.env.PP_MONEY_RUNS ?? 1_000_000);
const MAX_FEN = 100_000_000_000; // ¥10⁹

/** Reference: the exact product as a decimal string of millionths of a fen, rounded by digit rules. */
function reference(amountFen: number, rateMillionths: number, mode: RoundingMode, unit: RoundingUnit): number {
  const step = { fen: 1n, jiao: 10n, yuan: 100n }[unit];
  const exact = BigInt(amountFen) * BigInt(rateMillionths); // in 1e-6 fen
  const whole = exact / (1_000_000n * step); // truncated count of units
  const fraction = exact - whole * 1_000_000n * step; // 0 ≤ fraction < 1e6·step
  const half = 500_000n * step;
  let units = whole;
  if (mode === 'up' && fraction > 0n) units += 1n;
  if (mode === 'half_up' && fraction >= half) units += 1n;
  if (mode === 'half_even' && (fraction > half || (fraction === half && whole % 2n === 1n))) units += 1n;
  return Number(units * step);
}

const modes: RoundingMode[] = ['half_up', 'half_even', 'down', 'up'];
const units: RoundingUnit[] = ['fen', 'jiao', 'yuan'];

describe('exact money: rate × amount', () => {
  it(`matches the BigInt reference over ${RUNS.toLocaleString('en')} cases up to ¥10⁹ and 6-decimal rates`, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: MAX_FEN }), fc.integer({ min: 7_500_000_000, max: MAX_FEN })),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(...modes),
        fc.constantFrom(...units),
        (amount, rate, mode, unit) => {
          const got = roundExactFen(rateTimesFen(amount, rate / 1e6)!, mode, unit);
          return got === reference(amount, rate, mode, unit);
        },
      ),
      { numRuns: RUNS, seed: 20261123 },
    );
  }, 120_000);

  it.each([
    // [amount in fen, rate] pairs above ¥75M where the float product (yuan × rate × 100) lands a fen low.
    [28_340_367_078, 0.75, 21_255_275_309],
    [69_763_910_816, 0.671875, 46_872_627_580],
    [17_773_669_664, 0.703125, 12_497_111_483],
  ])('rounds %i fen × %f half-up to %i fen, where binary floating point is a fen off', (amount, rate, fen) => {
    expect(roundExactFen(rateTimesFen(amount, rate)!, 'half_up')).toBe(fen);
    expect(roundFen((amount / 100) * rate * 100, 'half_up')).toBe(fen - 1);
  });

  it('rounds negative amounts symmetrically, as roundFen does', () => {
    expect(roundExactFen(rateTimesFen(-15, 0.5)!, 'half_up')).toBe(-8);
    expect(roundExactFen(rateTimesFen(-15, 0.5)!, 'down')).toBe(-7);
    expect(roundExactFen(rateTimesFen(-1, 0.1)!, 'down')).toBe(0);
  });

  it('declines a rate with more than 6 decimals (the caller keeps the float path)', () => {
    expect(rateTimesFen(100, 0.1234567)).toBeUndefined();
  });
});
