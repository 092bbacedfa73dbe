// Which files a pull request asks the mutation run to cover: the TypeScript files it changed (since
// the merge base with the default branch, committed or not) that fall inside Stryker's own `mutate`
// globs in stryker.config.json — one list of what is mutated, never a second copy here.
import { spawnSync } from 'node:child_process';
import { matchesGlob } from 'node:path';

/** The changed files that Stryker would mutate, sorted; test files and deleted files never are. */
export function mutationTargets(changed: readonly string[], mutateGlobs: readonly string[], exists: (file: string) => boolean): string[] {
  const include = mutateGlobs.filter((g) => !g.startsWith('!'));
  const exclude = mutateGlobs.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  return [...new Set(changed)]
    .filter((f) => f.endsWith('.ts') && include.some((g) => matchesGlob(f, g)) && !exclude.some((g) => matchesGlob(f, g)) && exists(f))
    .sort();
}

function git(cwd: string, args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(r.stderr.trim() || `git ${args.join(' ')} failed`);
  return r.stdout;
}

/**
 * Files the branch changed since it left `base` (the merge base of the two, so commits the target
 * branch gained meanwhile do not count), committed or not yet, plus new untracked ones.
 */
export function changedSince(cwd: string, base: string): string[] {
  const lines = (s: string) => s.split('\n').filter((l) => l.length > 0);
  const since = git(cwd, ['merge-base', base, 'HEAD']).trim();
  return [...lines(git(cwd, ['diff', '--name-only', '--no-renames', since, '--'])), ...lines(git(cwd, ['ls-files', '--others', '--exclude-standard']))];
}
