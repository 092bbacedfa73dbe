// Throw-away git repositories for end-to-end tests of `simulate --base`: a base commit with the
// default policies, then a proposal commit made by an edit function (real git, real files).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SIMULATE = join(ROOT, 'scripts/simulate.ts');
export const DATA = join(ROOT, 'data/sample');

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe', encoding: 'utf8' });
}

/** A repository whose HEAD~1 holds the default policies (edited by `opts.base`) and HEAD the proposal made by `edit`. */
export function repoWith(edit: (dir: string) => void, opts: { withScripts?: boolean; base?: (dir: string) => void } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-repo-'));
  cpSync(join(ROOT, 'policies'), join(dir, 'policies'), { recursive: true });
  if (opts.withScripts) cpSync(join(ROOT, 'scripts/compare'), join(dir, 'scripts/compare'), { recursive: true });
  opts.base?.(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  edit(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'proposal');
  return dir;
}

export function editFile(dir: string, file: string, fn: (s: string) => string): void {
  const p = join(dir, 'policies', file);
  writeFileSync(p, fn(readFileSync(p, 'utf8')));
}

/** Lowers every position's base pay by ¥1,000: most people lose more than 10%. */
export function cutBasePay(dir: string): void {
  editFile(dir, 'salary-ladder.yaml', (s) => s.replace('base_pay: 3000', 'base_pay: 2000').replace('base_pay: 3400', 'base_pay: 2400').replace('base_pay: 3800', 'base_pay: 2800'));
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI with `--base HEAD~1` in `cwd`; env adds to (or with `undefined`, removes from) the test's env. */
export function simulate(cwd: string, args: string[] = [], env: Record<string, string | undefined> = {}): RunResult {
  const merged: NodeJS.ProcessEnv = { ...process.env, PAY_ALIAS_SECRET: 'test-secret', ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  const r = spawnSync(process.execPath, [SIMULATE, '--base', 'HEAD~1', '--data', DATA, ...args], { cwd, encoding: 'utf8', env: merged });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The JSON report of `simulate --format json`. */
export function simulateJson(cwd: string, args: string[] = [], env: Record<string, string | undefined> = {}) {
  const r = simulate(cwd, ['--format', 'json', ...args], env);
  if (r.code !== 0 && r.code !== 2) throw new Error(`simulate exited ${r.code}: ${r.stderr}`);
  return { code: r.code, json: JSON.parse(r.stdout) as Record<string, unknown> & { guardrails: { id: string; status: string; action: string; figure: string }[] } };
}
