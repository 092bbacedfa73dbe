// One sticky comment per pull request: found by a hidden marker AND the bot's login (anyone can
// write the marker into a comment of their own), updated in place, never duplicated, and not
// created at all when there is nothing to say. The decision is pure; where comments live is a
// `CommentHost` (GitHub's in github-comment-host.ts), so another forge needs only its own host.

export interface IssueComment {
  id: number;
  body?: string;
  user?: { login: string } | null;
}

/** Where the comments of one pull (or merge) request live: the three calls the sticky comment needs. */
export interface CommentHost {
  /** The comments of the request that contain `marker`, oldest first (the decision still checks the author). */
  find(marker: string): Promise<IssueComment[]>;
  create(body: string): Promise<void>;
  update(id: number, body: string): Promise<void>;
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

/** Creates, updates or leaves the sticky comment on `host`, as decided above. */
export async function upsertStickyComment(host: CommentHost, marker: string, body: string, hasChanges: boolean, botLogin: string = DEFAULT_BOT_LOGIN): Promise<CommentAction> {
  const decision = decideCommentAction(await host.find(marker), marker, body, hasChanges, botLogin);
  if (decision.action === 'create') await host.create(body);
  if (decision.action === 'update') await host.update(decision.id, body);
  return decision;
}
