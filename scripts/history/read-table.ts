// One data file (CSV or JSON Lines) → header + rows of text cells, with row numbers as a
// spreadsheet shows them (the header is row 1). CSV goes through csv-parse as a stream.
import { existsSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Problem } from '../lib/problem.ts';
import { decodeText, type Encoding } from './decode-text.ts';

export interface Table {
  file: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

function problem(file: string, code: string, line: number, column: number, params: Record<string, string | number>): Problem {
  return { code, severity: 'error', file, line, column, path: '', params };
}

/** Finds `<dir>/<name>.csv` or `.jsonl`. */
export function findTable(dir: string, name: string): string | undefined {
  for (const ext of ['csv', 'jsonl']) {
    const f = `${dir.replace(/\/$/, '')}/${name}.${ext}`;
    if (existsSync(f)) return f;
  }
  return undefined;
}

export async function readTable(file: string, encoding?: Encoding): Promise<{ table?: Table; problems: Problem[] }> {
  let text: string;
  try {
    text = decodeText(readFileSync(file), encoding).text;
  } catch {
    return { problems: [problem(file, 'undecodable_file', 0, 0, { encoding: encoding ?? 'utf8/gb18030' })] };
  }
  return file.endsWith('.jsonl') ? readJsonLines(file, text) : readCsv(file, text);
}

async function readCsv(file: string, text: string): Promise<{ table?: Table; problems: Problem[] }> {
  const parser = Readable.from([text]).pipe(parse({ relax_column_count: true, skip_empty_lines: true, trim: false, bom: true }));
  const rows: { row: number; cells: string[] }[] = [];
  let header: string[] | undefined;
  let n = 0;
  try {
    for await (const rec of parser as AsyncIterable<string[]>) {
      n += 1;
      if (!header) header = rec.map((h) => h.trim());
      else rows.push({ row: n, cells: rec });
    }
  } catch (e) {
    const err = e as { lines?: number; message: string };
    // An unclosed quote is detected at the end of the file; its message names the line it opened on.
    const opened = /opening quote at line (\d+)/.exec(err.message)?.[1];
    return { problems: [problem(file, 'csv_syntax', opened ? Number(opened) : (err.lines ?? n + 1), 1, { detail: err.message })] };
  }
  if (!header) return { problems: [problem(file, 'empty_file', 0, 0, {})] };
  return { table: { file, header, rows }, problems: [] };
}

function readJsonLines(file: string, text: string): { table?: Table; problems: Problem[] } {
  const problems: Problem[] = [];
  const objects: { row: number; obj: Record<string, unknown> }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const obj = JSON.parse(line) as unknown;
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('not an object');
      objects.push({ row: i + 1, obj: obj as Record<string, unknown> });
    } catch (e) {
      problems.push(problem(file, 'jsonl_syntax', i + 1, 1, { detail: (e as Error).message }));
    }
  });
  const header = [...new Set(objects.flatMap((o) => Object.keys(o.obj)))];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v));
  // JSON Lines has no header row: line N is reported as row N.
  return { table: { file, header, rows: objects.map((o) => ({ row: o.row, cells: header.map((h) => cell(o.obj[h])) })) }, problems };
}
