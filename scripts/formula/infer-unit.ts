// Dimension check for formulas, so `sales + inquiries` (yuan plus people) is rejected at validation.
// Units: count, ratio, cny, seconds, points; `1` is a dimensionless number; `bool` a comparison.
import type { Expr } from './parse-formula.ts';

export type FormulaUnit = 'count' | 'ratio' | 'cny' | 'seconds' | 'points' | '1' | 'bool';

export type UnitResult = { ok: true; unit: FormulaUnit } | { ok: false; offset: number; params: Record<string, string> };

const scalar = (u: FormulaUnit) => u === '1' || u === 'ratio';

export function inferFormulaUnit(ast: Expr, units: Readonly<Record<string, string>>): UnitResult {
  const go = (e: Expr): FormulaUnit => {
    switch (e.type) {
      case 'num': return '1';
      case 'ref': return Object.hasOwn(units, e.name) ? (units[e.name] as FormulaUnit) : '1';
      case 'neg': return go(e.arg);
      case 'not': go(e.arg); return 'bool';
      case 'call': {
        const us = e.args.map(go);
        if (e.fn === 'if') return unify(us[1]!, us[2]!, e.offset);
        if (e.fn === 'round' || e.fn === 'abs') return us[0]!;
        return us.reduce((a, b) => unify(a, b, e.offset));
      }
      case 'bin': {
        const l = go(e.left);
        const r = go(e.right);
        switch (e.op) {
          case '+': case '-': return unify(l, r, e.offset);
          case '*':
            if (scalar(l)) return r === '1' && l === 'ratio' ? 'ratio' : r;
            if (scalar(r)) return l;
            throw new UnitError(e.offset, { left: l, right: r, op: '*' });
          case '/':
            if (l === r) return 'ratio';
            if (scalar(r)) return l;
            if (l === 'cny' && r === 'count') return 'cny';
            if (l === 'points' && r === 'count') return 'points';
            return '1';
          case 'and': case 'or': return 'bool';
          default: unify(l, r, e.offset); return 'bool';
        }
      }
    }
  };
  const unify = (a: FormulaUnit, b: FormulaUnit, offset: number): FormulaUnit => {
    if (a === b) return a;
    if (a === '1') return b;
    if (b === '1') return a;
    if (scalar(a) && scalar(b)) return 'ratio';
    throw new UnitError(offset, { left: a, right: b, op: '+' });
  };
  try {
    return { ok: true, unit: go(ast) };
  } catch (e) {
    if (e instanceof UnitError) return { ok: false, offset: e.offset, params: e.params };
    throw e;
  }
}

class UnitError extends Error {
  readonly offset: number;
  readonly params: Record<string, string>;
  constructor(offset: number, params: Record<string, string>) {
    super('unit mismatch');
    this.offset = offset;
    this.params = params;
  }
}
