// The cache of a read history (<data>/.pp-cache/history.v8): a read from it is the read from the CSV,
// byte for byte once serialised (history, warnings and errors, files found); any change to a file,
// to the reader's options or to the folder's name reads the CSV again; a truncated, foreign or
// hostile cache is ignored without a word; a folder where nothing can be written still reads; and
// explain gives the same output with and without it (`--no-cache` writes nothing).
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { serialize } from 'node:v8';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readHistory, type ReadHistoryOptions } from '../../scripts/history/read-history.ts';
import { CACHE_DIR, cacheKey, readCache, readerCodeDigest, readerSources, readHistoryCached, relativeImports, writeCache, type HistoryRead } from '../../scripts/history/history-cache.ts';
import { toColumns } from '../../scripts/history/row-columns.ts';
import { headerOptionsFromCatalogue } from '../../scripts/history/header-map.ts';
import { loadPoliciesOrThrow } from '../../scripts/app/load-inputs.ts';

// The reader's options as the CLI gives them for the project's policies (header map, events, grades, shops).
const CATALOGUE = loadPoliciesOrThrow(['policies']).policies.find((p) => p.kind === 'metrics')!;
const OPTIONS: ReadHistoryOptions = CATALOGUE.kind === 'metrics' ? { ...headerOptionsFromCatalogue(CATALOGUE.data), eventTypes: CATALOGUE.data.events.map((e) => e.id) } : {};

/**
 * The sample's files cut to their first 40 rows, plus refunds (adjustments.csv), a leaver and a
 * severe, not-at-fault event: every table and optional field of a read, small enough to read
 * often (mutation testing runs these tests for every mutant).
 */
function sample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'history-cache-'));
  for (const name of readdirSync('data/sample')) {
    if (!name.endsWith('.csv')) continue;
    writeFileSync(join(dir, name), `${readFileSync(join('data/sample', name), 'utf8').split('\n').slice(0, 41).join('\n')}\n`);
  }
  const roster = readFileSync(join(dir, 'roster.csv'), 'utf8').split('\n');
  roster[3] = roster[3]!.replace(/^(([^,]*,){7})/, '$12026-09-30');
  writeFileSync(join(dir, 'roster.csv'), roster.join('\n'));
  appendFileSync(join(dir, 'events.csv'), '2026-09-04,A001,complaint,1,,severe,no\n');
  writeFileSync(join(dir, 'adjustments.csv'), 'date,agent_id,period,amount\n2026-10-05,A001,2026-09,120.50\n2026-10-06,A002,2026-09,-20.00\n');
  return dir;
}

/** The whole sample (for explain, which needs every month of it), without a cache other runs left there. */
function wholeSample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'history-cache-'));
  cpSync('data/sample', dir, { recursive: true, filter: (src) => !src.includes(CACHE_DIR) });
  return dir;
}

/** Reads through the cache, counting how often the CSV itself was read. */
async function cached(dir: string, options: ReadHistoryOptions = OPTIONS): Promise<{ read: HistoryRead; fromCsv: boolean }> {
  let fromCsv = false;
  const read = await readHistoryCached(dir, options, () => {
    fromCsv = true;
    return readHistory(dir, options);
  });
  return { read, fromCsv };
}

/** The same read: every value (-0, absent and undefined fields told apart) and every key in its order. */
function expectSame(a: HistoryRead | undefined, b: HistoryRead): void {
  expect(a).toStrictEqual(b);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
}
const cacheFile = (dir: string) => join(dir, CACHE_DIR, 'history.v8');
const HEAD = Buffer.from('pp-history-cache 2\n').length;

/** A cache file for `dir` with a payload of our choosing, under the right key and checksum. */
function plant(dir: string, payload: Buffer, options: ReadHistoryOptions = OPTIONS): void {
  const file = readFileSync(cacheFile(dir));
  const key = cacheKey(dir, options);
  writeFileSync(cacheFile(dir), Buffer.concat([file.subarray(0, HEAD), key, createHash('sha256').update(payload).digest(), payload]));
}

describe('history cache', () => {
  it('gives back the very read of the CSV, and writes it under .pp-cache with a .gitignore of its own', async () => {
    const dir = sample();
    const first = await cached(dir);
    expect(first.fromCsv).toBe(true);
    expect(readdirSync(join(dir, CACHE_DIR)).sort()).toEqual(['.gitignore', 'history.v8']);
    expect(readFileSync(join(dir, CACHE_DIR, '.gitignore'), 'utf8')).toBe('*\n');
    const second = await cached(dir);
    expect(second.fromCsv).toBe(false);
    const direct = await readHistory(dir, OPTIONS);
    expectSame(second.read, direct);
    // Every table and optional field is there to be cached.
    const h = direct.history;
    expect([h.metrics.length, h.events.length, h.targets?.length, h.adjustments?.length, h.paid.length, h.shops.length].every((n) => n !== undefined && n > 0)).toBe(true);
    expect(h.agents.some((a) => a.left !== undefined) && h.events.some((e) => e.severe && e.not_at_fault) && h.events.some((e) => e.standard !== undefined)).toBe(true);
  });

  it('reproduces warnings and errors of the read exactly', async () => {
    const dir = sample();
    const roster = readFileSync(join(dir, 'roster.csv'), 'utf8').split('\n');
    // An unknown column (a warning) and a bad date (an error).
    roster[0] = `${roster[0]},备注`;
    roster[1] = `${roster[1]!.replace(/\d{4}-\d\d-\d\d/, '2024-13-45')},x`;
    writeFileSync(join(dir, 'roster.csv'), roster.join('\n'));
    const first = await cached(dir);
    const second = await cached(dir);
    expect(second.fromCsv).toBe(false);
    expect(second.read.problems.map((p) => p.severity).sort()).toEqual(expect.arrayContaining(['error', 'warning']));
    expectSame(second.read, first.read);
  });

  it('reads the CSV again when a file, a file name, the options or the folder as named change', async () => {
    const dir = sample();
    await cached(dir);
    appendFileSync(join(dir, 'events.csv'), '2026-09-03,A001,named_praise,1\n');
    const changed = await cached(dir);
    expect(changed.fromCsv).toBe(true);
    expect(changed.read.history.events.length).toBe((await readHistory(dir, OPTIONS)).history.events.length);
    expect((await cached(dir)).fromCsv).toBe(false);
    expect((await cached(dir, { ...OPTIONS, findingEvent: 'complaint' })).fromCsv).toBe(true);
    expect((await cached(`${dir}/`, OPTIONS)).fromCsv).toBe(true);
    writeFileSync(join(dir, 'notes.txt'), 'a new file');
    expect((await cached(dir)).fromCsv).toBe(true);
    // Entries that are not files count too: a folder, a link and where it points.
    mkdirSync(join(dir, 'paid.jsonl'));
    expect((await cached(dir)).fromCsv).toBe(true);
    rmSync(join(dir, 'paid.jsonl'), { recursive: true });
    expect((await cached(dir)).fromCsv).toBe(true);
    symlinkSync('notes.txt', join(dir, 'link.txt'));
    expect((await cached(dir)).fromCsv).toBe(true);
    expect((await cached(dir)).fromCsv).toBe(false);
    rmSync(join(dir, 'link.txt'));
    symlinkSync('roster.csv', join(dir, 'link.txt'));
    expect((await cached(dir)).fromCsv).toBe(true);
    rmSync(join(dir, 'link.txt'));
    symlinkSync('nowhere.txt', join(dir, 'link.txt'));
    expect((await cached(dir)).fromCsv).toBe(true);
    expect((await cached(dir)).fromCsv).toBe(false);
    expect(cacheKey(dir, OPTIONS).equals(cacheKey(dir, OPTIONS))).toBe(true);
    expect(readerCodeDigest()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores a truncated cache, one of other files, and one that is not a cache, and replaces it whole', async () => {
    const dir = sample();
    const { read } = await cached(dir);
    const whole = readFileSync(cacheFile(dir));
    for (const cut of [0, 5, HEAD + 10, whole.length - 1]) {
      writeFileSync(cacheFile(dir), whole.subarray(0, cut));
      const again = await cached(dir);
      expect(again.fromCsv).toBe(true);
      expectSame(again.read, read);
      expect(readFileSync(cacheFile(dir)).equals(whole)).toBe(true);
    }
    // A byte changed inside the payload: the checksum no longer matches.
    const flipped = Buffer.from(whole);
    flipped[whole.length - 100] = flipped[whole.length - 100]! ^ 1;
    writeFileSync(cacheFile(dir), flipped);
    expect((await cached(dir)).fromCsv).toBe(true);
    // The cache of another folder's files.
    const other = sample();
    appendFileSync(join(other, 'events.csv'), '2026-09-03,A001,named_praise,1\n');
    await cached(other);
    cpSync(cacheFile(other), cacheFile(dir));
    const foreign = await cached(dir);
    expect(foreign.fromCsv).toBe(true);
    expectSame(foreign.read, read);
  });

  it('ignores a hostile cache with the right key and checksum whose content is not a read', async () => {
    const dir = sample();
    const { read } = await cached(dir);
    const good = { history: Object.fromEntries(Object.entries(read.history).map(([k, v]) => [k, toColumns(v as Record<string, unknown>[])])), problems: toColumns(read.problems as unknown as Record<string, unknown>[]), present: read.present };
    const metrics = good.history.metrics!;
    const withoutTable = (name: string) => Object.fromEntries(Object.entries(good.history).filter(([k]) => k !== name));
    const hostile: unknown[] = [
      'not a read',
      { ...good, present: { dir: 1 } },
      { ...good, history: { ...good.history, extra: toColumns([]) } },
      { ...good, history: { ...good.history, metrics: undefined } },
      { ...good, history: { ...good.history, metrics: toColumns(read.history.metrics.map((m) => ({ ...m, values: { sales: 'lots' } }))) } },
      { ...good, history: { ...good.history, metrics: toColumns(read.history.metrics.map((m) => ({ ...m, agent: 7 }))) } },
      { ...good, history: { ...good.history, metrics: { ...metrics, shapes: [['agent', 'period', 'values', 'provisional', '__proto__']] } } },
      { ...good, history: { ...good.history, metrics: { ...metrics, shapes: [['agent', 'period']] } } },
      { ...good, history: { ...good.history, metrics: { ...metrics, count: 1e12 } } },
      { ...good, history: { ...good.history, metrics: { ...metrics, count: metrics.count + 1, shapeOf: new Uint32Array(metrics.count + 1) } } },
      { ...good, history: { ...good.history, metrics: { ...metrics, fields: { ...metrics.fields, agent: { type: 'string', strings: [], index: new Uint32Array(metrics.count) } } } } },
      { ...good, history: { ...good.history, events: toColumns(read.history.events.map((e) => ({ ...e, severe: false }))) } },
      { ...good, problems: toColumns([{ code: 'x', severity: 'fatal', file: 'f', line: 1, column: 1, path: '', params: {} }]) },
      { ...good, problems: toColumns([{ code: 'x', severity: 'error', file: 'f', line: 1, column: 1, path: '', params: { yes: true } }]) },
      { ...good, problems: toColumns([{ code: 'x', severity: 'error', file: 'f', line: '1', column: 1, path: '', params: {} }]) },
      { ...good, problems: undefined },
      { ...good, history: withoutTable('metrics') },
      { ...good, history: withoutTable('agents') },
      { ...good, history: { ...good.history, agents: toColumns(read.history.agents.map((a) => ({ ...a, accounts: [1] }))) } },
      { ...good, history: { ...good.history, agents: toColumns(read.history.agents.map((a) => ({ ...a, hired: 20200101 }))) } },
      { ...good, history: { ...good.history, shops: toColumns(read.history.shops.map((x) => ({ ...x, revenue_fen: '1' }))) } },
      { ...good, history: { ...good.history, paid: toColumns(read.history.paid.map((x) => ({ ...x, total_fen: true }))) } },
      { ...good, history: { ...good.history, targets: toColumns(read.history.targets!.map((x) => ({ ...x, target: null }))) } },
      { ...good, history: { ...good.history, adjustments: toColumns(read.history.adjustments!.map((x) => ({ ...x, amount_fen: 'x' }))) } },
      { ...good, history: { ...good.history, metrics: toColumns(read.history.metrics.map((m) => ({ ...m, provisional: 'no' }))) } },
      { ...good, history: { ...good.history, metrics: { ...metrics, shapes: 'x' } } },
      { ...good, history: { ...good.history, metrics: { ...metrics, shapes: ['agent'] } } },
      { ...good, history: { ...good.history, metrics: { ...metrics, fields: null } } },
      { ...good, history: { ...good.history, metrics: { ...metrics, fields: { ...metrics.fields, values: { type: 'record', table: null } } } } },
      { ...good, history: { ...good.history, metrics: { ...metrics, fields: { ...metrics.fields, values: { type: 'list', values: read.history.metrics.map(() => ({ sales: '1' })) } } } } },
      { ...good, history: { ...good.history, metrics: { ...metrics, fields: { ...metrics.fields, agent: null } } } },
      { ...good, history: { ...good.history, events: { ...good.history.events!, fields: { ...good.history.events!.fields, severe: { type: 'boolean', flags: 'x' } } } } },
      { ...good, history: { ...good.history, events: { ...good.history.events!, fields: { ...good.history.events!.fields, severe: { type: 'list', values: [false] } } } } },
      { ...good, present: { ...read.present, files: { roster: 5 } } },
      { ...good, present: { ...read.present, files: null } },
      { ...good, present: { ...read.present, metricColumns: [1] } },
      { ...good, present: { ...read.present, metricColumns: 'sales' } },
      { ...good, present: undefined },
      { ...good, history: undefined },
      // A required field missing from every row of a table, its column gone with it.
      { ...good, history: { ...good.history, metrics: toColumns(read.history.metrics.map(({ provisional: _, ...m }) => m)) } },
      { ...good, problems: toColumns(read.problems.map(({ severity: _, ...q }) => q)) },
    ];
    for (const value of hostile) {
      plant(dir, serialize(value));
      expect(readCache(dir, cacheKey(dir, OPTIONS))).toBeUndefined();
      const again = await cached(dir);
      expect(again.fromCsv).toBe(true);
      expectSame(again.read, read);
    }
    // The same construction with the good content is accepted: the cases above fail for their content only.
    plant(dir, serialize(good));
    expectSame(readCache(dir, cacheKey(dir, OPTIONS)), read);
  });

  it('gives back a read without the optional tables (no targets, no refunds) from the cache', async () => {
    const dir = sample();
    rmSync(join(dir, 'targets.csv'));
    rmSync(join(dir, 'adjustments.csv'));
    const first = await cached(dir);
    expect(Object.hasOwn(first.read.history, 'adjustments')).toBe(false);
    const second = await cached(dir);
    expect(second.fromCsv).toBe(false);
    expectSame(second.read, first.read);
  });

  it('still reads a folder where the cache cannot be written, and a folder that does not exist', async () => {
    const dir = sample();
    // `.pp-cache` is a file here, so the cache folder cannot be made.
    writeFileSync(join(dir, CACHE_DIR), 'in the way');
    const { read, fromCsv } = await cached(dir);
    expect(fromCsv).toBe(true);
    expectSame(read, await readHistory(dir, OPTIONS));
    writeCache(dir, cacheKey(dir, OPTIONS), read);
    expect(readFileSync(join(dir, CACHE_DIR), 'utf8')).toBe('in the way');
    const missing = join(dir, 'nowhere');
    const none = await cached(missing);
    expect(none.read.problems.map((p) => p.code)).toEqual(['file_missing']);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('the reader code a cache belongs to', () => {
  it('finds relative imports, static, re-exported and dynamic, and not packages', () => {
    const source = "import a from './a.ts';\nimport type { B } from \"../b.ts\";\nexport { c } from './c.ts';\nconst d = await import('./d.ts');\nimport {\n  e,\n} from './e.ts';\nimport x from 'csv-parse';\nimport y from 'node:fs';";
    expect(relativeImports(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.ts']);
  });

  it("is the reader, its cache and everything they import, and nothing from the engine", () => {
    const files = readerSources().map((f) => relative(process.cwd(), f));
    for (const f of ['scripts/history/read-history.ts', 'scripts/history/read-table.ts', 'scripts/history/plain-csv.ts', 'scripts/history/parse-value.ts', 'scripts/history/history-cache.ts', 'scripts/history/row-columns.ts', 'scripts/lib/problem.ts', 'scripts/lib/periods.ts']) expect(files).toContain(f);
    expect(files.some((f) => f.startsWith('scripts/engine/'))).toBe(false);
    expect(files).toEqual([...files].sort());
    expect(new Set(files).size).toBe(files.length);
  });
});

describe('explain with and without the cache', () => {
  const explain = (dir: string, ...more: string[]) => spawnSync(process.execPath, ['scripts/explain.ts', '--agent', 'A017', '--period', '2026-09', '--data', dir, ...more], { encoding: 'utf8' });

  it('prints the same payslip from the CSV, from a fresh cache and from a warm one; --no-cache writes none', () => {
    const dir = wholeSample();
    const plain = explain(dir, '--no-cache');
    expect(plain.status).toBe(0);
    expect(existsSync(join(dir, CACHE_DIR))).toBe(false);
    const cold = explain(dir);
    expect(existsSync(cacheFile(dir))).toBe(true);
    const warm = explain(dir);
    expect(cold.stdout).toBe(plain.stdout);
    expect(warm.stdout).toBe(plain.stdout);
    expect(warm.stdout).toMatch(/^A017 2026-09 工资合计/);
  });
});
