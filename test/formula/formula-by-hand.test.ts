// Every operator, function, unit rule and syntax error of the closed formula language, each with
// its expected value or message worked out by hand.
import { describe, expect, it } from 'vitest';
import { parseFormula, type Expr } from '../../scripts/formula/parse-formula.ts';
import { evaluateFormula, formulaIdentifiers, formulaRefs } from '../../scripts/formula/evaluate-formula.ts';
import { inferFormulaUnit } from '../../scripts/formula/infer-unit.ts';

function ast(text: string): Expr {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.ast;
}
const ev = (text: string, env: Record<string, number> = {}) => evaluateFormula(ast(text), env);

describe('evaluating', () => {
  it('computes each arithmetic operator', () => {
    expect([ev('7 + 2'), ev('7 - 2'), ev('7 * 2'), ev('7 / 2'), ev('-7'), ev('--7')]).toEqual([9, 5, 14, 3.5, -7, 7]);
    expect(ev('10 - 4 - 3')).toBe(3); // left to right
    expect(ev('24 / 4 / 2')).toBe(3);
    expect(ev('.5 + 1.25')).toBe(1.75);
    expect(ev('.25 * 4')).toBe(1);
  });
  it('compares to 1 or 0, on both sides of equality', () => {
    const cases: [string, number, number][] = [
      ['<', 0, 0], ['<=', 1, 0], ['>', 0, 1], ['>=', 1, 1], ['==', 1, 0], ['!=', 0, 1],
    ];
    for (const [op, equal, greater] of cases) {
      expect(ev(`2 ${op} 2`), `2 ${op} 2`).toBe(equal);
      expect(ev(`3 ${op} 2`), `3 ${op} 2`).toBe(greater);
    }
    expect([ev('1 < 2'), ev('1 <= 2'), ev('1 > 2'), ev('1 >= 2')]).toEqual([1, 1, 0, 0]);
  });
  it('combines truth values with and, or, not', () => {
    expect([ev('1 and 1'), ev('1 and 0'), ev('0 and 1'), ev('0 and 0')]).toEqual([1, 0, 0, 0]);
    expect([ev('1 or 1'), ev('1 or 0'), ev('0 or 1'), ev('0 or 0')]).toEqual([1, 1, 1, 0]);
    expect([ev('not 0'), ev('not 3'), ev('not not 3')]).toEqual([1, 0, 1]);
    // and binds tighter than or: 1 or (0 and 0) = 1.
    expect(ev('1 or 0 and 0')).toBe(1);
  });
  it('calls each function', () => {
    expect([ev('min(3)'), ev('min(-1, 2)'), ev('max(-1, -2)'), ev('abs(-4)'), ev('abs(4)')]).toEqual([3, -1, -1, 4, 4]);
    expect([ev('if(0, 1, 2)'), ev('if(5, 1, 2)')]).toEqual([2, 1]);
    expect([ev('round(2.5)'), ev('round(2.45, 1)'), ev('round(1234, 0)'), ev('round(-1.26, 1)')]).toEqual([3, 2.5, 1234, -1.3]);
  });
  it('reads metrics, treating missing and non-finite values as 0', () => {
    expect(ev('a * 2', { a: 21 })).toBe(42);
    expect(ev('a + 1', {})).toBe(1);
    expect(ev('a + 1', { a: Number.NaN })).toBe(1);
    expect(ev('a + 1', { a: Number.POSITIVE_INFINITY })).toBe(1);
  });
  it('divides by zero as 0, but divides normally otherwise', () => {
    expect([ev('5 / 0'), ev('0 / 5'), ev('-6 / 3')]).toEqual([0, 0, -2]);
  });
  it('lists references with their offsets through every kind of node', () => {
    expect(formulaRefs(ast('not a + -b * max(c, (d))'))).toEqual([
      { name: 'a', offset: 4 },
      { name: 'b', offset: 9 },
      { name: 'c', offset: 17 },
      { name: 'd', offset: 21 },
    ]);
    expect(formulaIdentifiers(ast('z + a + z'))).toEqual(['a', 'z']);
  });
});

describe('syntax errors', () => {
  const err = (text: string) => {
    const r = parseFormula(text);
    if (r.ok) throw new Error(`parsed: ${text}`);
    return r.error;
  };
  it('names a character outside the language, at its offset', () => {
    expect(err('sales ^ 2')).toEqual({ code: 'formula_syntax', offset: 6, length: 1, params: { found: '^', expected: '数值、指标、运算符或括号' } });
  });
  it('says what it expected at the end of a formula', () => {
    expect(err('sales *')).toEqual({ code: 'formula_syntax', offset: 7, length: 1, params: { found: '(结尾)', expected: '数值、指标或 (' } });
    expect(err('(sales')).toEqual({ code: 'formula_syntax', offset: 6, length: 1, params: { found: '(结尾)', expected: ')' } });
    expect(err('max(sales, 1')).toMatchObject({ offset: 12, params: { expected: ')' } });
  });
  it('rejects a stray token after a complete formula', () => {
    expect(err('sales 2')).toEqual({ code: 'formula_syntax', offset: 6, length: 1, params: { found: '2', expected: '运算符或结尾' } });
    expect(err('a < b < c')).toMatchObject({ offset: 6, params: { found: '<' } });
  });
  it('does not take a logic word for a metric', () => {
    expect(err('and + 1')).toMatchObject({ offset: 0, length: 3, params: { found: 'and', expected: '数值或指标' } });
    expect(err('1 + or')).toMatchObject({ offset: 4, params: { found: 'or' } });
    expect(err('1 + not 2')).toMatchObject({ offset: 4, params: { found: 'not', expected: '数值或指标' } });
  });
  it('checks how many arguments each function takes', () => {
    expect(err('min()')).toEqual({ code: 'formula_arity', offset: 0, length: 3, params: { name: 'min', count: 0, expected: '1–99' } });
    expect(err('round(1, 2, 3)')).toMatchObject({ code: 'formula_arity', params: { name: 'round', count: 3, expected: '1–2' } });
    expect(err('if(1, 2)')).toMatchObject({ code: 'formula_arity', params: { name: 'if', count: 2, expected: '3' } });
    expect(err('abs()')).toMatchObject({ code: 'formula_arity', params: { name: 'abs', count: 0, expected: '1' } });
  });
  it('lists the allowed functions when one is unknown', () => {
    expect(err('log(2)')).toEqual({ code: 'formula_unknown_function', offset: 0, length: 3, params: { name: 'log', allowed: 'min, max, round, if, abs' } });
  });
  it('skips tabs and line breaks between tokens', () => {
    expect(ev('1\t+\n2\r\n* 3')).toBe(7);
  });
});

describe('units', () => {
  const units = { sales: 'cny', inquiries: 'count', paying_buyers: 'count', conversion_rate: 'ratio', points_total: 'points', wait_s: 'seconds' };
  const unit = (text: string) => inferFormulaUnit(ast(text), units);
  it('gives numbers no unit and unknown names no unit', () => {
    expect([unit('2'), unit('mystery')]).toEqual([{ ok: true, unit: '1' }, { ok: true, unit: '1' }]);
  });
  it('keeps the unit through minus, round, abs and if', () => {
    expect([unit('-sales'), unit('round(sales, 2)'), unit('abs(inquiries)'), unit('if(conversion_rate > 0.5, sales, 0)')].map((u) => u.ok && u.unit)).toEqual(['cny', 'cny', 'count', 'cny']);
  });
  it('unifies min and max arguments', () => {
    expect([unit('min(sales, 1)'), unit('max(conversion_rate, 0.5)'), unit('max(1, conversion_rate, 1)')].map((u) => u.ok && u.unit)).toEqual(['cny', 'ratio', 'ratio']);
    expect(unit('min(sales, inquiries)')).toEqual({ ok: false, offset: 0, params: { left: 'cny', right: 'count', op: '+' } });
    expect(unit('if(1, sales, inquiries)')).toMatchObject({ ok: false, offset: 0 });
  });
  it('multiplies by scalars only', () => {
    expect([unit('conversion_rate * 2'), unit('2 * conversion_rate'), unit('2 * 3'), unit('conversion_rate * sales'), unit('sales * conversion_rate'), unit('sales * 2')].map((u) => u.ok && u.unit)).toEqual([
      'ratio', 'ratio', '1', 'cny', 'cny', 'cny',
    ]);
    expect(unit('inquiries * sales')).toEqual({ ok: false, offset: 10, params: { left: 'count', right: 'cny', op: '*' } });
  });
  it('divides into ratios, per-head amounts and plain numbers', () => {
    expect(
      [unit('sales / sales'), unit('sales / 2'), unit('sales / conversion_rate'), unit('sales / inquiries'), unit('points_total / inquiries'), unit('inquiries / sales'), unit('wait_s / inquiries')].map((u) => u.ok && u.unit),
    ).toEqual(['ratio', 'cny', 'cny', 'cny', 'points', '1', '1']);
  });
  it('adds like units only; a ratio and a plain number add to a ratio', () => {
    expect([unit('sales + 1'), unit('1 + sales'), unit('conversion_rate + 0.1'), unit('conversion_rate + conversion_rate')].map((u) => u.ok && u.unit)).toEqual(['cny', 'cny', 'ratio', 'ratio']);
    expect(unit('sales - wait_s')).toEqual({ ok: false, offset: 6, params: { left: 'cny', right: 'seconds', op: '+' } });
  });
  it('gives round the unit of the value rounded, not of its digits', () => {
    expect(unit('round(sales, inquiries)')).toEqual({ ok: true, unit: 'cny' });
  });
  it('keeps checking inside not', () => {
    expect(unit('not (sales + inquiries)')).toMatchObject({ ok: false, offset: 11 });
  });
  it('subtracts and adds money to money', () => {
    expect([unit('sales - 1'), unit('sales + sales'), unit('sales - sales')].map((u) => u.ok && u.unit)).toEqual(['cny', 'cny', 'cny']);
  });
  it('divides money and points per head only by a count', () => {
    expect([unit('sales / wait_s'), unit('points_total / sales')].map((u) => u.ok && u.unit)).toEqual(['1', '1']);
  });
  it('joins any two conditions with and / or, whatever their units', () => {
    expect([unit('sales and inquiries'), unit('sales or inquiries')].map((u) => u.ok && u.unit)).toEqual(['bool', 'bool']);
  });
  it('makes comparisons and logic booleans, and compares like units only', () => {
    expect([unit('sales > 100'), unit('not sales'), unit('1 and 0'), unit('1 or 0')].map((u) => u.ok && u.unit)).toEqual(['bool', 'bool', 'bool', 'bool']);
    expect(unit('sales >= inquiries')).toMatchObject({ ok: false, offset: 6 });
  });
});
