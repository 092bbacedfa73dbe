// Evaluates a parsed formula against metric values. Division by zero yields 0: platform exports
// have agents with zero inquiries in a period, and "no conversions out of no inquiries" must pay
// nothing rather than poison a payslip with NaN.
import type { Expr } from './parse-formula.ts';

export function evaluateFormula(ast: Expr, env: Readonly<Record<string, number>>): number {
  switch (ast.type) {
    case 'num':
      return ast.value;
    case 'ref': {
      const v = Object.hasOwn(env, ast.name) ? env[ast.name] : undefined;
      return typeof v === 'number' && Number.isFinite(v) ? v : 0;
    }
    case 'neg':
      return -evaluateFormula(ast.arg, env);
    case 'not':
      return evaluateFormula(ast.arg, env) ? 0 : 1;
    case 'call': {
      const args = ast.args.map((a) => evaluateFormula(a, env));
      switch (ast.fn) {
        case 'min': return Math.min(...args);
        case 'max': return Math.max(...args);
        case 'abs': return Math.abs(args[0]!);
        case 'if': return args[0] ? args[1]! : args[2]!;
        case 'round': {
          const f = 10 ** (args[1] ?? 0);
          return Math.round(args[0]! * f) / f;
        }
      }
    }
    case 'bin': {
      const l = evaluateFormula(ast.left, env);
      const r = evaluateFormula(ast.right, env);
      switch (ast.op) {
        case '+': return l + r;
        case '-': return l - r;
        case '*': return l * r;
        case '/': return r === 0 ? 0 : l / r;
        case '<': return l < r ? 1 : 0;
        case '<=': return l <= r ? 1 : 0;
        case '>': return l > r ? 1 : 0;
        case '>=': return l >= r ? 1 : 0;
        case '==': return l === r ? 1 : 0;
        case '!=': return l !== r ? 1 : 0;
        case 'and': return l && r ? 1 : 0;
        case 'or': return l || r ? 1 : 0;
      }
    }
  }
}

/** Metric ids a formula reads, sorted and unique. */
export function formulaIdentifiers(ast: Expr): string[] {
  return [...new Set(formulaRefs(ast).map((r) => r.name))].sort();
}

/** References with their offsets, for located "unknown metric" errors. */
export function formulaRefs(ast: Expr): { name: string; offset: number }[] {
  const out: { name: string; offset: number }[] = [];
  const walk = (e: Expr): void => {
    if (e.type === 'ref') out.push({ name: e.name, offset: e.offset });
    else if (e.type === 'neg' || e.type === 'not') walk(e.arg);
    else if (e.type === 'bin') {
      walk(e.left);
      walk(e.right);
    } else if (e.type === 'call') e.args.forEach(walk);
  };
  walk(ast);
  return out;
}
