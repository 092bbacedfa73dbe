// What the history cache never touches: it reads only a regular cache file inside the data folder
// and under its size limit (never a FIFO, a link out of the folder, a sparse giant), writes only
// into a real `.pp-cache` folder and never through a file planted at its temporary name, leaves no
// half-written file when the last step (the rename) fails, and keys a data file the reader would
// refuse by the refusal, without opening it. simulate reads through it only when asked, gives the
// same report, and refuses it in a PR's checkout (--head-dir), where a cache could be planted.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory, type ReadHistoryOptions } from '../../scripts/history/read-history.ts';
import { CACHE_DIR, CACHE_MAX_BYTES, cacheKey, readCache, readerCodeDigest, readerSources, readHistoryCached, relativeImports, writeCache } from '../../scripts/history/history-cache.ts';
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { appendFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { DATA_LIMITS } from '../../scripts/history/read-table.ts';
import { repoWith, editFile, simulate, DATA } from '../compare/throwaway-repo.ts';

const OPTIONS: ReadHistoryOptions = {};

/** A small history folder: the sample's roster and metrics cut to their first rows. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cache-bounds-'));
  for (const name of ['roster.csv', 'metrics.csv', 'shops.csv', 'events.csv']) {
    writeFileSync(join(dir, name), `${readFileSync(join('data/sample', name), 'utf8').split('\n').slice(0, 30).join('\n')}\n`);
  }
  return dir;
}

async function fromCsv(dir: string): Promise<boolean> {
  let read = false;
  await readHistoryCached(dir, OPTIONS, () => {
    read = true;
    return readHistory(dir, OPTIONS);
  });
  return read;
}

const file = (dir: string) => join(dir, CACHE_DIR, 'history.v8');

describe('the cache file it reads', () => {
  it('is a regular file: a FIFO in its place is not opened (which would block), and the CSV is read', async () => {
    const dir = folder();
    mkdirSync(join(dir, CACHE_DIR));
    execFileSync('mkfifo', [file(dir)]);
    expect(readCache(dir, cacheKey(dir, OPTIONS))).toBeUndefined();
    expect(await fromCsv(dir)).toBe(true);
  });

  it('stays inside the data folder: a good cache reached by a link from outside is ignored, one linked from inside is read', async () => {
    const dir = folder();
    expect(await fromCsv(dir)).toBe(true);
    const key = cacheKey(dir, OPTIONS);
    const outside = mkdtempSync(join(tmpdir(), 'cache-outside-'));
    renameSync(file(dir), join(outside, 'history.v8'));
    symlinkSync(join(outside, 'history.v8'), file(dir));
    expect(readCache(dir, key)).toBeUndefined();
    rmSync(file(dir));
    renameSync(join(outside, 'history.v8'), join(dir, CACHE_DIR, 'kept.v8'));
    symlinkSync('kept.v8', file(dir));
    expect(readCache(dir, key)?.history.agents.length).toBeGreaterThan(0);
  });

  it('is at most CACHE_MAX_BYTES (a data file\'s limit): a larger one is not read', async () => {
    expect(CACHE_MAX_BYTES).toBe(DATA_LIMITS.bytes);
    const dir = folder();
    expect(await fromCsv(dir)).toBe(true);
    const key = cacheKey(dir, OPTIONS);
    expect(readCache(dir, key)).toBeDefined();
    // Sparse: the size without the bytes; reading it would allocate a gigabyte.
    truncateSync(file(dir), CACHE_MAX_BYTES + 1);
    expect(readCache(dir, key)).toBeUndefined();
  });
});

describe('the cache it writes', () => {
  it('goes only into a real folder: a .pp-cache link to a folder elsewhere gets nothing', async () => {
    const dir = folder();
    const elsewhere = mkdtempSync(join(tmpdir(), 'cache-elsewhere-'));
    symlinkSync(elsewhere, join(dir, CACHE_DIR));
    expect(await fromCsv(dir)).toBe(true);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('is never written through a file planted at its temporary name', async () => {
    const dir = folder();
    mkdirSync(join(dir, CACHE_DIR));
    const victim = join(mkdtempSync(join(tmpdir(), 'cache-victim-')), 'notes.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(dir, CACHE_DIR, `history.v8.${process.pid}.tmp`));
    expect(await fromCsv(dir)).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(await fromCsv(dir)).toBe(false);
  });

  it('never writes through a .gitignore planted in the cache folder, and keeps one it finds', async () => {
    const dir = folder();
    mkdirSync(join(dir, CACHE_DIR));
    const victim = join(mkdtempSync(join(tmpdir(), 'cache-victim-')), 'config');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(dir, CACHE_DIR, '.gitignore'));
    expect(await fromCsv(dir)).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(existsSync(file(dir))).toBe(true);
    const other = folder();
    mkdirSync(join(other, CACHE_DIR));
    writeFileSync(join(other, CACHE_DIR, '.gitignore'), '*\n!keep\n');
    expect(await fromCsv(other)).toBe(true);
    expect(readFileSync(join(other, CACHE_DIR, '.gitignore'), 'utf8')).toBe('*\n!keep\n');
  });

  it('leaves no temporary file when the rename fails (a folder where the cache file goes), and the read is the CSV\'s', async () => {
    const dir = folder();
    mkdirSync(join(file(dir), 'in-the-way'), { recursive: true });
    const read = await readHistory(dir, OPTIONS);
    writeCache(dir, cacheKey(dir, OPTIONS), read);
    expect(readdirSync(join(dir, CACHE_DIR)).sort()).toEqual(['.gitignore', 'history.v8']);
    expect(readdirSync(file(dir))).toEqual(['in-the-way']);
    let csv = false;
    const again = await readHistoryCached(dir, OPTIONS, () => {
      csv = true;
      return readHistory(dir, OPTIONS);
    });
    expect(csv).toBe(true);
    expect(again).toStrictEqual(read);
  });
});

describe('the key of a folder', () => {
  it('does not open a data file the reader refuses: a link out of the folder is keyed by the refusal, not by what it points to', () => {
    const dir = folder();
    const outside = join(mkdtempSync(join(tmpdir(), 'cache-outside-')), 'targets.csv');
    writeFileSync(outside, 'scope,id,period,metric,target\n');
    symlinkSync(outside, join(dir, 'targets.csv'));
    const key = cacheKey(dir, OPTIONS);
    writeFileSync(outside, 'anything else\n');
    expect(cacheKey(dir, OPTIONS).equals(key)).toBe(true);
    rmSync(join(dir, 'targets.csv'));
    writeFileSync(join(dir, 'targets.csv'), 'anything else\n');
    expect(cacheKey(dir, OPTIONS).equals(key)).toBe(false);
  });

  it('keys a file over the limit by its refusal and size, without reading it', () => {
    const dir = folder();
    const big = join(dir, 'paid.csv');
    writeFileSync(big, '');
    truncateSync(big, DATA_LIMITS.bytes + 1);
    const key = cacheKey(dir, OPTIONS);
    truncateSync(big, DATA_LIMITS.bytes + 2);
    expect(cacheKey(dir, OPTIONS).equals(key)).toBe(false);
  });
});

describe('simulate --cache', () => {
  const raised = () => repoWith((d) => editFile(d, 'step-bonus-conversion.yaml', (s) => s.replace('amount_per_step: 400', 'amount_per_step: 450')));

  it('gives the report it gives from the CSV, cold and warm, and writes the cache only when asked', () => {
    const repo = raised();
    const data = mkdtempSync(join(tmpdir(), 'cache-sim-'));
    cpSync(DATA, data, { recursive: true, filter: (src) => !src.includes(CACHE_DIR) });
    const plain = simulate(repo, ['--data', data, '--format', 'json']);
    expect(plain.code).toBe(0);
    expect(existsSync(join(data, CACHE_DIR))).toBe(false);
    const cold = simulate(repo, ['--data', data, '--format', 'json', '--cache']);
    expect(existsSync(file(data))).toBe(true);
    const warm = simulate(repo, ['--data', data, '--format', 'json', '--cache']);
    expect(cold.stdout).toBe(plain.stdout);
    expect(warm.stdout).toBe(plain.stdout);
    expect(warm.code).toBe(0);
  });

  it('is refused for a data folder inside the --head-dir checkout, in Chinese with what to do', () => {
    const repo = raised();
    cpSync(DATA, join(repo, 'data/sample'), { recursive: true, filter: (src) => !src.includes(CACHE_DIR) });
    const run = (...args: string[]) => spawnSync(process.execPath, [join(import.meta.dirname, '../../scripts/simulate.ts'), '--base', 'HEAD~1', '--head-dir', repo, ...args], { encoding: 'utf8', cwd: tmpdir(), env: { ...process.env, PAY_ALIAS_SECRET: 'test-secret' } });
    for (const data of [[], ['--data', join(repo, 'data/sample')], ['--data', 'data/../data/sample']]) {
      const r = run('--cache', ...data);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/--cache 不能用于 PR 检出目录/);
      expect(r.stderr).toMatch(/去掉 --cache/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(repo, 'data/sample', CACHE_DIR))).toBe(false);
    }
    // A link in the checkout that leads into it is inside too.
    symlinkSync(join(repo, 'data/sample'), join(repo, 'history'));
    expect(run('--cache', '--data', 'history').status).toBe(1);
  });

  it('reads through the cache with --head-dir when the data folder is outside the checkout (a runner\'s own), with the same report', () => {
    const repo = raised();
    const data = mkdtempSync(join(tmpdir(), 'cache-runner-'));
    cpSync(DATA, data, { recursive: true, filter: (src) => !src.includes(CACHE_DIR) });
    const run = (...args: string[]) => spawnSync(process.execPath, [join(import.meta.dirname, '../../scripts/simulate.ts'), '--base', 'HEAD~1', '--head-dir', repo, '--data', data, '--format', 'json', ...args], { encoding: 'utf8', cwd: tmpdir(), env: { ...process.env, PAY_ALIAS_SECRET: 'test-secret' } });
    const plain = run();
    expect(plain.status).toBe(0);
    const cold = run('--cache');
    expect(existsSync(file(data))).toBe(true);
    expect(cold.stdout).toBe(plain.stdout);
    expect(run('--cache').stdout).toBe(plain.stdout);
  });
});

describe('the size limit, as a parameter', () => {
  it('writes no cache larger than the limit, and reads none larger than it', async () => {
    const dir = folder();
    const read = await readHistory(dir, OPTIONS);
    const key = cacheKey(dir, OPTIONS);
    writeCache(dir, key, read, 1000);
    expect(existsSync(file(dir))).toBe(false);
    writeCache(dir, key, read);
    const size = readFileSync(file(dir)).length;
    expect(readCache(dir, key, size)).toStrictEqual(read);
    expect(readCache(dir, key, size - 1)).toBeUndefined();
    rmSync(join(dir, CACHE_DIR), { recursive: true });
    writeCache(dir, key, read, size);
    expect(readFileSync(file(dir)).length).toBe(size);
    rmSync(join(dir, CACHE_DIR), { recursive: true });
    writeCache(dir, key, read, size - 1);
    expect(existsSync(file(dir))).toBe(false);
  });
});

describe('a read during which a file changed', () => {
  it('is given back but not cached: it belongs to neither the old files nor the new', async () => {
    const dir = folder();
    let reads = 0;
    const during = () => {
      reads += 1;
      appendFileSync(join(dir, 'events.csv'), '2026-09-03,A001,named_praise,1\n');
      return readHistory(dir, OPTIONS);
    };
    const first = await readHistoryCached(dir, OPTIONS, during);
    expect(first.history.agents.length).toBeGreaterThan(0);
    expect(existsSync(file(dir))).toBe(false);
    expect(await fromCsv(dir)).toBe(true);
    expect(await fromCsv(dir)).toBe(false);
    expect(reads).toBe(1);
  });
});

describe('what the key is made of', () => {
  it('names: the same contents under another name is another folder', () => {
    const a = mkdtempSync(join(tmpdir(), 'cache-key-'));
    const b = mkdtempSync(join(tmpdir(), 'cache-key-'));
    writeFileSync(join(a, 'roster.csv'), 'agent_id\n');
    writeFileSync(join(b, 'paid.csv'), 'agent_id\n');
    expect(cacheKey(a, OPTIONS).equals(cacheKey(b, OPTIONS))).toBe(false);
  });

  it('where a link points, even to the same contents', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-key-'));
    writeFileSync(join(dir, 'a.csv'), 'same\n');
    writeFileSync(join(dir, 'b.csv'), 'same\n');
    symlinkSync('a.csv', join(dir, 'roster.csv'));
    const toA = cacheKey(dir, OPTIONS);
    rmSync(join(dir, 'roster.csv'));
    symlinkSync('b.csv', join(dir, 'roster.csv'));
    expect(cacheKey(dir, OPTIONS).equals(toA)).toBe(false);
  });

  it("the reader's code: each source named relative to the reader, its bytes, then the lockfile", () => {
    const here = join(process.cwd(), 'scripts/history');
    const h = createHash('sha256');
    for (const f of readerSources()) h.update(`${relative(here, f)}\0`).update(readFileSync(f)).update('\0');
    h.update(readFileSync('package-lock.json'));
    expect(readerCodeDigest()).toBe(h.digest('hex'));
  });

  it('follows every form of relative import and nothing that only looks like one', () => {
    const source = ["import './side-effect.ts';", "const x = await import( './spaced.ts' );", "export * from'./tight.ts';", "importsOf('./not-an-import.ts');", "import z from 'zod';"].join('\n');
    expect(relativeImports(source)).toEqual(['./side-effect.ts', './spaced.ts', './tight.ts']);
  });
});

describe('the head of a cache file', () => {
  /** The cache file with its head or payload changed, checksum recomputed: only the change itself can refuse it. */
  function rewritten(dir: string, magic: string, payload?: (stored: Record<string, unknown>) => unknown): void {
    const bytes = readFileSync(file(dir));
    const head = Buffer.from('pp-history-cache 2\n').length;
    const key = bytes.subarray(head, head + 32);
    let body = bytes.subarray(head + 64);
    if (payload) body = serialize(payload(deserialize(body) as Record<string, unknown>));
    writeFileSync(file(dir), Buffer.concat([Buffer.from(magic), key, createHash('sha256').update(body).digest(), body]));
  }

  it('names the layout version: the same key and payload under another version is not read', async () => {
    const dir = folder();
    expect(await fromCsv(dir)).toBe(true);
    const key = cacheKey(dir, OPTIONS);
    rewritten(dir, 'pp-history-cache 2\n');
    expect(readCache(dir, key)).toBeDefined();
    rewritten(dir, 'pp-history-cache 3\n');
    expect(readCache(dir, key)).toBeUndefined();
  });

  it('is followed by files found that must all be names: one number among them refuses the cache', async () => {
    const dir = folder();
    expect(await fromCsv(dir)).toBe(true);
    const key = cacheKey(dir, OPTIONS);
    rewritten(dir, 'pp-history-cache 2\n', (stored) => ({ ...stored, present: { ...(stored.present as object), files: { roster: 'roster.csv', metrics: 5 } } }));
    expect(readCache(dir, key)).toBeUndefined();
  });
});
