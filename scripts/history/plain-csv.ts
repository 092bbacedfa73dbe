// The fast path of the CSV reader. Exports and the generator write one record per line with one
// kind of line ending, quoting a field only when it holds a comma (`"184,549.56"`); such a file is
// split synchronously, a chunk of whole lines at a time, into exactly the records csv-parse would
// give (same cells, same row numbers, empty lines skipped). A carriage return other than in CRLF
// line endings, or a line longer than the record limit, is seen from the bytes first and sends the
// file to csv-parse; a line the splitter cannot read on its own (a quote left open to the next line,
// a stray quote) stops the fast path there and csv-parse takes over after the records already
// given. Both encodings we read keep `"`, CR and LF as single bytes that never occur inside another
// character (GB18030's trailing bytes are 0x30–0x39 and 0x40–0xFE), so bytes answer for characters.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Encoding } from './decode-text.ts';

// Small enough that a chunk's rows die young (the scavenger frees them), large enough to amortise reads.
const CHUNK = 1024 * 1024;
const QUOTE = 34;
const COMMA = 44;
const CR = 0x0d;
const LF = 0x0a;

/** A reader problem, located as the streaming reader locates it. */
export interface PlainProblem {
  code: 'undecodable_file' | 'too_many_rows';
  row: number;
  column: number;
  params: Record<string, string | number>;
}

export interface PlainRow {
  row: number;
  cells: string[];
}

function eachChunk(file: string, fn: (buf: Buffer, n: number) => boolean | void): void {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null)) {
      if (fn(buf, n) === false) return;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * True when the file's line endings are all LF or all CRLF and no line is longer than
 * `recordChars` bytes (so none is longer in characters either).
 */
export function isPlainCsv(file: string, recordChars: number): boolean {
  let plain = true;
  let crs = 0;
  let crlfs = 0;
  let lfs = 0;
  let lineBytes = 0;
  let lastWasCr = false;
  eachChunk(file, (buf, n) => {
    const b = buf.subarray(0, n);
    if (lastWasCr && b[0] === LF) crlfs += 1;
    for (let i = b.indexOf(CR); i >= 0; i = b.indexOf(CR, i + 1)) {
      crs += 1;
      if (i + 1 < n && b[i + 1] === LF) crlfs += 1;
    }
    lastWasCr = b[n - 1] === CR;
    let start = 0;
    for (let i = b.indexOf(LF); i >= 0; i = b.indexOf(LF, i + 1)) {
      lfs += 1;
      if (lineBytes + i - start > recordChars) return (plain = false);
      lineBytes = 0;
      start = i + 1;
    }
    lineBytes += n - start;
    if (lineBytes > recordChars) return (plain = false);
    return true;
  });
  return plain && (crs === 0 || (crs === crlfs && crlfs === lfs));
}

/**
 * One line's cells as csv-parse reads them (`"` quotes, `""` inside quotes is one `"`), or
 * undefined when the line is not a whole record of well-formed fields.
 */
export function splitLine(line: string): string[] | undefined {
  if (line.indexOf('"') < 0) return line.split(',');
  const cells: string[] = [];
  const end = line.length;
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = line.indexOf('"', from);
        if (q < 0) return undefined;
        if (line.charCodeAt(q + 1) === QUOTE) {
          value += line.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += line.slice(from, q);
        i = q + 1;
        break;
      }
      cells.push(value);
      if (i === end) return cells;
      if (line.charCodeAt(i) !== COMMA) return undefined;
    } else {
      const comma = line.indexOf(',', i);
      const field = line.slice(i, comma < 0 ? end : comma);
      if (field.indexOf('"') >= 0) return undefined;
      cells.push(field);
      if (comma < 0) return cells;
      i = comma;
    }
    i += 1;
    if (i === end) {
      cells.push('');
      return cells;
    }
  }
}

/** Where in `bytes` decoding first fails: row and column (1-based) counted from `before`. */
function locate(bytes: Uint8Array, label: string, linesBefore: number): { row: number; column: number } {
  const probe = (n: number) => {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
    } catch {
      return undefined;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (probe(mid) !== undefined) lo = mid;
    else hi = mid - 1;
  }
  const text = probe(lo) ?? '';
  let lines = linesBefore;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines += 1;
  return { row: lines + 1, column: text.length - text.lastIndexOf('\n') };
}

/** How the fast path ended: its problems, or the number of records given before a line it cannot split. */
export type PlainEnd = { problems: PlainProblem[] } | { handOver: number };

/**
 * The records of a plain CSV file (see `isPlainCsv`), one batch per chunk of the file; the first
 * batch carries the header. Returns the reader's problems (bad bytes, too many rows) when done, or
 * how many records it gave (the header included) before a line only csv-parse can read.
 */
export function* plainCsvRows(file: string, encoding: Encoding, maxRows: number, chunkBytes = CHUNK): Generator<{ header: string[]; rows: PlainRow[] }, PlainEnd> {
  const label = encoding === 'utf8' ? 'utf-8' : 'gb18030';
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false });
  const fd = openSync(file, 'r');
  let header: string[] | undefined;
  let n = 0;
  let lines = 0;
  try {
    let carry: Buffer = Buffer.alloc(0);
    const buf = Buffer.allocUnsafe(chunkBytes);
    for (;;) {
      const got = readSync(fd, buf, 0, chunkBytes, null);
      const last = got === 0;
      const bytes = carry.length ? Buffer.concat([carry, buf.subarray(0, got)]) : buf.subarray(0, got);
      // Whole lines only, so no character and no record spans two chunks.
      const end = last ? bytes.length : bytes.lastIndexOf(LF) + 1;
      if (end === 0 && !last) {
        carry = Buffer.from(bytes);
        continue;
      }
      const piece = bytes.subarray(0, end);
      carry = Buffer.from(bytes.subarray(end));
      let text: string;
      try {
        text = decoder.decode(piece, { stream: !last });
      } catch {
        return { problems: [{ code: 'undecodable_file', ...locate(piece, label, lines), params: { encoding: 'utf8/gb18030' } }] };
      }
      const rows: PlainRow[] = [];
      let start = 0;
      while (start < text.length) {
        let nl = text.indexOf('\n', start);
        if (nl < 0) nl = text.length;
        else lines += 1;
        const stop = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        if (stop > start) {
          n += 1;
          if (n > maxRows) {
            if (header && rows.length) yield { header, rows };
            return { problems: [{ code: 'too_many_rows', row: n, column: 0, params: { limit: maxRows } }] };
          }
          const cells = splitLine(text.slice(start, stop));
          if (!cells) {
            if (header && rows.length) yield { header, rows };
            return { handOver: n - 1 };
          }
          if (header) rows.push({ row: n, cells });
          else header = cells.map((h) => h.trim());
        }
        start = nl + 1;
      }
      if (header && (rows.length || n === 1)) yield { header, rows };
      if (last) return { problems: [] };
    }
  } finally {
    closeSync(fd);
  }
}
