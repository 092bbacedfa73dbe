// Approval by review, not by label: a change that needs approval passes only when every changed
// file is covered by an approving review from one of its CODEOWNERS, submitted on the PR's current
// head commit (a later push makes earlier approvals stale). Read from GitHub's REST API.
import { GitHubApiError, getJson, listAll, type GitHubClientOptions } from './github-api.ts';
import { ownersOf, type OwnerRule } from './codeowners.ts';

export interface Review {
  user: { login: string } | null;
  state: string;
  commit_id: string;
  submitted_at?: string;
}

export interface PullRequest {
  number: number;
  title: string;
  user: { login: string } | null;
  head: { sha: string };
  merged?: boolean;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
}

export interface Approver {
  login: string;
  submitted_at: string;
}

/**
 * Each reviewer's standing on `headSha`: their latest decisive review (approve, request changes,
 * dismissed; plain comments do not change it) counts only if it approves this very commit.
 */
export function currentApprovals(reviews: readonly Review[], headSha: string, author: string | undefined): { approvers: Approver[]; stale: string[] } {
  const latest = new Map<string, Review>();
  for (const r of reviews) {
    if (!r.user || !['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(r.state)) continue;
    latest.set(r.user.login, r);
  }
  const approvers: Approver[] = [];
  const stale: string[] = [];
  for (const [login, r] of latest) {
    if (r.state !== 'APPROVED' || login === author) continue;
    if (r.commit_id === headSha) approvers.push({ login, submitted_at: r.submitted_at ?? '' });
    else stale.push(login);
  }
  return { approvers: approvers.sort((a, b) => a.login.localeCompare(b.login)), stale: stale.sort() };
}

export interface ApprovalDecision {
  approved: boolean;
  head_sha: string;
  approvers: Approver[];
  /** Approvals on an older commit: they do not count. */
  stale: string[];
  /** Changed files no owner of which approved the current head. */
  uncovered: { file: string; owners: string[] }[];
}

/**
 * Whether every changed file is covered. `isMember(login, owner)` answers for `user` and `org/team`
 * owners; files without owners need any current approval.
 */
export async function decideApproval(input: {
  files: readonly string[];
  rules: readonly OwnerRule[];
  reviews: readonly Review[];
  headSha: string;
  author: string | undefined;
  isMember: (login: string, owner: string) => Promise<boolean>;
}): Promise<ApprovalDecision> {
  const { approvers, stale } = currentApprovals(input.reviews, input.headSha, input.author);
  const uncovered: ApprovalDecision['uncovered'] = [];
  for (const file of [...input.files].sort()) {
    const owners = ownersOf(input.rules, file);
    let covered = owners.length === 0 ? approvers.length > 0 : false;
    for (const a of approvers) {
      for (const o of owners) if (!covered && (await input.isMember(a.login, o))) covered = true;
    }
    if (!covered) uncovered.push({ file, owners });
  }
  return { approved: input.files.length > 0 && uncovered.length === 0 && approvers.length > 0, head_sha: input.headSha, approvers, stale, uncovered };
}

/** Owner `user` is that login; owner `org/team` asks GitHub for an active membership (needs members:read). */
export function membershipChecker(opts: GitHubClientOptions) {
  const cache = new Map<string, boolean>();
  return async (login: string, owner: string): Promise<boolean> => {
    if (!owner.includes('/')) return owner.toLowerCase() === login.toLowerCase();
    const key = `${owner}:${login}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const [org, team] = owner.split('/') as [string, string];
    let member = false;
    try {
      const m = await getJson<{ state: string }>(opts, `/orgs/${encodeURIComponent(org)}/teams/${encodeURIComponent(team)}/memberships/${encodeURIComponent(login)}`);
      member = m.state === 'active';
    } catch (e) {
      if (!(e instanceof GitHubApiError && e.status === 404)) throw e;
    }
    cache.set(key, member);
    return member;
  };
}

export async function fetchPull(opts: GitHubClientOptions, pr: number): Promise<PullRequest> {
  return getJson<PullRequest>(opts, `/repos/${opts.repo}/pulls/${pr}`);
}

export async function fetchReviews(opts: GitHubClientOptions, pr: number): Promise<Review[]> {
  return listAll<Review>(opts, `/repos/${opts.repo}/pulls/${pr}/reviews`);
}

export async function fetchFiles(opts: GitHubClientOptions, pr: number): Promise<string[]> {
  return (await listAll<{ filename: string }>(opts, `/repos/${opts.repo}/pulls/${pr}/files`)).map((f) => f.filename);
}
