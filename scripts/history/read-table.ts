// One data file (CSV or JSON Lines) → its header and a stream of rows of text cells, numbered as
// a spreadsheet shows them (the header is row 1). The file is decoded and parsed as a stream, so a
// 150,000-row export never sits in memory as text and cells at once.
import { closeSync, createReadStream, existsSync, openSync, readSync } from 'node:fs';
import { Transform } from 'node:stream';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { Problem } from '../lib/problem.ts';
import { detectEncoding, type Encoding } from './decode-text.ts';

export interface Row {
  row: number;
  cells: string[];
}

export interface Table {
  file: string;
  header: string[];
  /** Rows after the header; problems found while streaming (bad quotes, bad bytes) go to `problems`. */
  rows: AsyncIterable<Row>;
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

/** Decodes a byte stream with one encoding, failing on bytes that are not valid in it. */
function decoder(encoding: Encoding): Transform {
  const d = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'gb18030', { fatal: true, ignoreBOM: false });
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, d.decode(chunk, { stream: true }));
      } catch (e) {
        done(Object.assign(new Error((e as Error).message), { undecodable: true }));
      }
    },
    flush(done) {
      try {
        const rest = d.decode();
        done(null, rest || undefined);
      } catch (e) {
        done(Object.assign(new Error((e as Error).message), { undecodable: true }));
      }
    },
  });
}

function head(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a table: reads the header now and streams the rows later. Errors met while streaming are
 * pushed to `problems` (the caller's array) and end the stream.
 */
export async function openTable(file: string, problems: Problem[], encoding?: Encoding): Promise<Table | undefined> {
  const detected = encoding ?? detectEncoding(head(file));
  if (!detected) {
    problems.push(problem(file, 'undecodable_file', 0, 0, { encoding: 'utf8/gb18030' }));
    return undefined;
  }
  const text = createReadStream(file).pipe(decoder(detected));
  const records: AsyncIterable<JsonRecord> = file.endsWith('.jsonl') ? jsonLines(file, text, problems) : csvRecords(file, text, problems);
  const it = records[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) {
    if (!problems.some((p) => p.file === file)) problems.push(problem(file, 'empty_file', 0, 0, {}));
    return undefined;
  }
  if (file.endsWith('.jsonl')) {
    // JSON Lines has no header row and objects may differ in keys: collect them (machine-written
    // files, usually small), name the columns by the union of keys; line N is row N.
    const all: JsonRecord[] = [first.value];
    for (let r = await it.next(); !r.done; r = await it.next()) all.push(r.value);
    const header = [...new Set(all.flatMap((r) => Object.keys(r.obj ?? {})))];
    return { file, header, rows: jsonRows(all, header) };
  }
  return {
    file,
    header: first.value.cells.map((h) => h.trim()),
    rows: { [Symbol.asyncIterator]: () => it },
  };
}

async function* csvRecords(file: string, text: NodeJS.ReadableStream, problems: Problem[]): AsyncGenerator<Row> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, bom: true });
  text.on('error', (e) => parser.destroy(e));
  text.pipe(parser);
  let n = 0;
  try {
    for await (const rec of parser as AsyncIterable<string[]>) {
      n += 1;
      yield { row: n, cells: rec };
    }
  } catch (e) {
    const err = e as { lines?: number; message: string; undecodable?: boolean };
    if (err.undecodable) {
      problems.push(problem(file, 'undecodable_file', n + 1, 0, { encoding: 'utf8/gb18030' }));
      return;
    }
    // An unclosed quote is detected at the end of the file; its message names the line it opened on.
    const opened = /opening quote at line (\d+)/.exec(err.message)?.[1];
    problems.push(problem(file, 'csv_syntax', opened ? Number(opened) : (err.lines ?? n + 1), 1, { detail: err.message }));
  }
}

type JsonRecord = { row: number; cells: string[]; obj?: Record<string, unknown> };

async function* jsonLines(file: string, text: NodeJS.ReadableStream, problems: Problem[]): AsyncGenerator<JsonRecord> {
  const lines = createInterface({ input: text, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n += 1;
      if (!line.trim()) continue;
      try {
        const obj = JSON.parse(n === 1 ? line.replace(/^\uFEFF/, '') : line) as unknown;
        if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('not a JSON object');
        yield { row: n, cells: [], obj: obj as Record<string, unknown> };
      } catch (e) {
        problems.push(problem(file, 'jsonl_syntax', n, 1, { detail: (e as Error).message }));
      }
    }
  } catch (e) {
    if ((e as { undecodable?: boolean }).undecodable) problems.push(problem(file, 'undecodable_file', n + 1, 0, { encoding: 'utf8/gb18030' }));
    else throw e;
  }
}

async function* jsonRows(records: JsonRecord[], header: string[]): AsyncGenerator<Row> {
  const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v));
  for (const r of records) yield { row: r.row, cells: header.map((h) => cell(r.obj?.[h])) };
}
