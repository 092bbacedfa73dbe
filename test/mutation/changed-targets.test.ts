// `./pp test:mutation:changed` mutates what a pull request changed inside Stryker's own `mutate`
// set: checked on a real git repository (a branch off main with committed, uncommitted and
// untracked edits), through the command's --list mode, which runs no Stryker.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byConfig, configFor, mutationTargets } from '../../scripts/mutation/changed-targets.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const GLOBS = ['scripts/engine/**/*.ts', 'scripts/lib/money.ts', 'scripts/compare/**/*.ts', '!scripts/compare/impact-types.ts'];

describe('files a pull request mutates', () => {
  it('keeps changed TypeScript inside the mutate globs, minus negated globs, tests and deleted files', () => {
    const changed = [
      'scripts/engine/pay/base-pay.ts',
      'scripts/engine/pay/base-pay.ts',
      'scripts/lib/money.ts',
      'scripts/lib/format.ts',
      'scripts/compare/impact-types.ts',
      'scripts/compare/removed.ts',
      'test/engine/base-pay.test.ts',
      'policies/salary-ladder.yaml',
      'scripts/engine/README.md',
    ];
    expect(mutationTargets(changed, GLOBS, (f) => f !== 'scripts/compare/removed.ts')).toEqual(['scripts/engine/pay/base-pay.ts', 'scripts/lib/money.ts']);
  });

  it('mutates each area with its own fast by-hand test set, one Stryker run per config', () => {
    expect(configFor('scripts/engine/pay/base-pay.ts')).toBe('stryker.engine-pay.config.mjs');
    expect(configFor('scripts/engine/rankings.ts')).toBe('stryker.core.config.mjs');
    expect(configFor('scripts/policy/rules/money-rules.ts')).toBe('stryker.rest.config.mjs');
    expect(configFor('scripts/history/read-table.ts')).toBe('stryker.rest.config.mjs');
    expect(configFor('scripts/report/render-csv.ts')).toBe('stryker.rest.config.mjs');
    expect(configFor('scripts/compare/aliases.ts')).toBe('stryker.config.json');
    expect(configFor('scripts/lib/money.ts')).toBe('stryker.config.json');
    expect([...byConfig(['scripts/report/b.ts', 'scripts/engine/pay/a.ts', 'scripts/lib/money.ts', 'scripts/history/a.ts'])]).toEqual([
      ['stryker.config.json', ['scripts/lib/money.ts']],
      ['stryker.engine-pay.config.mjs', ['scripts/engine/pay/a.ts']],
      ['stryker.rest.config.mjs', ['scripts/history/a.ts', 'scripts/report/b.ts']],
    ]);
  });

  it('names only configs that exist in the repository', () => {
    for (const f of ['scripts/engine/pay/x.ts', 'scripts/engine/x.ts', 'scripts/history/x.ts', 'scripts/lib/money.ts']) expect(existsSync(join(ROOT, configFor(f))), configFor(f)).toBe(true);
  });

  it('lists the branch\'s committed, uncommitted and new files since the merge base with main', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-mutation-'));
    const git = (...args: string[]) => {
      const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    };
    const write = (file: string, text: string) => {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), text);
    };
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 't');
    copyFileSync(join(ROOT, 'stryker.config.json'), join(dir, 'stryker.config.json'));
    write('scripts/engine/a.ts', 'export const a = 1;\n');
    write('scripts/engine/b.ts', 'export const b = 1;\n');
    write('scripts/report/c.ts', 'export const c = 1;\n');
    git('add', '-A');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'proposal');
    write('scripts/engine/a.ts', 'export const a = 2;\n');
    git('commit', '-qam', 'committed change');
    write('scripts/report/c.ts', 'export const c = 2;\n'); // uncommitted
    write('scripts/history/d.ts', 'export const d = 1;\n'); // untracked, new
    write('scripts/lib/format.ts', 'export const f = 1;\n'); // outside the mutate set
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/mutation-changed.ts'), '--list'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('当前分支与 main 的合并基点');
    expect(r.stdout.trim().split('\n')).toEqual(['scripts/engine/a.ts', 'scripts/history/d.ts', 'scripts/report/c.ts']);

    // A target branch that moved on since the branch left it: its new files are not the PR's.
    git('stash', '-u', '-q');
    git('checkout', '-q', 'main');
    write('scripts/engine/b.ts', 'export const b = 3;\n');
    git('commit', '-qam', 'main moves on');
    git('checkout', '-q', 'proposal');
    git('stash', 'pop', '-q');
    const moved = spawnSync(process.execPath, [join(ROOT, 'scripts/mutation-changed.ts'), '--list', '--base', 'main'], { cwd: dir, encoding: 'utf8' });
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.stdout.trim().split('\n')).toEqual(['scripts/engine/a.ts', 'scripts/history/d.ts', 'scripts/report/c.ts']);

    const none = spawnSync(process.execPath, [join(ROOT, 'scripts/mutation-changed.ts'), '--list', '--base', 'HEAD', '--lang', 'en'], { cwd: dir, encoding: 'utf8' });
    expect(none.status, none.stderr).toBe(0);
    expect(none.stdout).toContain('scripts/report/c.ts');

    const bad = spawnSync(process.execPath, [join(ROOT, 'scripts/mutation-changed.ts'), '--list', '--base', 'no-such-branch'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('无法读取 git 引用 `no-such-branch`');
    expect(bad.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });
});
