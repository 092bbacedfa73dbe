// The commit that last touched a policy file, for the changelog. A site built outside git (e.g.
// from a tarball) simply shows no commit.
import { execFileSync } from 'node:child_process';

export interface CommitInfo {
  hash: string;
  date: string;
  subject: string;
}

export function lastCommit(file: string, cwd: string): CommitInfo | undefined {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%h%x09%ad%x09%s', '--date=short', '--', file], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (!out) return undefined;
    const [hash, date, subject] = out.split('\t') as [string, string, string];
    return { hash, date, subject };
  } catch {
    return undefined;
  }
}
