// `simulate` without --base compares with what a pull request would: the merge base of the branch
// and main. It says which base it used, on stderr and in the report header.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DATA, SIMULATE, git, repoWith, editFile } from './throwaway-repo.ts';

function simulateNoBase(cwd: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [SIMULATE, '--data', DATA, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PAY_ALIAS_SECRET: 'test-secret' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const raiseStepBonus = (dir: string) => editFile(dir, 'step-bonus-conversion.yaml', (s) => s.replace('amount_per_step: 400', 'amount_per_step: 500'));

describe('simulate without --base', () => {
  it('on a branch with a committed change, compares with the merge base of the branch and main', () => {
    const dir = repoWith(() => undefined);
    git(dir, 'checkout', '-q', '-b', 'raise');
    raiseStepBonus(dir);
    git(dir, 'commit', '-q', '-am', 'raise the step bonus');
    const mergeBase = git(dir, 'rev-parse', '--short=12', 'main').trim();
    const r = simulateNoBase(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`对比基线:${mergeBase}(当前分支与 main 的合并基点`);
    expect(r.stdout).toContain(`对比基线 \`${mergeBase}\``);
    expect(r.stdout).not.toContain('无变化');
  });

  it('on main with uncommitted edits, compares with HEAD and says so', () => {
    const dir = repoWith(() => undefined);
    raiseStepBonus(dir);
    const r = simulateNoBase(dir, ['--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('base: HEAD (this branch has no commits beyond main');
    // The report follows --lang too.
    expect(r.stdout).toContain('base `HEAD`');
    expect(r.stdout).toMatch(/^## Payroll impact: Monthly payroll cost will rise by /m);
  });

  it('without a main branch, compares with HEAD and says why', () => {
    const dir = repoWith(() => undefined);
    git(dir, 'branch', '-m', 'main', 'trunk');
    const r = simulateNoBase(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('找不到 main 或 origin/main');
  });
});
