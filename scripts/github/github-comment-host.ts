// The comments of one GitHub pull request as a `CommentHost`: the REST calls behind the sticky
// comment's pure decision (sticky-comment.ts).
import { call, listAll, type GitHubClientOptions } from './github-api.ts';
import type { CommentHost, IssueComment } from './sticky-comment.ts';

export type { GitHubClientOptions };

export function githubCommentHost(opts: GitHubClientOptions, pr: number): CommentHost {
  return {
    async find(marker) {
      // All comments of the pull request, following pagination; the marker narrows them.
      const all = await listAll<IssueComment>(opts, `/repos/${opts.repo}/issues/${pr}/comments`);
      return all.filter((c) => c.body?.includes(marker));
    },
    async create(body) {
      await call(opts, 'POST', `/repos/${opts.repo}/issues/${pr}/comments`, { body });
    },
    async update(id, body) {
      await call(opts, 'PATCH', `/repos/${opts.repo}/issues/comments/${id}`, { body });
    },
  };
}
