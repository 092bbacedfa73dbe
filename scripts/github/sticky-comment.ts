// One sticky comment per pull request: found by a hidden marker, updated in place, never
// duplicated, and not created at all when there is nothing to say.
export interface IssueComment {
  id: number;
  body?: string;
}

export type CommentAction =
  | { action: 'create' }
  | { action: 'update'; id: number }
  | { action: 'skip'; reason: 'unchanged' | 'nothing_to_report' };

/**
 * Decides what to do. `hasChanges` is false when the report says 无变化 and no policy changed:
 * then an existing comment is still updated (so it no longer shows stale figures), but none is created.
 */
export function decideCommentAction(existing: readonly IssueComment[], marker: string, body: string, hasChanges: boolean): CommentAction {
  const mine = existing.find((c) => c.body?.includes(marker));
  if (mine) return mine.body === body ? { action: 'skip', reason: 'unchanged' } : { action: 'update', id: mine.id };
  return hasChanges ? { action: 'create' } : { action: 'skip', reason: 'nothing_to_report' };
}

export interface GitHubClientOptions {
  apiUrl: string;
  token: string;
  repo: string; // owner/name
}

async function call(opts: GitHubClientOptions, method: string, path: string, body?: unknown): Promise<Response> {
  const res = await fetch(`${opts.apiUrl.replace(/\/$/, '')}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${opts.token}`,
      'x-github-api-version': '2022-11-28',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`GitHub API ${method} ${path} → ${res.status} ${await res.text()}`);
  return res;
}

/** All comments of an issue/PR, following `per_page`/`page` pagination. */
export async function listComments(opts: GitHubClientOptions, pr: number): Promise<IssueComment[]> {
  const all: IssueComment[] = [];
  for (let page = 1; page < 100; page++) {
    const res = await call(opts, 'GET', `/repos/${opts.repo}/issues/${pr}/comments?per_page=100&page=${page}`);
    const batch = (await res.json()) as IssueComment[];
    all.push(...batch);
    if (batch.length < 100) break;
  }
  return all;
}

export async function upsertStickyComment(
  opts: GitHubClientOptions,
  pr: number,
  marker: string,
  body: string,
  hasChanges: boolean,
): Promise<CommentAction> {
  const decision = decideCommentAction(await listComments(opts, pr), marker, body, hasChanges);
  if (decision.action === 'create') await call(opts, 'POST', `/repos/${opts.repo}/issues/${pr}/comments`, { body });
  if (decision.action === 'update') await call(opts, 'PATCH', `/repos/${opts.repo}/issues/comments/${decision.id}`, { body });
  return decision;
}
