// No stack traces for user mistakes: every command turns file-system and argument errors into a
// one-line message with exit 1 and writes nothing (no output, no temp file); a real bug exits 70.
import { mkdirSync, mkdtempSync, readdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, GITHUB_TOKEN: undefined, ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const STACK = /\n\s+at .*:\d+:\d+/;
const root = process.getuid?.() === 0;

/** A folder this process cannot write to: chmod does not stop root, /sys does. */
function readOnlyFolder(): string {
  if (root) return '/sys';
  const dir = mkdtempSync(join(tmpdir(), 'pp-ro-'));
  chmodSync(dir, 0o555);
  return dir;
}

describe('user mistakes are one-line errors with exit 1', () => {
  const cases: [name: string, args: string[], mentions: string][] = [
    ['validate a missing path', ['scripts/validate.ts', 'no-such-dir'], 'no-such-dir'],
    ['validate --today 2026-99-99', ['scripts/validate.ts', '--today', '2026-99-99'], '2026-99-99'],
    ['simulate --from 2026-13', ['scripts/simulate.ts', '--from', '2026-13'], '2026-13'],
    ['simulate a missing policies folder', ['scripts/simulate.ts', '--policies', 'no-such-dir'], 'no-such-dir'],
    ['simulate a missing data folder', ['scripts/simulate.ts', '--data', 'no-such-dir'], 'no-such-dir'],
    ['explain a period that is not a month', ['scripts/explain.ts', '--agent', 'A001', '--period', '2026-99'], '2026-99'],
    ['explain a missing policies folder', ['scripts/explain.ts', '--agent', 'A001', '--period', '2026-10', '--policies', 'no-such-dir'], 'no-such-dir'],
    ['generate a non-numeric --agents', ['scripts/generate.ts', '--agents', 'x', '--out', '/tmp/never'], '--agents'],
    ['post-comment without a token', ['scripts/post-comment.ts', '--repo', 'a/b', '--pr', '1', '--body-file', 'README.md'], 'GITHUB_TOKEN'],
    ['post-comment with a missing body file', ['scripts/post-comment.ts', '--repo', 'a/b', '--pr', '1', '--body-file', 'no-such.md'], 'no-such.md'],
  ];
  it.each(cases)('%s', (_name, args, mentions) => {
    const r = run(args, args[0] === 'scripts/post-comment.ts' && mentions !== 'GITHUB_TOKEN' ? { GITHUB_TOKEN: 'x' } : {});
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain(mentions);
    expect(r.out).not.toMatch(STACK);
  });
});

describe('a real bug', () => {
  it('prints its stack and exits 70', () => {
    const code = "import { runCli } from './scripts/app/cli.ts'; runCli({ meta: { name: 'x' }, run() { throw new TypeError('boom'); } });";
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.status).toBe(70);
    expect(r.stderr).toContain('TypeError: boom');
    expect(r.stderr).toMatch(STACK);
  });
});

describe('outputs are written whole or not at all', () => {
  it('--out into a read-only folder: exit 1, the target named, nothing left behind', () => {
    const dir = readOnlyFolder();
    const before = readdirSync(dir);
    const r = run(['scripts/simulate.ts', '--format', 'all', '--out', join(dir, 'impact')]);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain(join(dir, 'impact.md'));
    expect(r.out).not.toContain('.tmp');
    expect(r.out).not.toMatch(STACK);
    expect(readdirSync(dir)).toEqual(before);
  });

  it('--format all where one target is a directory: no file written, no temp file left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-out-'));
    mkdirSync(join(dir, 'impact.csv'));
    const r = run(['scripts/simulate.ts', '--format', 'all', '--out', join(dir, 'impact')]);
    expect(r.status, r.out).toBe(1);
    expect(r.out).not.toMatch(STACK);
    expect(readdirSync(dir)).toEqual(['impact.csv']);
  });

  it('--from 0001-01 --to 9999-12 is clamped to the data and finishes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-out-'));
    // --base HEAD: on a branch that edits scripts/, the default base (the merge base) would say 2.
    const r = run(['scripts/simulate.ts', '--base', 'HEAD', '--from', '0001-01', '--to', '9999-12', '--format', 'json', '--out', join(dir, 'impact.json')]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('2024-11 至 2026-10');
  });
});
