// The offending line with a caret under the column, like a compiler shows it.
export function codeFrame(text: string, line: number, column: number, context = 1): string {
  if (line < 1) return '';
  const lines = text.split(/\r?\n/);
  const from = Math.max(1, line - context);
  const to = Math.min(lines.length, line + context);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const mark = n === line ? '>' : ' ';
    out.push(`${mark} ${String(n).padStart(width)} | ${(lines[n - 1] ?? '').slice(0, 160)}`);
    if (n === line) {
      // CJK characters take two terminal columns; pad the caret accordingly.
      const before = (lines[n - 1] ?? '').slice(0, Math.max(0, column - 1));
      const pad = [...before].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(pad)}^`);
    }
  }
  return out.join('\n');
}
