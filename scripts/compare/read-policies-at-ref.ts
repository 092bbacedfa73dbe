// Reads the policy files as they are at a git ref (the PR's base), with real git and without
// touching the working tree, so base and head load through the same pure loader.
import { execFileSync } from 'node:child_process';
import type { PolicySource } from '../policy/load-policies.ts';

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

export class GitRefError extends Error {
  readonly ref: string;
  constructor(ref: string, detail: string) {
    super(`无法读取 git 引用 \`${ref}\`:${detail}`);
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
    throw new GitRefError(ref, ((e as { stderr?: string }).stderr ?? '').trim() || '该引用不存在(浅克隆?请用 fetch-depth: 0)');
  }
  const listing = git(['ls-tree', '-r', '--name-only', ref, '--', `${dir}/`], cwd);
  return listing
    .split('\n')
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    // ls-tree and `ref:./path` both resolve relative to cwd, so files match the working tree's names.
    .map((path) => ({ file: path, text: git(['show', `${ref}:./${path}`], cwd) }));
}
