// One data file (CSV or JSON Lines) → its header and a stream of rows of text cells, numbered as
// a spreadsheet shows them (the header is row 1). The file is read in chunks, so a 150,000-row
// export never sits in memory as text and cells at once. A CSV file without quotes and with one
// kind of line ending (what exports and the generator write) is split synchronously, a chunk of
// lines at a time (`plain-csv.ts`); anything else goes through csv-parse as a stream.
import { closeSync, createReadStream, existsSync, openSync, readSync } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { Problem } from '../lib/problem.ts';
import { detectEncoding, type Encoding } from './decode-text.ts';
import { refuseUnsafeFile } from '../lib/safe-file.ts';
import { isPlainCsv, plainCsvRows, type PlainEnd } from './plain-csv.ts';
import type { ProblemCode } from '../lib/problem-codes.ts';

export interface Row {
  row: number;
  cells: string[];
}

export interface Table {
  file: string;
  header: string[];
  /**
   * Rows after the header, in batches (a chunk of the file at a time, or one row when csv-parse
   * streams); problems found while reading (bad quotes, bad bytes) go to `problems` after the
   * rows before them.
   */
  rows: AsyncIterable<Row[]>;
}

function problem(file: string, code: ProblemCode, line: number, column: number, params: Record<string, string | number>): Problem {
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

/** Stated limits of a data file (docs/reliability.md). */
export type DataLimits = { bytes: number; rows: number; recordChars: number };

export const DATA_LIMITS: Readonly<DataLimits> = Object.freeze({
  /** Bytes in one file. */
  bytes: 1024 * 1024 * 1024,
  /** Rows in one file (a 4,000-seat desk over 10 years of weeks is about 2 million). */
  rows: 5_000_000,
  /** Characters in one record. */
  recordChars: 1_000_000,
});

/**
 * Decodes a byte stream with one encoding, failing on bytes that are not valid in it. The error
 * says on which line and column of the file the bad bytes are (not where the parser had got to).
 */
function decoder(encoding: Encoding): Transform {
  const label = encoding === 'utf8' ? 'utf-8' : 'gb18030';
  const d = new TextDecoder(label, { fatal: true, ignoreBOM: false });
  let lines = 0;
  let lastLineChars = 0;
  // A line ends at LF, CRLF or a lone CR, as csv-parse reads them; a CRLF may straddle two chunks.
  let afterCr = false;
  const count = (text: string) => {
    let end = -1;
    for (const m of text.matchAll(/\r\n|\r|\n/g)) {
      if (!(m.index === 0 && afterCr && m[0] === '\n')) lines += 1;
      end = m.index + m[0].length;
    }
    if (end < 0) lastLineChars += text.length;
    else lastLineChars = text.length - end;
    if (text) afterCr = text.endsWith('\r');
  };
  const locate = (chunk: Buffer) => {
    // The longest prefix of the chunk that still decodes after what came before ends at the bad bytes.
    // A chunk may begin with the tail of a character the previous chunk started: skip those bytes.
    let skip = 0;
    while (encoding === 'utf8' && skip < 3 && skip < chunk.length && (chunk[skip]! & 0xc0) === 0x80) skip += 1;
    let lo = skip;
    let hi = chunk.length;
    const probe = (n: number) => {
      try {
        return new TextDecoder(label, { fatal: true }).decode(chunk.subarray(skip, n), { stream: true });
      } catch {
        return undefined;
      }
    };
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (probe(mid) !== undefined) lo = mid;
      else hi = mid - 1;
    }
    // The character the previous chunk began (its first bytes were held back) is one more column.
    count((skip > 0 ? '\uFFFD' : '') + (probe(lo) ?? ''));
    return { row: lines + 1, column: lastLineChars + 1 };
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = d.decode(chunk, { stream: true });
        count(text);
        done(null, text);
      } catch (e) {
        done(Object.assign(new Error((e as Error).message), { undecodable: true, ...locate(chunk) }));
      }
    },
    flush(done) {
      try {
        const rest = d.decode();
        done(null, rest || undefined);
      } catch (e) {
        // A character cut off by the end of the file: the bad bytes end the last line.
        done(Object.assign(new Error((e as Error).message), { undecodable: true, row: lines + 1, column: lastLineChars + 1 }));
      }
    },
  });
}

/**
 * The file's text as a stream. Destroying it (a reader that stops at a limit) closes the file too;
 * its errors reach the reader through the stream.
 */
function decodedStream(file: string, encoding: Encoding): Transform {
  return pipeline(createReadStream(file), decoder(encoding), () => undefined);
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
export async function openTable(file: string, problems: Problem[], encoding?: Encoding, limits: DataLimits = DATA_LIMITS): Promise<Table | undefined> {
  // A FIFO would block forever, a link could leak a file from elsewhere: refuse before opening.
  const refused = refuseUnsafeFile(file, limits.bytes);
  if (refused) {
    problems.push(problem(file, refused.code, 0, 0, refused.params));
    return undefined;
  }
  const detected = encoding ?? detectEncoding(head(file));
  if (!detected) {
    problems.push(problem(file, 'undecodable_file', 0, 0, { encoding: 'utf8/gb18030' }));
    return undefined;
  }
  if (!file.endsWith('.jsonl') && isPlainCsv(file, limits.recordChars)) {
    const rows = plainCsvRows(file, detected, limits.rows);
    const first = rows.next();
    if (!first.done) return { file, header: first.value.header, rows: plainBatches(file, first.value.rows, rows, problems, () => csvStream(file, detected, problems, limits)) };
    if ('problems' in first.value) {
      for (const x of first.value.problems) problems.push(problem(file, x.code, x.row, x.column, x.params));
      if (!problems.some((p) => p.file === file)) problems.push(problem(file, 'empty_file', 0, 0, {}));
      return undefined;
    }
  }
  const text = decodedStream(file, detected);
  const records: AsyncIterable<JsonRecord> = file.endsWith('.jsonl') ? jsonLines(file, text, problems, limits) : csvRecords(file, text, problems, limits);
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
    rows: oneByOne(it),
  };
}

/** csv-parse's records one at a time, so its problems stay in order with the rows' own. */
async function* oneByOne(it: AsyncIterator<Row>): AsyncGenerator<Row[]> {
  for (let r = await it.next(); !r.done; r = await it.next()) yield [r.value];
}

/** csv-parse's records of a CSV file, the header first. */
function csvStream(file: string, encoding: Encoding, problems: Problem[], limits: DataLimits): AsyncIterator<Row> {
  return csvRecords(file, decodedStream(file, encoding), problems, limits)[Symbol.asyncIterator]();
}

/**
 * The plain reader's batches; its problems (bad bytes, too many rows) follow the rows before them.
 * At a line it cannot split, csv-parse reads the file again and its records after those given follow.
 */
async function* plainBatches(file: string, first: Row[], rest: Generator<{ rows: Row[] }, PlainEnd>, problems: Problem[], slow: () => AsyncIterator<Row>): AsyncGenerator<Row[]> {
  if (first.length) yield first;
  for (let r = rest.next(); ; r = rest.next()) {
    if (!r.done) {
      if (r.value.rows.length) yield r.value.rows;
      continue;
    }
    if ('problems' in r.value) {
      for (const x of r.value.problems) problems.push(problem(file, x.code, x.row, x.column, x.params));
      return;
    }
    const it = slow();
    for (let given = 0; given < r.value.handOver; given += 1) if ((await it.next()).done) return;
    yield* oneByOne(it);
    return;
  }
}

async function* csvRecords(file: string, text: Transform, problems: Problem[], limits: DataLimits): AsyncGenerator<Row> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, bom: true, max_record_size: limits.recordChars });
  text.on('error', (e) => parser.destroy(e));
  text.pipe(parser);
  let n = 0;
  try {
    for await (const rec of parser as AsyncIterable<string[]>) {
      n += 1;
      if (n > limits.rows) {
        problems.push(problem(file, 'too_many_rows', n, 0, { limit: limits.rows }));
        text.destroy();
        return;
      }
      yield { row: n, cells: rec };
    }
  } catch (e) {
    const err = e as { code?: string; lines?: number; message: string; undecodable?: boolean; row?: number; column?: number };
    if (err.undecodable) {
      problems.push(problem(file, 'undecodable_file', err.row ?? n + 1, err.column ?? 0, { encoding: 'utf8/gb18030' }));
      return;
    }
    // An unclosed quote is only found at the end of the file (csv-parse names the last line): it
    // opened on the record after the last one read.
    problems.push(problem(file, 'csv_syntax', err.code === 'CSV_QUOTE_NOT_CLOSED' ? n + 1 : (err.lines ?? n + 1), 1, { detail: err.message }));
  }
}

type JsonRecord = { row: number; cells: string[]; obj?: Record<string, unknown> };

async function* jsonLines(file: string, text: Transform, problems: Problem[], limits: DataLimits): AsyncGenerator<JsonRecord> {
  const lines = createInterface({ input: text, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n += 1;
      if (n > limits.rows) {
        problems.push(problem(file, 'too_many_rows', n, 0, { limit: limits.rows }));
        text.destroy();
        return;
      }
      if (line.length > limits.recordChars) {
        problems.push(problem(file, 'record_too_long', n, 1, { length: line.length, limit: limits.recordChars }));
        continue;
      }
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
    const err = e as { undecodable?: boolean; row?: number; column?: number };
    if (err.undecodable) problems.push(problem(file, 'undecodable_file', err.row ?? n + 1, err.column ?? 0, { encoding: 'utf8/gb18030' }));
    else throw e;
  }
}

async function* jsonRows(records: JsonRecord[], header: string[]): AsyncGenerator<Row[]> {
  const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v));
  yield records.map((r) => ({ row: r.row, cells: header.map((h) => cell(r.obj?.[h])) }));
}
