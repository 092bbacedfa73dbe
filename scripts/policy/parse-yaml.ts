// Stage 1: YAML text → plain value plus a map of JSON pointer → line:column, so every later
// stage can point at the exact spot in the file.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node } from 'yaml';
import type { Problem } from '../lib/problem.ts';
import type { SourcePos } from './model.ts';
import { yamlSlips } from './yaml-slips.ts';
import type { PolicyProblemCode } from '../lib/problem-codes.ts';

export interface ParsedYaml {
  value: unknown;
  positions: Record<string, SourcePos>;
  problems: Problem[];
}

/** Escapes a key for a JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** A policy is a few KB; anything this large is a mistake (or an attack), refused before parsing. */
export const MAX_POLICY_BYTES = 1024 * 1024;

/** Stated limits of a policy file (docs/reliability.md); each is a located error. */
export const POLICY_LIMITS = {
  /** Characters on one line. */
  lineLength: 4000,
  /** Keys in one mapping. */
  keysPerMapping: 1000,
  /** Items in one list. */
  itemsPerList: 10_000,
  /** Nesting of mappings and lists. */
  depth: 32,
} as const;

/** Line and column (1-based) of the first line longer than the limit, or undefined. */
function longLine(text: string): { line: number; length: number } | undefined {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end - start > POLICY_LIMITS.lineLength) return { line, length: end - start };
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  return undefined;
}

/** Deepest nesting of flow brackets (`[[[[…`) outside quotes; block nesting is bounded by the line checks and the walk. */
function flowDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (c === '[' || c === '{') {
      depth += 1;
      if (depth > POLICY_LIMITS.depth) return { depth, offset: i };
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return { depth, offset: -1 };
}

/** Keys that would reach Object.prototype if a parser or a later merge trusted them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseYaml(file: string, text: string): ParsedYaml {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_POLICY_BYTES) {
    return {
      value: undefined,
      positions: {},
      problems: [{ code: 'file_too_large', severity: 'error', file, line: 1, column: 1, path: '', params: { size: bytes, limit: MAX_POLICY_BYTES } }],
    };
  }
  const limit = (code: PolicyProblemCode, line: number, column: number, params: Record<string, string | number>): ParsedYaml => ({
    value: undefined,
    positions: {},
    problems: [{ code, severity: 'error', file, line, column, path: '', params }],
  });
  const long = longLine(text);
  if (long) return limit('line_too_long', long.line, POLICY_LIMITS.lineLength + 1, { length: long.length, limit: POLICY_LIMITS.lineLength });
  const flow = flowDepth(text);
  if (flow.offset >= 0) {
    const before = text.slice(0, flow.offset);
    const line = before.split('\n').length;
    return limit('too_deep', line, flow.offset - before.lastIndexOf('\n'), { limit: POLICY_LIMITS.depth });
  }
  const lineCounter = new LineCounter();
  // Duplicate keys are found in the walk below with a Set: the parser's own check compares every
  // key with every other, which takes minutes on a hostile 60,000-key mapping.
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  } catch {
    return limit('too_deep', 1, 1, { limit: POLICY_LIMITS.depth });
  }
  const problems: Problem[] = [];
  const positions: Record<string, SourcePos> = {};
  const at = (offset: number): SourcePos => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // A syntax error from a common slip is reported once, in Chinese, at the slip; the parser's own
  // messages for it are knock-on effects in English.
  // A full-width space or colon where YAML wants an ASCII one may still parse (as part of a key);
  // it is never what the manager meant, so it is reported even then.
  const slips = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')
    ? yamlSlips(file, text)
    : /[\u3000：]/.test(text)
      ? yamlSlips(file, text).filter((p) => p.code.startsWith('yaml_fullwidth_'))
      : [];
  if (slips.length > 0) return { value: undefined, positions: {}, problems: slips };
  // Otherwise the parser's first syntax error: the ones after it are usually the same slip again.
  const firstSyntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  for (const err of doc.errors.filter((e) => e.code === 'DUPLICATE_KEY' || e === firstSyntax)) {
    const pos = at(err.pos[0]);
    const duplicate = err.code === 'DUPLICATE_KEY';
    problems.push({
      code: duplicate ? 'duplicate_key' : 'yaml_syntax',
      severity: 'error',
      file,
      ...pos,
      path: '',
      params: { detail: err.message.split('\n')[0] ?? err.code, yamlCode: err.code },
    });
  }
  if (problems.length > 0) return { value: undefined, positions, problems };

  const walk = (node: Node | null | undefined, pointer: string, depth: number) => {
    if (!node) return;
    if (node.range) positions[pointer] = at(node.range[0]);
    if ((isMap(node) || isSeq(node)) && depth > POLICY_LIMITS.depth) {
      problems.push({ code: 'too_deep', severity: 'error', file, ...(positions[pointer] ?? { line: 1, column: 1 }), path: pointer, params: { limit: POLICY_LIMITS.depth } });
      return;
    }
    if (isMap(node)) {
      if (node.items.length > POLICY_LIMITS.keysPerMapping) {
        problems.push({ code: 'too_many_keys', severity: 'error', file, ...(positions[pointer] ?? { line: 1, column: 1 }), path: pointer, params: { count: node.items.length, limit: POLICY_LIMITS.keysPerMapping } });
        return;
      }
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (!isScalar(pair.key)) {
          // `? [a, b]: x` or `[a]: x`: a key must be a plain word.
          const kr = (pair.key as Node | null)?.range;
          problems.push({ code: 'non_scalar_key', severity: 'error', file, ...(kr ? at(kr[0]) : (positions[pointer] ?? { line: 1, column: 1 })), path: pointer, params: {} });
          continue;
        }
        const key = String(pair.key.value);
        const child = `${pointer}/${pointerSegment(key)}`;
        if (seen.has(key)) {
          const kp = isScalar(pair.key) && pair.key.range ? at(pair.key.range[0]) : { line: 1, column: 1 };
          problems.push({ code: 'duplicate_key', severity: 'error', file, ...kp, path: child, params: { key } });
          continue;
        }
        seen.add(key);
        if (FORBIDDEN_KEYS.has(key)) {
          const kp = isScalar(pair.key) && pair.key.range ? at(pair.key.range[0]) : { line: 1, column: 1 };
          problems.push({ code: 'forbidden_key', severity: 'error', file, ...kp, path: child, params: { key } });
          continue;
        }
        // Point at the key for "unknown key" errors; the value keeps its own position under `child#value`.
        if (isScalar(pair.key) && pair.key.range) positions[`${child}#key`] = at(pair.key.range[0]);
        walk(pair.value as Node, child, depth + 1);
        // Quoted scalars start one column before their text: formulas point inside the string.
        if (isScalar(pair.value) && (pair.value.type === 'QUOTE_DOUBLE' || pair.value.type === 'QUOTE_SINGLE') && positions[child]) {
          positions[child] = { ...positions[child], quoted: true };
        }
        if (!positions[child] && positions[`${child}#key`]) positions[child] = positions[`${child}#key`]!;
      }
    } else if (isSeq(node)) {
      if (node.items.length > POLICY_LIMITS.itemsPerList) {
        problems.push({ code: 'too_many_items', severity: 'error', file, ...(positions[pointer] ?? { line: 1, column: 1 }), path: pointer, params: { count: node.items.length, limit: POLICY_LIMITS.itemsPerList } });
        return;
      }
      node.items.forEach((item, i) => walk(item as Node, `${pointer}/${i}`, depth + 1));
    }
  };
  walk(doc.contents, '', 1);
  if (problems.length > 0) return { value: undefined, positions, problems };

  let value: unknown;
  try {
    // maxAliasCount guards against "billion laughs" alias bombs.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    problems.push({
      code: 'yaml_alias_limit',
      severity: 'error',
      file,
      line: 1,
      column: 1,
      path: '',
      params: { detail: (e as Error).message },
    });
  }
  return { value, positions, problems };
}
