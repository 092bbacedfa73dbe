// Stage 1: YAML text → plain value plus a map of JSON pointer → line:column, so every later
// stage can point at the exact spot in the file.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node } from 'yaml';
import type { Problem } from '../lib/problem.ts';
import type { SourcePos } from './model.ts';

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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const problems: Problem[] = [];
  const positions: Record<string, SourcePos> = {};
  const at = (offset: number): SourcePos => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  for (const err of doc.errors) {
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

  const walk = (node: Node | null | undefined, pointer: string) => {
    if (!node) return;
    if (node.range) positions[pointer] = at(node.range[0]);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const child = `${pointer}/${pointerSegment(key)}`;
        if (FORBIDDEN_KEYS.has(key)) {
          const kp = isScalar(pair.key) && pair.key.range ? at(pair.key.range[0]) : { line: 1, column: 1 };
          problems.push({ code: 'forbidden_key', severity: 'error', file, ...kp, path: child, params: { key } });
          continue;
        }
        // Point at the key for "unknown key" errors; the value keeps its own position under `child#value`.
        if (isScalar(pair.key) && pair.key.range) positions[`${child}#key`] = at(pair.key.range[0]);
        walk(pair.value as Node, child);
        // Quoted scalars start one column before their text: formulas point inside the string.
        if (isScalar(pair.value) && (pair.value.type === 'QUOTE_DOUBLE' || pair.value.type === 'QUOTE_SINGLE') && positions[child]) {
          positions[child] = { ...positions[child], quoted: true };
        }
        if (!positions[child] && positions[`${child}#key`]) positions[child] = positions[`${child}#key`]!;
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node, `${pointer}/${i}`));
    }
  };
  walk(doc.contents, '');
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
