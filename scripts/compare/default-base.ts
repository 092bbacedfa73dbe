// The base `simulate` compares with when no --base is given: what a pull request from this branch
// would be compared with, i.e. the merge base of HEAD and the default branch (origin/main, else
// main). On the default branch itself, or with no default branch, that is HEAD: the working tree's
// uncommitted edits are the proposal. The choice is always said out loud (stderr, report header).
import { spawnSync } from 'node:child_process';
import type { Lang } from '../i18n/catalogue.ts';
import { cliText } from '../i18n/cli-messages.ts';

export interface DefaultBase {
  /** A commit git can read (short hash), or HEAD. */
  ref: string;
  /** One line for stderr saying which base and why. */
  note: string;
}

/** git's output, or undefined when it fails (its stderr is captured and dropped: the note says why). */
function gitIn(cwd: string, args: string[]): string | undefined {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** The base for the checkout at `cwd` (default the process's working directory). */
export function defaultBase(lang: Lang, cwd = process.cwd()): DefaultBase {
  const git = (args: string[]) => gitIn(cwd, args);
  const head = git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (head === undefined) return { ref: 'HEAD', note: cliText('base_head_no_git', lang) };
  const branch = ['origin/main', 'main'].find((b) => git(['rev-parse', '--verify', '--quiet', `${b}^{commit}`]) !== undefined);
  if (branch === undefined) return { ref: 'HEAD', note: cliText('base_head_no_main', lang) };
  const mergeBase = git(['merge-base', 'HEAD', branch]);
  if (mergeBase === undefined) return { ref: 'HEAD', note: cliText('base_head_unrelated', lang, { branch }) };
  if (mergeBase === head) return { ref: 'HEAD', note: cliText('base_head_on_main', lang, { branch }) };
  const short = git(['rev-parse', '--short=12', mergeBase]) ?? mergeBase;
  return { ref: short, note: cliText('base_merge_base', lang, { branch, ref: short }) };
}
