import { describe, expect, it } from 'vitest';
import { roundFen, yuanToFen } from '../scripts/lib/money.ts';
import { formatYuan } from '../scripts/lib/format.ts';

describe('money', () => {
  it('converts yuan with two decimals to fen exactly', () => {
    expect(yuanToFen(1234.56)).toBe(123456);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(8.7)).toBe(870);
  });
  it('rounds half up despite binary noise', () => {
    // 1.005 yuan is 100.49999999999999 fen in binary floating point
    expect(roundFen(1.005 * 100, 'half_up')).toBe(101);
    expect(roundFen(-2.5, 'half_up')).toBe(-3);
  });
  it('rounds half to even, down, up and to jiao or yuan', () => {
    expect(roundFen(2.5, 'half_even')).toBe(2);
    expect(roundFen(3.5, 'half_even')).toBe(4);
    expect(roundFen(99.99, 'down')).toBe(99);
    expect(roundFen(99.01, 'up')).toBe(100);
    expect(roundFen(12345, 'half_up', 'yuan')).toBe(12300);
    expect(roundFen(12355, 'half_up', 'jiao')).toBe(12360);
    expect(Object.is(roundFen(-0.2, 'half_up'), 0)).toBe(true);
  });
  it('formats fen as yuan for people', () => {
    expect(formatYuan(123456789)).toBe('¥1,234,567.89');
    expect(formatYuan(-5)).toBe('-¥0.05');
    expect(formatYuan(100, { sign: true })).toBe('+¥1.00');
  });
});
