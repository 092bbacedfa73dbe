// The offending line with a caret under the column, like a compiler shows it. A line is shown as
// a window of at most MAX_SHOWN characters around the column, so a 50 MB line is never echoed.
const MAX_SHOWN = 160;

/** The part of `text` around `column` (1-based) that is printed, and the caret's offset in it. */
function windowOf(text: string, column: number): { shown: string; caretAt: number } {
  if (text.length <= MAX_SHOWN) return { shown: text, caretAt: Math.max(0, column - 1) };
  const start = Math.max(0, Math.min(column - 1 - MAX_SHOWN / 2, text.length - MAX_SHOWN));
  const body = text.slice(start, start + MAX_SHOWN);
  const prefix = start > 0 ? '…' : '';
  const suffix = start + MAX_SHOWN < text.length ? '…' : '';
  return { shown: `${prefix}${body}${suffix}`, caretAt: prefix.length + Math.max(0, column - 1 - start) };
}

/** Line `n` (1-based) of `text` without splitting the whole text. */
function lineAt(text: string, n: number): string | undefined {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

export function codeFrame(text: string, line: number, column: number, context = 1): string {
  if (line < 1) return '';
  const from = Math.max(1, line - context);
  const width = String(line + context).length;
  const out: string[] = [];
  for (let n = from; n <= line + context; n++) {
    const raw = lineAt(text, n);
    if (raw === undefined) break;
    const mark = n === line ? '>' : ' ';
    const { shown, caretAt } = windowOf(raw, n === line ? column : 1);
    out.push(`${mark} ${String(n).padStart(width)} | ${shown}`);
    if (n === line) {
      // CJK characters take two terminal columns; pad the caret accordingly.
      const before = shown.slice(0, caretAt);
      const pad = [...before].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(pad)}^`);
    }
  }
  return out.join('\n');
}
