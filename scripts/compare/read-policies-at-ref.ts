// Reads the policy files as they are at a git ref (the PR's base), with real git and without
// touching the working tree, so base and head load through the same pure loader.
import { execFileSync } from 'node:child_process';
import type { PolicySource } from '../policy/load-policies.ts';
import { UserError } from '../lib/user-error.ts';
import { cliText } from '../i18n/cli-messages.ts';

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Policy sources under `dir` (repo-relative, default `policies`) at `ref`. */
export function readPoliciesAtRef(ref: string, opts: { cwd?: string; dir?: string } = {}): PolicySource[] {
  const cwd = opts.cwd ?? process.cwd();
  const dir = (opts.dir ?? 'policies').replace(/\/+$/, '');
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch (e) {
    throw new GitRefError(ref, ((e as { stderr?: string }).stderr ?? '').trim() || cliText('git_ref_missing', 'zh'));
  }
  let listing: string;
  try {
    listing = git(['ls-tree', '-r', '--name-only', ref, '--', `${dir}/`], cwd);
  } catch (e) {
    throw new GitRefError(ref, ((e as { stderr?: string }).stderr ?? '').trim());
  }
  return listing
    .split('\n')
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    // ls-tree and `ref:./path` both resolve relative to cwd, so files match the working tree's names.
    .map((path) => ({ file: path, text: git(['show', `${ref}:./${path}`], cwd) }));
}
