// Which files of the judging code a proposal edits, read with real git: the engine, the report,
// the schemas, the workflow and the dependency manifests. A PR that edits them could change how it
// is judged, so the report says 「计算代码被修改」 and the change needs approval.
import { GitRefError, gitSaid, runGit as git } from './read-policies-at-ref.ts';

/** Paths whose edits change how a proposal is judged (git pathspecs, repo-relative). */
export const CODE_PATHS = ['scripts/', 'schemas/', '.github/', 'package.json', 'package-lock.json', '.npmrc'] as const;

/**
 * Code files that differ between `ref` and the working tree at `cwd` (the proposal): edited, added,
 * deleted or untracked-but-present. In CI the working tree is the PR's merge commit, so this is
 * exactly what the PR changes.
 */
export function changedCodeFiles(ref: string, opts: { cwd?: string } = {}): string[] {
  const cwd = opts.cwd ?? process.cwd();
  const top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  const specs = CODE_PATHS.map((p) => `:(top)${p}`);
  let tracked: string;
  try {
    // -z: names unquoted (git quotes a non-ASCII name otherwise), NUL-separated.
    tracked = git(['diff', '--name-only', '-z', '--no-renames', ref, '--', ...specs], top);
  } catch (e) {
    throw new GitRefError(ref, gitSaid(e));
  }
  const untracked = git(['ls-files', '-z', '--others', '--exclude-standard', '--', ...specs], top);
  return [...new Set([...tracked.split('\0'), ...untracked.split('\0')].filter(Boolean))].sort();
}
