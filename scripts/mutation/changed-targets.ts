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

/**
 * The Stryker config that mutates a file: its area's set of fast tests written for one rule where
 * the area has one (docs/testing.md, round 3) — every replay test covers the engine's lines, and
 * with them a mutant costs seconds instead of milliseconds — else the project's default config.
 */
const AREA_CONFIGS: readonly { area: RegExp; config: string }[] = [
  { area: /^scripts\/engine\/pay\//, config: 'stryker.engine-pay.config.mjs' },
  { area: /^scripts\/engine\//, config: 'stryker.core.config.mjs' },
  { area: /^scripts\/(policy\/rules|history|report)\//, config: 'stryker.rest.config.mjs' },
];

export function configFor(file: string): string {
  return AREA_CONFIGS.find((c) => c.area.test(file))?.config ?? 'stryker.config.json';
}

/** Files grouped by the config that mutates them, configs in a stable order: one Stryker run each. */
export function byConfig(files: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const f of [...files].sort()) groups.set(configFor(f), [...(groups.get(configFor(f)) ?? []), f]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
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
