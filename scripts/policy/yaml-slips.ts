// The typing slips managers make in YAML (a full-width colon or space from a Chinese input method, a
// tab, a missing space after a colon, a line indented to no level), found line by line before the
// YAML parser sees them: the parser would report each as several English errors far from the cause.
// One problem per slip, at the slip's line and column.
import type { Problem } from '../lib/problem.ts';
import type { PolicyProblemCode } from '../lib/problem-codes.ts';

/** A key at the start of a line (after optional indentation and list dash). */
const KEY = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*)/;

/** Where a line's comment starts (a `#` after whitespace, outside quotes), or the line's length. */
function commentStart(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return i;
  }
  return line.length;
}

export function yamlSlips(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  const slip = (code: PolicyProblemCode, line: number, column: number, params: Problem['params'] = {}) =>
    problems.push({ code, severity: 'error', file, line, column, path: '', params });
  /** Indentation of the open mapping levels, outermost first. */
  const levels: number[] = [0];
  /** Whether the previous key line opened a nested block (`key:` with nothing after it). */
  let opensBlock = false;
  /** Inside a `|` or `>` block scalar, with the indentation of its key. */
  let blockScalarOf: number | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.slice(0, commentStart(raw));
    if (line.trim() === '' || line.startsWith('---')) return;
    const indent = line.length - line.trimStart().length;
    if (blockScalarOf !== undefined) {
      if (indent > blockScalarOf) return;
      blockScalarOf = undefined;
    }
    const lead = line.slice(0, indent);
    const tab = lead.indexOf('\t');
    if (tab >= 0) return void slip('yaml_tab', lineNo, tab + 1);
    const wide = line.indexOf('\u3000');
    if (wide >= 0 && (wide < indent || /^\s*(?:-\s+)?[A-Za-z_][\w.-]*\s*[:：]\s*$/.test(line.slice(0, wide + 1)))) {
      return void slip('yaml_fullwidth_space', lineNo, wide + 1);
    }
    const key = KEY.exec(line);
    if (!key) return;
    const name = key[2]!;
    const after = line.slice(key[0].length);
    const keyColumn = key[1]!.length + 1;
    if (/^\s*：/.test(after)) return void slip('yaml_fullwidth_colon', lineNo, key[0].length + after.indexOf('：') + 1, { key: name });
    if (/^:[^\s]/.test(after) && !after.startsWith('://')) return void slip('yaml_colon_space', lineNo, key[0].length + 2, { key: name });
    if (!/^\s*:(\s|$)/.test(after)) return;
    const keyIndent = keyColumn - 1;
    const top = levels[levels.length - 1]!;
    if (keyIndent > top) {
      if (!opensBlock && !key[1]!.includes('-')) return void slip('yaml_indent', lineNo, 1, { expected: top, found: keyIndent });
      levels.push(keyIndent);
    } else if (keyIndent < top) {
      while (levels.length > 1 && levels[levels.length - 1]! > keyIndent) levels.pop();
      if (levels[levels.length - 1] !== keyIndent) {
        slip('yaml_indent', lineNo, 1, { expected: levels[levels.length - 1]!, found: keyIndent });
        levels.push(keyIndent);
        return;
      }
    }
    const value = after.replace(/^\s*:/, '').trim();
    opensBlock = value === '';
    if (/^[|>][+-]?\d*$/.test(value)) blockScalarOf = keyIndent;
  });
  return problems;
}
