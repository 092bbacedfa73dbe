// A closed expression grammar for policy formulas: metric ids, numbers, + - * /, comparisons,
// and/or/not, and a fixed set of functions. Policy text is data: it is parsed here and evaluated by
// walking the tree, never handed to eval or new Function.
//
//   expr    := or
//   or      := and ('or' and)*
//   and     := not ('and' not)*
//   not     := 'not' not | cmp
//   cmp     := sum (('<' | '<=' | '>' | '>=' | '==' | '!=') sum)?
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := '-' unary | atom
//   atom    := number | ident | ident '(' args ')' | '(' expr ')'

export const FUNCTIONS = ['min', 'max', 'round', 'if', 'abs'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export type Expr =
  | { type: 'num'; value: number; offset: number }
  | { type: 'ref'; name: string; offset: number }
  | { type: 'neg'; arg: Expr; offset: number }
  | { type: 'not'; arg: Expr; offset: number }
  | { type: 'bin'; op: '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or'; left: Expr; right: Expr; offset: number }
  | { type: 'call'; fn: FunctionName; args: Expr[]; offset: number };

/**
 * Stated limits: a real formula is a line or two. Checked before parsing (length) and before each
 * recursive step (depth), so a hostile formula is a located error and never a stack overflow; a
 * tree no deeper than this is also safe for every recursive walk (evaluate, units, references).
 */
export const FORMULA_LIMITS = {
  /** Characters in one formula. */
  length: 1000,
  /** Nesting of parentheses, calls, unary minus and `not`. */
  depth: 40,
  /** Binary operators in one formula (a sum of n terms is a tree n deep). */
  operators: 200,
} as const;

export interface FormulaError {
  code: 'formula_syntax' | 'formula_unknown_function' | 'formula_arity' | 'formula_too_long' | 'formula_too_deep';
  offset: number;
  length: number;
  params: Record<string, string | number>;
}

export type ParseResult = { ok: true; ast: Expr } | { ok: false; error: FormulaError };

interface Token {
  kind: 'num' | 'ident' | 'op' | 'end';
  text: string;
  offset: number;
}

const OPS = ['<=', '>=', '==', '!=', '<', '>', '+', '-', '*', '/', '(', ')', ','];

class FormulaSyntaxError extends Error {
  readonly error: FormulaError;
  constructor(error: FormulaError) {
    super(error.code);
    this.error = error;
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const num = /^(\d+(\.\d+)?|\.\d+)/.exec(text.slice(i));
    if (num) {
      tokens.push({ kind: 'num', text: num[0], offset: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (id) {
      tokens.push({ kind: 'ident', text: id[0], offset: i });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, offset: i });
      i += op.length;
      continue;
    }
    throw new FormulaSyntaxError({ code: 'formula_syntax', offset: i, length: 1, params: { found: c, expected: '数值、指标、运算符或括号' } });
  }
  tokens.push({ kind: 'end', text: '', offset: text.length });
  return tokens;
}

const ARITY: Record<FunctionName, [number, number]> = { min: [1, 99], max: [1, 99], round: [1, 2], if: [3, 3], abs: [1, 1] };

export function parseFormula(text: string): ParseResult {
  if (text.length > FORMULA_LIMITS.length) {
    return { ok: false, error: { code: 'formula_too_long', offset: FORMULA_LIMITS.length, length: 1, params: { length: text.length, limit: FORMULA_LIMITS.length } } };
  }
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (e) {
    return { ok: false, error: (e as FormulaSyntaxError).error };
  }
  let pos = 0;
  const peek = () => tokens[pos]!;
  const next = () => tokens[pos++]!;
  const fail = (t: Token, expected: string): never => {
    throw new FormulaSyntaxError({
      code: 'formula_syntax',
      offset: t.offset,
      length: Math.max(1, t.text.length),
      params: { found: t.kind === 'end' ? '(结尾)' : t.text, expected },
    });
  };
  const isOp = (t: Token, ...ops: string[]) => t.kind === 'op' && ops.includes(t.text);
  // Depth of nested constructs and count of binary operators, checked before going deeper.
  let depth = 0;
  let operators = 0;
  const deeper = <T>(t: Token, f: () => T): T => {
    if (++depth > FORMULA_LIMITS.depth) throw new FormulaSyntaxError({ code: 'formula_too_deep', offset: t.offset, length: 1, params: { limit: FORMULA_LIMITS.depth } });
    const r = f();
    depth -= 1;
    return r;
  };
  const operator = (t: Token) => {
    if (++operators > FORMULA_LIMITS.operators) throw new FormulaSyntaxError({ code: 'formula_too_deep', offset: t.offset, length: 1, params: { limit: FORMULA_LIMITS.operators } });
  };
  const isWord = (t: Token, w: string) => t.kind === 'ident' && t.text === w;

  const atom = (): Expr => {
    const t = next();
    if (t.kind === 'num') return { type: 'num', value: Number(t.text), offset: t.offset };
    if (t.kind === 'ident') {
      if (isOp(peek(), '(')) {
        if (!(FUNCTIONS as readonly string[]).includes(t.text) || !Object.hasOwn(ARITY, t.text)) {
          throw new FormulaSyntaxError({
            code: 'formula_unknown_function',
            offset: t.offset,
            length: t.text.length,
            params: { name: t.text, allowed: FUNCTIONS.join(', ') },
          });
        }
        next();
        const args: Expr[] = [];
        if (!isOp(peek(), ')')) {
          args.push(deeper(t, expr));
          while (isOp(peek(), ',')) {
            next();
            args.push(deeper(t, expr));
          }
        }
        if (!isOp(next(), ')')) fail(tokens[pos - 1]!, ')');
        const fn = t.text as FunctionName;
        const [lo, hi] = ARITY[fn];
        if (args.length < lo || args.length > hi) {
          throw new FormulaSyntaxError({ code: 'formula_arity', offset: t.offset, length: t.text.length, params: { name: fn, count: args.length, expected: lo === hi ? String(lo) : `${lo}–${hi}` } });
        }
        return { type: 'call', fn, args, offset: t.offset };
      }
      if (['and', 'or', 'not'].includes(t.text)) return fail(t, '数值或指标');
      return { type: 'ref', name: t.text, offset: t.offset };
    }
    if (isOp(t, '(')) {
      const e = deeper(t, expr);
      if (!isOp(next(), ')')) fail(tokens[pos - 1]!, ')');
      return e;
    }
    return fail(t, '数值、指标或 (');
  };
  const unary = (): Expr => {
    const t = peek();
    if (isOp(t, '-')) {
      next();
      return { type: 'neg', arg: deeper(t, unary), offset: t.offset };
    }
    return atom();
  };
  const product = (): Expr => {
    let left = unary();
    while (isOp(peek(), '*', '/')) {
      const op = next();
      operator(op);
      left = { type: 'bin', op: op.text as '*' | '/', left, right: unary(), offset: op.offset };
    }
    return left;
  };
  const sum = (): Expr => {
    let left = product();
    while (isOp(peek(), '+', '-')) {
      const op = next();
      operator(op);
      left = { type: 'bin', op: op.text as '+' | '-', left, right: product(), offset: op.offset };
    }
    return left;
  };
  const cmp = (): Expr => {
    const left = sum();
    if (isOp(peek(), '<', '<=', '>', '>=', '==', '!=')) {
      const op = next();
      operator(op);
      return { type: 'bin', op: op.text as '<', left, right: sum(), offset: op.offset };
    }
    return left;
  };
  const not = (): Expr => {
    const t = peek();
    if (isWord(t, 'not')) {
      next();
      return { type: 'not', arg: deeper(t, not), offset: t.offset };
    }
    return cmp();
  };
  const and = (): Expr => {
    let left = not();
    while (isWord(peek(), 'and')) {
      const op = next();
      operator(op);
      left = { type: 'bin', op: 'and', left, right: not(), offset: op.offset };
    }
    return left;
  };
  const expr = (): Expr => {
    let left = and();
    while (isWord(peek(), 'or')) {
      const op = next();
      operator(op);
      left = { type: 'bin', op: 'or', left, right: and(), offset: op.offset };
    }
    return left;
  };

  try {
    const ast = expr();
    if (peek().kind !== 'end') fail(peek(), '运算符或结尾');
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { ok: false, error: e.error };
    throw e;
  }
}
