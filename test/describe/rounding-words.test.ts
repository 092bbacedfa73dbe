// The site words a policy's rounding as the engine applies it (lib/money.ts roundFen): every mode
// and unit reads right, not only 四舍五入 to the fen, and the wording matches what roundFen does.
import { describe, expect, it } from 'vitest';
import { roundingInWords, percentagePoints } from '../../scripts/describe/field-labels.ts';
import { roundFen } from '../../scripts/lib/money.ts';

describe('rounding in words', () => {
  it.each([
    ['half_up', 'fen', '四舍五入到分', 12345.5, 12346],
    ['half_even', 'fen', '银行家舍入到分', 12344.5, 12344],
    ['down', 'fen', '舍去到分', 12345.9, 12345],
    ['up', 'fen', '进一到分', 12345.1, 12346],
    ['half_up', 'jiao', '四舍五入到角', 12345, 12350],
    ['half_even', 'jiao', '银行家舍入到角', 12345, 12340],
    ['up', 'yuan', '进一到元', 12301, 12400],
  ] as const)('words %s to the %s as 「%s」 (%d fen → %d)', (mode, unit, words, fen, rounded) => {
    expect(roundingInWords({ mode, unit })).toBe(words);
    expect(roundFen(fen, mode, unit)).toBe(rounded);
  });

  it('words a ratio step in percentage points', () => {
    expect(percentagePoints(0.02)).toBe('2 个百分点');
    expect(percentagePoints(0.005)).toBe('0.5 个百分点');
  });
});
