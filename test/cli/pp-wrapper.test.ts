// `./pp <command>` runs the README's commands on a machine whose first Node on PATH is too old
// (here the system's /usr/bin/node, v20): the wrapper brings Node >= 22.12 and passes options and
// exit codes through.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const systemNode = '/usr/bin/node';
const oldNodeFirst = existsSync(systemNode) && spawnSync(systemNode, ['-v'], { encoding: 'utf8' }).stdout.startsWith('v20');

function pp(args: string[]) {
  const r = spawnSync(join(ROOT, 'pp'), args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { HOME: process.env.HOME, PATH: `/usr/bin:/bin:${process.env.PATH ?? ''}`, LANG: 'C.UTF-8' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!oldNodeFirst)('./pp with Node 20 first on PATH', () => {
  it('runs validate as the README writes it', () => {
    const r = pp(['validate', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✓ all \d+ policy files are valid/);
    expect(r.stderr).not.toContain('Unknown file extension');
  });

  it('passes options and the exit code through', () => {
    const r = pp(['simulate', '--reconcle']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('是不是想写 `--reconcile`');
  });

  it('keeps compiled modules in node_modules/.cache/node-compile between runs', () => {
    const cache = join(ROOT, 'node_modules/.cache/node-compile');
    rmSync(cache, { recursive: true, force: true });
    expect(pp(['validate']).status).toBe(0);
    expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(0);
  });

  it('lists the commands for an unknown one, exit 1', () => {
    const r = pp(['valdate']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown command `valdate`');
    expect(r.stderr).toContain('./pp validate');
  });
});
