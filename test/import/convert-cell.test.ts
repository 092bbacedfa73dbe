// Export cells as platforms print them become plain, exact figures.
import { describe, expect, it } from 'vitest';
import { convertCell } from '../../scripts/import/convert-cell.ts';
import { monthOfRange } from '../../scripts/import/find-header.ts';

describe('convertCell', () => {
  it('turns percentages into exact fractions', () => {
    expect(convertCell('52.31%', 'ratio')).toBe('0.5231');
    expect(convertCell('130.18%', 'ratio')).toBe('1.3018');
    expect(convertCell('5%', 'ratio')).toBe('0.05');
    expect(convertCell('100%', 'ratio')).toBe('1');
    expect(convertCell('0.93', 'ratio')).toBe('0.93');
  });

  it('drops thousands separators and currency signs from money', () => {
    expect(convertCell('1,234.50', 'cny')).toBe('1234.50');
    expect(convertCell('¥1,101,210.12', 'cny')).toBe('1101210.12');
    expect(convertCell('1,234', 'count')).toBe('1234');
  });

  it('reads durations in 时分秒 and clock form as seconds', () => {
    expect(convertCell('1分23秒', 'seconds')).toBe('83');
    expect(convertCell('0分25秒', 'seconds')).toBe('25');
    expect(convertCell('1小时2分3秒', 'seconds')).toBe('3723');
    expect(convertCell('45.5秒', 'seconds')).toBe('45.5');
    expect(convertCell('00:01:23', 'seconds')).toBe('83');
    expect(convertCell('01:23', 'seconds')).toBe('83');
    expect(convertCell('28.5', 'seconds')).toBe('28.5');
  });

  it('reads the dashes platforms print for no figure as blank, and refuses what is not a figure', () => {
    expect(convertCell('-', 'count')).toBe('');
    expect(convertCell('', 'ratio')).toBe('');
    expect(convertCell('约 12', 'count')).toBeUndefined();
    expect(convertCell('12 分钟左右', 'seconds')).toBeUndefined();
    expect(convertCell('52.31%%', 'ratio')).toBeUndefined();
  });
});

describe('monthOfRange', () => {
  it('reads a whole calendar month from the date-range line', () => {
    expect(monthOfRange('统计时间:2026-11-01 至 2026-11-30')).toEqual({ found: true, period: '2026-11' });
    expect(monthOfRange('日期范围 2026/02/01~2026/02/28')).toEqual({ found: true, period: '2026-02' });
    expect(monthOfRange('2026年11月1日 至 2026年11月30日')).toEqual({ found: true, period: '2026-11' });
  });

  it('finds a range that is not one whole month without making a month of it', () => {
    expect(monthOfRange('2026-11-01 至 2026-11-15')).toEqual({ found: true });
    expect(monthOfRange('客服绩效')).toEqual({ found: false });
  });
});
