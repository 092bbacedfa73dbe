// Which base `simulate` picks without --base, in process on real git repositories in temporary
// folders (default-base.test.ts runs the CLI in a child process, where no mutant of the code is
// active): each case of defaultBase, with the ref it returns and the sentence it says, in both languages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBase } from '../../scripts/compare/default-base.ts';
import { git } from './throwaway-repo.ts';

/** A repository on `main` with one commit; `extra` more commits on it. */
function repo(extra = 0): string {
  const dir = mkdtempSync(join(tmpdir(), 'default-base-'));
  git(dir, 'init', '-q', '-b', 'main');
  for (let i = 0; i <= extra; i++) {
    writeFileSync(join(dir, 'a.txt'), `${i}\n`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', `commit ${i}`);
  }
  return dir;
}
const rev = (dir: string, ref: string, short = false) => git(dir, 'rev-parse', ...(short ? ['--short=12'] : []), ref).trim();

describe('defaultBase', () => {
  it('compares a branch with its merge base with main, by a 12-character hash', () => {
    const dir = repo();
    const mergeBase = rev(dir, 'main', true);
    git(dir, 'checkout', '-q', '-b', 'raise');
    writeFileSync(join(dir, 'b.txt'), 'b\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'on the branch');
    // main moves on after the branch left it: the base is still where the branch left.
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(join(dir, 'c.txt'), 'c\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'main moves on');
    git(dir, 'checkout', '-q', 'raise');
    expect(mergeBase).toHaveLength(12);
    expect(defaultBase('zh', dir)).toEqual({ ref: mergeBase, note: `对比基线:${mergeBase}(当前分支与 main 的合并基点,即 PR 会对比的版本;可用 --base 指定)` });
    expect(defaultBase('en', dir)).toEqual({ ref: mergeBase, note: `base: ${mergeBase} (the merge base of this branch and main, what a pull request compares with; --base overrides)` });
  });

  it('prefers origin/main to a local main', () => {
    const dir = repo(2);
    // origin/main is the first commit, local main the last: a branch off main is compared with origin/main.
    const first = rev(dir, 'HEAD~2');
    git(dir, 'update-ref', 'refs/remotes/origin/main', first);
    git(dir, 'checkout', '-q', '-b', 'topic');
    expect(defaultBase('en', dir)).toEqual({ ref: first.slice(0, 12), note: `base: ${first.slice(0, 12)} (the merge base of this branch and origin/main, what a pull request compares with; --base overrides)` });
  });

  it('compares with HEAD on main itself, naming the branch', () => {
    const dir = repo(1);
    expect(defaultBase('zh', dir)).toEqual({ ref: 'HEAD', note: '对比基线:HEAD(当前分支没有 main 之外的提交,比较的是未提交的修改;可用 --base 指定)' });
    expect(defaultBase('en', dir).note).toBe('base: HEAD (this branch has no commits beyond main; uncommitted edits are compared; --base overrides)');
  });

  it('compares with HEAD when there is no main or origin/main', () => {
    const dir = repo();
    git(dir, 'branch', '-m', 'main', 'trunk');
    expect(defaultBase('zh', dir)).toEqual({ ref: 'HEAD', note: '对比基线:HEAD(找不到 main 或 origin/main;可用 --base 指定)' });
    expect(defaultBase('en', dir).note).toBe('base: HEAD (no main or origin/main found; --base overrides)');
  });

  it('compares with HEAD when the branch shares no history with main', () => {
    const dir = repo();
    git(dir, 'checkout', '-q', '--orphan', 'elsewhere');
    writeFileSync(join(dir, 'a.txt'), 'other\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'unrelated');
    expect(defaultBase('zh', dir)).toEqual({ ref: 'HEAD', note: '对比基线:HEAD(当前分支与 main 没有共同历史;可用 --base 指定)' });
    expect(defaultBase('en', dir).note).toBe('base: HEAD (this branch shares no history with main; --base overrides)');
  });

  it('compares with HEAD outside a repository and in a repository without a commit', () => {
    const plain = mkdtempSync(join(tmpdir(), 'default-base-plain-'));
    const empty = mkdtempSync(join(tmpdir(), 'default-base-empty-'));
    git(empty, 'init', '-q', '-b', 'main');
    for (const dir of [plain, empty]) {
      expect(defaultBase('zh', dir)).toEqual({ ref: 'HEAD', note: '对比基线:HEAD(不在 git 仓库中或还没有提交)' });
      expect(defaultBase('en', dir).note).toBe('base: HEAD (not in a git repository, or no commit yet)');
    }
  });
});
