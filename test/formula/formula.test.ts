import { describe, expect, it } from 'vitest';
import { parseFormula, type Expr } from '../../scripts/formula/parse-formula.ts';
import { evaluateFormula, formulaIdentifiers } from '../../scripts/formula/evaluate-formula.ts';
import { inferFormulaUnit } from '../../scripts/formula/infer-unit.ts';

function ast(text: string): Expr {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.ast;
}

describe('formula language', () => {
  it('evaluates seed 000 commission: conversion × sales × 1%', () => {
    expect(evaluateFormula(ast('conversion_rate * sales * 0.01'), { conversion_rate: 0.5, sales: 100000 })).toBe(500);
  });
  it('respects precedence, parentheses and unary minus', () => {
    expect(evaluateFormula(ast('1 + 2 * 3'), {})).toBe(7);
    expect(evaluateFormula(ast('(1 + 2) * 3'), {})).toBe(9);
    expect(evaluateFormula(ast('-2 * -3'), {})).toBe(6);
  });
  it('supports min, max, round, abs, if, comparisons and logic', () => {
    expect(evaluateFormula(ast('min(a, 3, 5)'), { a: 4 })).toBe(3);
    expect(evaluateFormula(ast('max(a, 3)'), { a: 4 })).toBe(4);
    expect(evaluateFormula(ast('round(a, 2)'), { a: 1.23456 })).toBe(1.23);
    expect(evaluateFormula(ast('abs(0 - a)'), { a: 4 })).toBe(4);
    expect(evaluateFormula(ast('if(a >= 0.5 and not b, 800, 0)'), { a: 0.52, b: 0 })).toBe(800);
    expect(evaluateFormula(ast('a < 1 or a == 2'), { a: 2 })).toBe(1);
  });
  it('defines division by zero as 0 so an agent without inquiries gets no NaN', () => {
    expect(evaluateFormula(ast('paying_buyers / inquiries'), { paying_buyers: 0, inquiries: 0 })).toBe(0);
  });
  it('lists the metrics a formula reads', () => {
    expect(formulaIdentifiers(ast('refund_amount / max(sales, 1) + sales'))).toEqual(['refund_amount', 'sales']);
  });
  it('rejects a function that is not in the closed list, naming it', () => {
    const r = parseFormula('conversion_rate * eval(sales)');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'formula_unknown_function', offset: 18, params: { name: 'eval' } });
  });
  it('reports a syntax error at the offending offset', () => {
    const r = parseFormula('sales * * 2');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'formula_syntax', offset: 8 });
    const bad = parseFormula('sales; process.exit()');
    expect(bad.ok).toBe(false);
  });
  it('infers units and rejects adding money to people', () => {
    const units = { paying_buyers: 'count', inquiries: 'count', sales: 'cny', conversion_rate: 'ratio' };
    expect(inferFormulaUnit(ast('paying_buyers / inquiries'), units)).toEqual({ ok: true, unit: 'ratio' });
    expect(inferFormulaUnit(ast('sales / paying_buyers'), units)).toEqual({ ok: true, unit: 'cny' });
    expect(inferFormulaUnit(ast('conversion_rate * sales * 0.01'), units)).toEqual({ ok: true, unit: 'cny' });
    expect(inferFormulaUnit(ast('sales + inquiries'), units)).toMatchObject({ ok: false, offset: 6 });
  });
});
