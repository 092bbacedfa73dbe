// Banker's rounding away from the tie: only an exact half goes to the even neighbour; anything
// above a half rounds up and anything below rounds down, whatever the parity.
import { describe, expect, it } from 'vitest';
import { roundFen } from '../../scripts/lib/money.ts';

describe('roundFen half_even', () => {
  it('rounds above a half up, on even and odd integer parts', () => {
    expect(roundFen(2.7, 'half_even')).toBe(3);
    expect(roundFen(3.51, 'half_even')).toBe(4);
    expect(roundFen(-2.7, 'half_even')).toBe(-3);
  });
  it('rounds below a half down, on odd integer parts too', () => {
    expect(roundFen(3.2, 'half_even')).toBe(3);
    expect(roundFen(5.49, 'half_even')).toBe(5);
    expect(roundFen(-3.2, 'half_even')).toBe(-3);
  });
  it('sends an exact half to the even neighbour, at jiao granularity too', () => {
    expect([roundFen(2.5, 'half_even'), roundFen(3.5, 'half_even')]).toEqual([2, 4]);
    // 25 fen = 2.5 jiao → 2 jiao = 20 fen; 35 fen → 4 jiao = 40 fen.
    expect([roundFen(25, 'half_even', 'jiao'), roundFen(35, 'half_even', 'jiao')]).toEqual([20, 40]);
  });
});
