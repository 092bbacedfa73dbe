// Policy formulas in words for staff: `conversion_rate * sales * 0.01` reads
// 「询单转化率 × 销售额 × 1%」. Only wording; the engine evaluates the formula itself.
import { parseFormula, type Expr } from '../../../scripts/formula/parse-formula.ts';

const OPS: Record<string, string> = { '+': '+', '-': '−', '*': '×', '/': '÷', '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '等于', '!=': '不等于', and: '并且', or: '或者' };
const PREC: Record<string, number> = { or: 1, and: 2, '<': 3, '<=': 3, '>': 3, '>=': 3, '==': 3, '!=': 3, '+': 4, '-': 4, '*': 5, '/': 5 };

function num(v: number, inProduct: boolean): string {
  // A small factor in a product reads as a percentage (× 0.01 → × 1%).
  if (inProduct && v > 0 && v < 1) return `${Number((v * 100).toFixed(6))}%`;
  return String(v);
}

function words(e: Expr, labels: Readonly<Record<string, string>>, parentPrec = 0, inProduct = false): string {
  switch (e.type) {
    case 'num': return num(e.value, inProduct);
    case 'ref': return labels[e.name] ?? e.name;
    case 'neg': return `负${words(e.arg, labels, 6)}`;
    case 'not': return `并非(${words(e.arg, labels)})`;
    case 'call': {
      const a = e.args.map((x) => words(x, labels));
      switch (e.fn) {
        // max(sales, 1): a floor that only guards a division.
        case 'max': return e.args.length === 2 && e.args[1]!.type === 'num' ? `${a[0]}(不足 ${a[1]} 按 ${a[1]} 计)` : `${a.join('、')}中较大的一个`;
        case 'min': return `${a.join('、')}中较小的一个`;
        case 'abs': return `${a[0]}的绝对值`;
        case 'round': return `${a[0]}四舍五入到小数点后 ${a[1] ?? '0'} 位`;
        case 'if': return `如果${a[0]},取${a[1]},否则取${a[2]}`;
      }
      return a.join(',');
    }
    case 'bin': {
      const p = PREC[e.op]!;
      const product = e.op === '*';
      const text = `${words(e.left, labels, p, product)} ${OPS[e.op]} ${words(e.right, labels, p + 1, product)}`;
      return p < parentPrec ? `(${text})` : text;
    }
  }
}

/** The formula in Chinese words, or the text itself when it does not parse. */
export function formulaInWords(formula: string, labels: Readonly<Record<string, string>>): string {
  const r = parseFormula(formula);
  return r.ok ? words(r.ast, labels) : formula;
}
