// Compact way to write a message entry: four templates with {param} placeholders.
import type { MessageEntry } from './catalogue.ts';
import type { Problem } from '../lib/problem.ts';

/** A quoted value (a formula, a parser's detail) is cut here: a message never echoes a 50 MB line. */
const MAX_PARAM = 200;

function fill(template: string, p: Problem['params']): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!Object.hasOwn(p, k) || p[k] === undefined) return `{${k}}`;
    const v = String(p[k]);
    return v.length > MAX_PARAM ? `${v.slice(0, MAX_PARAM)}…(共 ${v.length} 字符)` : v;
  });
}

/** Hints that mention `{suggestion}` are dropped when there is no suggestion to make. */
function hintFn(template: string | undefined) {
  if (!template) return undefined;
  return (p: Problem['params']) => {
    if (template.includes('{suggestion}') && !p.suggestion) return template.includes('|') ? fill(template.split('|')[1]!, p) : '';
    return fill(template.split('|')[0]!, p);
  };
}

export function msg(zh: string, zhHint: string | undefined, en: string, enHint?: string): MessageEntry {
  return {
    zh: { message: (p) => fill(zh, p), ...(zhHint ? { hint: hintFn(zhHint) } : {}) },
    en: { message: (p) => fill(en, p), ...(enHint ? { hint: hintFn(enHint) } : {}) },
  };
}
