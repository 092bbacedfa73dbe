// A cache of a read and checked history, so that asking about one payslip again does not parse 35 MB
// of CSV again (issue 11: explain ≤ 2 s over 4,000 × 36). It lives in the data folder itself
// (`<data>/.pp-cache/history.v8`: the same privacy domain as the data, git-ignored, never in the site
// build) and holds exactly what `readHistory` returned — the history, every problem (warnings and
// errors, so a read from the cache reports them identically) and the files found — every table as
// columns (row-columns.ts: typed arrays and string tables, each row's fields in their order, numbers
// bit for bit), serialised with `node:v8`.
// It is keyed by the contents of every file in the folder, the reader's options (header map, event
// ids, grades, shops…), the folder's name as given (problems name files by it) and the reader's
// code (every module it imports, and the lockfile), so any change re-reads the CSV. It is written
// whole or not at all (a temporary file renamed over the old one); a cache that cannot be read, is
// truncated, has another key, or does not hold a history's shape is ignored without a word and the
// CSV is read again. Whoever can write the cache can write the CSV beside it: it is as trusted as
// the data, and checked for shape, not for honesty.
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Problem } from '../lib/problem.ts';
import { refuseUnsafeFile } from '../lib/safe-file.ts';
import { DATA_LIMITS } from './read-table.ts';
import { fromColumns, toColumns, type Column, type Columns } from './row-columns.ts';
import type { PresentInputs } from './required-inputs.ts';
import type { History } from './types.ts';

/** What `readHistory` returns, and the cache holds. */
export interface HistoryRead {
  history: History;
  problems: Problem[];
  present: PresentInputs;
}

/** The folder, inside the data folder, that holds the cache. */
export const CACHE_DIR = '.pp-cache';
const CACHE_FILE = 'history.v8';
/** Bumped when the file layout below changes. */
const MAGIC = Buffer.from('pp-history-cache 2\n');
const HASH_BYTES = 32;
/**
 * The largest cache file read or written (the limit of one data file): 4,000 × 36 is 37 MB, 10,000 × 60
 * about 150 MB. A larger one is not read (the CSV is) and not written.
 */
export const CACHE_MAX_BYTES = DATA_LIMITS.bytes;

// The reader's code: read-history.ts and every module it imports, found by following the imports.
let codeDigest: string | undefined;

/** Relative imports of a TypeScript source (static, re-exports and dynamic). */
export function relativeImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) out.push(m[1]!);
  return out;
}

/** The reader's source files: read-history.ts, this file and every module they import, transitively (absolute paths, sorted). */
export function readerSources(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const seen = new Set<string>();
  const stack = [join(here, 'read-history.ts'), fileURLToPath(import.meta.url)];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of relativeImports(readFileSync(file, 'utf8'))) stack.push(resolve(dirname(file), spec));
  }
  return [...seen].sort();
}

/**
 * sha256 over the reader's source files (read-history.ts, this file and everything they import,
 * transitively) and the lockfile (the versions of csv-parse, zod and the other libraries): a change
 * to any of them is another reader, whose cache is not this one's.
 */
export function readerCodeDigest(): string {
  if (codeDigest) return codeDigest;
  const here = dirname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  // Named relative to this folder: the same code unpacked elsewhere is the same reader.
  for (const file of readerSources()) h.update(`${relative(here, file)}\0`).update(readFileSync(file)).update('\0');
  const lock = join(here, '..', '..', 'package-lock.json');
  try {
    h.update(readFileSync(lock));
  } catch {
    // Outside the repository (no lockfile): the sources alone.
  }
  codeDigest = h.digest('hex');
  return codeDigest;
}

/**
 * The key of a read: every entry of the folder by name — a file's contents, a link's target (and
 * the contents it points to), any other entry's kind (a FIFO or a folder where a table should be is
 * a problem of the read, so its coming and going must change the key) — the folder as named, the
 * options and the code.
 */
export function cacheKey(dir: string, options: object): Buffer {
  const h = createHash('sha256');
  h.update(`${readerCodeDigest()}\0${dir}\0${JSON.stringify(options)}\0`);
  for (const name of readdirSync(dir).sort()) {
    if (name === CACHE_DIR) continue;
    const file = join(dir, name);
    const entry = lstatSync(file);
    h.update(`${name}\0${entry.mode}\0`);
    if (entry.isSymbolicLink()) h.update(`${readlinkSync(file)}\0`);
    // What the reader would refuse (a link out of the folder, a FIFO, a folder, a file over the
    // limit) is keyed by the refusal, never opened: the key reads nothing the reader would not.
    const refused = refuseUnsafeFile(file, DATA_LIMITS.bytes, dir);
    if (refused) {
      h.update(`${JSON.stringify(refused)}\0`);
      continue;
    }
    const bytes = readFileSync(file);
    h.update(`${bytes.length}\0`).update(bytes);
  }
  return h.digest();
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number';

/** What a field of a stored table may hold. */
type Kind = 'string' | 'number' | 'scalar' | 'true' | 'boolean' | 'severity' | 'strings' | 'numbers' | 'scalars';
type Schema = Record<string, { kind: Kind; required?: true }>;

const req = (kind: Kind) => ({ kind, required: true as const });
const opt = (kind: Kind) => ({ kind });
/** The fields of each table of a read (history/types.ts, lib/problem.ts), checked before a stored read is trusted. */
const TABLES: Record<string, { schema: Schema; required: boolean }> = {
  agents: { required: true, schema: { id: req('string'), name: req('string'), shop: req('string'), team: req('string'), position: req('string'), grade: req('string'), hired: req('string'), left: opt('string'), acting_roles: req('strings'), accounts: req('strings') } },
  metrics: { required: true, schema: { agent: req('string'), period: req('string'), values: req('numbers'), provisional: req('boolean') } },
  events: { required: true, schema: { date: req('string'), agent: req('string'), type: req('string'), count: req('number'), standard: opt('string'), severe: opt('true'), not_at_fault: opt('true') } },
  shops: { required: true, schema: { shop: req('string'), period: req('string'), revenue_fen: req('number'), target_fen: req('number') } },
  targets: { required: false, schema: { scope: req('string'), id: req('string'), period: req('string'), metric: req('string'), target: req('number') } },
  paid: { required: true, schema: { agent: req('string'), period: req('string'), total_fen: req('number') } },
  adjustments: { required: false, schema: { date: req('string'), agent: req('string'), period: req('string'), type: req('string'), amount_fen: req('number') } },
};
const PROBLEMS: Schema = { code: req('string'), severity: req('severity'), file: req('string'), line: req('number'), column: req('number'), path: req('string'), params: req('scalars') };

const VALUE: Record<Kind, (v: unknown) => boolean> = {
  string: isString,
  number: isNumber,
  scalar: (v) => isString(v) || isNumber(v),
  true: (v) => v === true,
  boolean: (v) => typeof v === 'boolean',
  severity: (v) => v === 'error' || v === 'warning',
  strings: (v) => Array.isArray(v) && v.every(isString),
  numbers: (v) => isObject(v) && Object.values(v).every(isNumber),
  scalars: (v) => isObject(v) && Object.values(v).every((x) => isString(x) || isNumber(x)),
};

/**
 * Whether every value of a column is of `kind`: from its type (typed columns), else value by value
 * (a list). A column that is not even one (no type, values that are no array) throws, here or in
 * `fromColumns`, which checks each typed column's array type and length.
 */
function columnIs(c: Column, kind: Kind): boolean {
  if (c.type === 'list') return c.values.every(VALUE[kind]);
  switch (kind) {
    case 'string':
      return c.type === 'string';
    case 'severity':
      return c.type === 'string' && c.strings.every(VALUE.severity);
    case 'number':
      return c.type === 'number';
    case 'scalar':
      return c.type === 'number' || c.type === 'string';
    case 'boolean':
      return c.type === 'boolean';
    case 'true':
      return c.type === 'boolean' && c.flags.every((f) => f === 1);
    case 'numbers':
    case 'scalars':
      return c.type === 'record' && Object.values(c.table.fields).every((f) => columnIs(f, kind === 'numbers' ? 'number' : 'scalar'));
    case 'strings':
      return false;
  }
}

/**
 * Whether a stored table has the fields of `schema`: every row's shape, and every column's type.
 * What is not even a table (no shapes to go through, no fields) throws here or in `fromColumns`,
 * and `readCache` reads the CSV instead.
 */
function tableIs(t: Columns, schema: Schema): boolean {
  for (const shape of t.shapes as unknown[]) {
    if (!Array.isArray(shape) || !shape.every((k) => isString(k) && Object.hasOwn(schema, k))) return false;
    for (const [k, f] of Object.entries(schema)) if (f.required && !shape.includes(k)) return false;
  }
  return Object.entries(t.fields).every(([k, c]) => Object.hasOwn(schema, k) && columnIs(c, schema[k]!.kind));
}

/**
 * A stored read, checked table by table and field by field (types, not values), then turned back
 * into rows; undefined when it is not one. Throws on what is not even shaped like one (`readCache`
 * catches it).
 */
function decode(stored: { history: Record<string, Columns>; problems: Columns; present: Record<string, unknown> }): HistoryRead | undefined {
  const p = stored.present;
  if (!isString(p.dir) || !isObject(p.files) || !Object.values(p.files).every(isString) || !Array.isArray(p.metricColumns) || !p.metricColumns.every(isString)) return undefined;
  const tables = stored.history;
  if (!Object.keys(tables).every((k) => Object.hasOwn(TABLES, k))) return undefined;
  for (const [name, { schema, required }] of Object.entries(TABLES)) {
    if (!Object.hasOwn(tables, name)) {
      if (required) return undefined;
    } else if (!tableIs(tables[name]!, schema)) return undefined;
  }
  if (!tableIs(stored.problems, PROBLEMS)) return undefined;
  // In the order stored, which is the order the reader made them in.
  const history: Record<string, unknown> = {};
  for (const [name, t] of Object.entries(tables)) history[name] = fromColumns(t);
  return { history: history as unknown as History, problems: fromColumns(stored.problems) as unknown as Problem[], present: p as unknown as PresentInputs };
}

/** A read as it is stored: each table of the history, and the problems, as columns. */
function encode(read: HistoryRead): unknown {
  const history: Record<string, Columns> = {};
  for (const [k, rows] of Object.entries(read.history)) history[k] = toColumns(rows as Record<string, unknown>[]);
  return { history, problems: toColumns(read.problems as unknown as Record<string, unknown>[]), present: read.present };
}

/** The cached read for `key`, or undefined when there is none, or it is damaged, foreign or not a read. */
export function readCache(dir: string, key: Buffer, maxBytes = CACHE_MAX_BYTES): HistoryRead | undefined {
  try {
    const file = join(dir, CACHE_DIR, CACHE_FILE);
    // A FIFO would block, a link could lead out of the data folder, a huge file would exhaust memory.
    if (refuseUnsafeFile(file, maxBytes, dir)) return undefined;
    const bytes = readFileSync(file);
    const head = MAGIC.length;
    // A shorter file fails these comparisons too (a cut subarray equals nothing of full length).
    if (!bytes.subarray(0, head).equals(MAGIC)) return undefined;
    if (!bytes.subarray(head, head + HASH_BYTES).equals(key)) return undefined;
    const payload = bytes.subarray(head + 2 * HASH_BYTES);
    if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(head + HASH_BYTES, head + 2 * HASH_BYTES))) return undefined;
    return decode(deserialize(payload) as Parameters<typeof decode>[0]);
  } catch {
    return undefined;
  }
}

/** Writes the read for `key` whole (temporary file, then rename) or not at all; a folder that cannot be written is left alone. */
export function writeCache(dir: string, key: Buffer, read: HistoryRead, maxBytes = CACHE_MAX_BYTES): void {
  const folder = join(dir, CACHE_DIR);
  const tmp = join(folder, `${CACHE_FILE}.${process.pid}.tmp`);
  try {
    mkdirSync(folder, { recursive: true });
    // Only into a real folder of the data folder: a link named .pp-cache would lead the write elsewhere.
    if (!lstatSync(folder).isDirectory()) return;
    // Ignored by git whatever repository the data folder is in. Created once, exclusively ('wx'
    // fails on any entry already there, a link included): nothing planted is written through.
    try {
      writeFileSync(join(folder, '.gitignore'), '*\n', { flag: 'wx' });
    } catch {
      // Already there.
    }
    const payload = serialize(encode(read));
    if (MAGIC.length + 2 * HASH_BYTES + payload.length > maxBytes) return;
    // 'wx': a file or link already at the temporary name (planted, or left by a crash) is not written through.
    rmSync(tmp, { force: true });
    const fd = openSync(tmp, 'wx');
    try {
      for (const part of [MAGIC, key, createHash('sha256').update(payload).digest(), payload]) {
        for (let at = 0; at < part.length; ) at += writeSync(fd, part, at);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(folder, CACHE_FILE));
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written, or nothing can be removed: either way no cache file is left half-written.
    }
  }
}

/**
 * `read(dir, options)` through the cache: the cached read when its key matches, else the read
 * itself, cached for next time. `options` must be what the read depends on (functions are not part
 * of the key: pass progress callbacks to `read` only).
 */
export async function readHistoryCached(dir: string, options: object, read: () => Promise<HistoryRead>): Promise<HistoryRead> {
  let key: Buffer;
  try {
    key = cacheKey(dir, options);
  } catch {
    // A folder that cannot be listed or read: the reader says what is wrong with it.
    return read();
  }
  const hit = readCache(dir, key);
  if (hit) return hit;
  const fresh = await read();
  // A file changed while it was read: that read belongs to no key, so it is not kept.
  let same = false;
  try {
    same = cacheKey(dir, options).equals(key);
  } catch {
    // The folder went away meanwhile: nothing to keep.
  }
  if (same) writeCache(dir, key, fresh);
  return fresh;
}
