// Hostile formulas are located errors, never a stack overflow or a confusing message.
import { describe, expect, it } from 'vitest';
import { FORMULA_LIMITS, parseFormula } from '../../scripts/formula/parse-formula.ts';
import { renderProblem } from '../../scripts/i18n/render-problem.ts';

const code = (text: string) => {
  const r = parseFormula(text);
  return r.ok ? 'ok' : [r.error.code, r.error.offset];
};

describe('formula limits', () => {
  it('rejects 1,000-deep nesting by its length before parsing it', () => {
    expect(code(`${'('.repeat(1000)}sales${')'.repeat(1000)}`)).toEqual(['formula_too_long', FORMULA_LIMITS.length]);
  });

  it('rejects 50,000 unary minus signs and a 16,000-term sum', () => {
    expect(code(`${'-'.repeat(50_000)}sales`)).toEqual(['formula_too_long', FORMULA_LIMITS.length]);
    expect(code(Array.from({ length: 16_000 }, () => 'sales').join('+'))).toEqual(['formula_too_long', FORMULA_LIMITS.length]);
  });

  it('rejects nesting deeper than the limit at the first construct beyond it', () => {
    const depth = FORMULA_LIMITS.depth + 1;
    expect(code(`${'('.repeat(depth)}sales${')'.repeat(depth)}`)).toEqual(['formula_too_deep', FORMULA_LIMITS.depth]);
    expect(code(`${'-'.repeat(depth)}sales`)).toEqual(['formula_too_deep', FORMULA_LIMITS.depth]);
    expect(code(`${'not '.repeat(depth)}sales`)).toEqual(['formula_too_deep', FORMULA_LIMITS.depth * 4]);
    expect(code(`${'max('.repeat(depth)}sales${')'.repeat(depth)}`)).toEqual(['formula_too_deep', FORMULA_LIMITS.depth * 4]);
  });

  it('accepts nesting up to the limit', () => {
    const depth = FORMULA_LIMITS.depth;
    expect(code(`${'('.repeat(depth)}sales${')'.repeat(depth)}`)).toBe('ok');
  });

  it('rejects more binary operators than the limit (a long chain is a deep tree)', () => {
    const text = Array.from({ length: FORMULA_LIMITS.operators + 2 }, () => 'a').join('+');
    expect(code(text)).toEqual(['formula_too_deep', 2 * FORMULA_LIMITS.operators + 1]);
  });
});

describe('formula messages', () => {
  it('says what was expected after a character outside the grammar (no literal {expected})', () => {
    const r = parseFormula('sales # 2');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = { code: r.error.code, severity: 'error' as const, file: 'f.yaml', line: 1, column: 1, path: '', params: r.error.params };
    expect(renderProblem(p, 'zh').message).not.toContain('{');
    expect(renderProblem(p, 'en').message).not.toContain('{');
  });

  it('treats `constructor` and `__proto__` as plain (unknown) names', () => {
    expect(code('constructor * 2')).toBe('ok');
    expect(code('constructor(1)')).toEqual(['formula_unknown_function', 0]);
    expect(code('toString(1)')).toEqual(['formula_unknown_function', 0]);
  });
});
