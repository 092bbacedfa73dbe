// Reads the policy files as they are at a git ref (the PR's base), with real git and without
// touching the working tree, so base and head load through the same pure loader.
import { execFileSync } from 'node:child_process';
import type { PolicySource } from '../policy/load-policies.ts';
import { UserError } from '../lib/user-error.ts';
import { cliText } from '../i18n/cli-messages.ts';

/**
 * git's stdout. A failure throws execFileSync's error, which carries git's stderr; with `stdio`
 * given, that stderr is only captured, never echoed onto ours (the caller words the problem).
 */
export function runGit(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: 'pipe' });
}

/** What git said on stderr when `runGit` failed, trimmed ('' when git did not even start). */
export function gitSaid(e: unknown): string {
  return ((e as { stderr?: string }).stderr ?? '').trim();
}

/** The base ref cannot be read: a user problem (wrong ref, shallow clone, not a repository). */
export class GitRefError extends UserError {
  readonly ref: string;
  constructor(ref: string, detail: string) {
    super(cliText('git_ref_unreadable', 'zh', { ref, detail }), cliText('git_ref_hint', 'zh'));
    this.name = 'GitRefError';
    this.ref = ref;
  }
}

/** Policy sources under `dir` (repo-relative, default `policies`) at `ref`, in git's order (the paths' byte order; the loader sorts them again). */
export function readPoliciesAtRef(ref: string, opts: { cwd?: string; dir?: string } = {}): PolicySource[] {
  const cwd = opts.cwd ?? process.cwd();
  // git reads `policies//` as `policies/`: a folder given with a trailing slash needs no trimming.
  const dir = opts.dir ?? 'policies';
  try {
    runGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch (e) {
    throw new GitRefError(ref, gitSaid(e) || cliText('git_ref_missing', 'zh'));
  }
  let listing: string;
  try {
    // -z: names as they are, NUL-separated; without it git quotes a non-ASCII name ("policies/\346…"),
    // and a base policy file named in Chinese was silently left out.
    listing = runGit(['ls-tree', '-r', '-z', '--name-only', ref, '--', `${dir}/`], cwd);
  } catch (e) {
    throw new GitRefError(ref, gitSaid(e));
  }
  return listing
    .split('\0')
    .filter((f) => /\.ya?ml$/.test(f))
    // ls-tree and `ref:./path` both resolve relative to cwd, so files match the working tree's names.
    .map((path) => ({ file: path, text: runGit(['show', `${ref}:./${path}`], cwd) }));
}
