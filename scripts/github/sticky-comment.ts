// One sticky comment per pull request: found by a hidden marker AND the bot's login (anyone can
// write the marker into a comment of their own), updated in place, never duplicated, and not
// created at all when there is nothing to say.
import { call, listAll, type GitHubClientOptions } from './github-api.ts';

export type { GitHubClientOptions };

export interface IssueComment {
  id: number;
  body?: string;
  user?: { login: string } | null;
}

/** The login the workflow's GITHUB_TOKEN posts as; override with PAY_BOT_LOGIN (e.g. a GitHub App's `name[bot]`). */
export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';


export type CommentAction =
  | { action: 'create' }
  | { action: 'update'; id: number }
  | { action: 'skip'; reason: 'unchanged' | 'nothing_to_report' };

/**
 * Decides what to do. `hasChanges` is false when the report says 无变化 and no policy changed:
 * then an existing comment is still updated (so it no longer shows stale figures), but none is created.
 */
export function decideCommentAction(existing: readonly IssueComment[], marker: string, body: string, hasChanges: boolean, botLogin: string = DEFAULT_BOT_LOGIN): CommentAction {
  const mine = existing.find((c) => c.user?.login === botLogin && c.body?.includes(marker));
  if (mine) return mine.body === body ? { action: 'skip', reason: 'unchanged' } : { action: 'update', id: mine.id };
  return hasChanges ? { action: 'create' } : { action: 'skip', reason: 'nothing_to_report' };
}

/** All comments of an issue/PR, following pagination. */
export async function listComments(opts: GitHubClientOptions, pr: number): Promise<IssueComment[]> {
  return listAll<IssueComment>(opts, `/repos/${opts.repo}/issues/${pr}/comments`);
}

export async function upsertStickyComment(
  opts: GitHubClientOptions,
  pr: number,
  marker: string,
  body: string,
  hasChanges: boolean,
  botLogin: string = DEFAULT_BOT_LOGIN,
): Promise<CommentAction> {
  const decision = decideCommentAction(await listComments(opts, pr), marker, body, hasChanges, botLogin);
  if (decision.action === 'create') await call(opts, 'POST', `/repos/${opts.repo}/issues/${pr}/comments`, { body });
  if (decision.action === 'update') await call(opts, 'PATCH', `/repos/${opts.repo}/issues/comments/${decision.id}`, { body });
  return decision;
}
