// The sticky comment needs only a CommentHost { find, create, update }: any forge that keeps
// comments can carry it. A host that keeps its comments in a list (as a GitLab one would keep
// merge-request notes) gets the same behaviour the GitHub host gets against the stand-in API.
import { describe, expect, it } from 'vitest';
import { upsertStickyComment, type CommentHost, type IssueComment } from '../../scripts/github/sticky-comment.ts';

const MARK = '<!-- pay-impact -->';
const BOT = { login: 'github-actions[bot]' };

function listHost(comments: IssueComment[]): CommentHost & { comments: IssueComment[] } {
  return {
    comments,
    async find(marker) {
      return comments.filter((c) => c.body?.includes(marker));
    },
    async create(body) {
      comments.push({ id: comments.length + 100, body, user: BOT });
    },
    async update(id, body) {
      const c = comments.find((x) => x.id === id)!;
      c.body = body;
    },
  };
}

describe('a comment host other than GitHub', () => {
  it('creates the sticky comment once and then updates it in place', async () => {
    const host = listHost([{ id: 1, body: 'LGTM', user: { login: 'alice' } }]);
    expect(await upsertStickyComment(host, MARK, `${MARK}\n第一版`, true)).toEqual({ action: 'create' });
    expect(await upsertStickyComment(host, MARK, `${MARK}\n第二版`, true)).toEqual({ action: 'update', id: 101 });
    expect(host.comments.map((c) => c.body)).toEqual(['LGTM', `${MARK}\n第二版`]);
  });

  it('leaves a look-alike written by someone else alone and creates its own', async () => {
    const host = listHost([{ id: 1, body: `${MARK} fake`, user: { login: 'mallory' } }]);
    expect(await upsertStickyComment(host, MARK, `${MARK}\n报告`, true)).toEqual({ action: 'create' });
    expect(host.comments[0]!.body).toBe(`${MARK} fake`);
  });

  it('creates nothing when the report has nothing to say', async () => {
    const host = listHost([]);
    expect(await upsertStickyComment(host, MARK, `${MARK}\n无变化`, false)).toEqual({ action: 'skip', reason: 'nothing_to_report' });
    expect(host.comments).toEqual([]);
  });
});
