// The sticky comment through the real CLI against a local stand-in GitHub API: found by marker and
// author, updated in place, a planted look-alike by another user left alone.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { decideCommentAction } from '../../scripts/github/sticky-comment.ts';
import { COMMENT_MARKER } from '../../scripts/report/render-markdown.ts';
import { startStandIn, type Comment, type StandIn } from '../github/stand-in-github.ts';

const run = promisify(execFile);
const BOT = { login: 'github-actions[bot]' };
const MALLORY = { login: 'mallory' };

let gh: StandIn;
const dir = mkdtempSync(join(tmpdir(), 'post-comment-'));

async function start(comments: Comment[], tokens?: Record<string, string>) {
  gh = await startStandIn({ comments, ...(tokens ? { tokens } : {}) });
}

async function post(body: string, extra: string[] = [], env: Record<string, string> = {}) {
  const file = join(dir, 'body.md');
  writeFileSync(file, body);
  const { stdout } = await run(process.execPath, ['scripts/post-comment.ts', '--repo', 'acme/shop', '--pr', '7', '--body-file', file, '--api-url', gh.url, ...extra], {
    env: { ...process.env, GITHUB_TOKEN: 'test-token', PAY_BOT_LOGIN: '', ...env },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

afterEach(async () => {
  await gh?.close();
});

describe('post-comment against a stand-in GitHub API', () => {
  it('creates the comment when none carries the marker', async () => {
    await start([{ id: 1, body: 'LGTM', user: MALLORY }]);
    const result = await post(`${COMMENT_MARKER}\n新报告`);
    expect(result).toEqual({ action: 'create' });
    expect(gh.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(['GET /repos/acme/shop/issues/7/comments', 'POST /repos/acme/shop/issues/7/comments']);
    expect(gh.requests[1]?.auth).toBe('Bearer test-token');
    expect(gh.state.comments).toHaveLength(2);
  });

  it('updates the bot\'s marked comment in place instead of adding a second one', async () => {
    await start([{ id: 1, body: 'LGTM', user: MALLORY }, { id: 2, body: `${COMMENT_MARKER}\n旧报告`, user: BOT }]);
    const result = await post(`${COMMENT_MARKER}\n新报告`);
    expect(result).toEqual({ action: 'update', id: 2 });
    expect(gh.requests.at(-1)).toMatchObject({ method: 'PATCH', url: '/repos/acme/shop/issues/comments/2', body: { body: `${COMMENT_MARKER}\n新报告` } });
    expect(gh.state.comments.map((c) => c.body)).toEqual(['LGTM', `${COMMENT_MARKER}\n新报告`]);
  });

  it('leaves a planted comment with the marker by another user alone, and updates the bot\'s own', async () => {
    const planted = `${COMMENT_MARKER}\n## 薪酬影响:月度人力成本无变化`;
    await start([
      { id: 1, body: planted, user: MALLORY },
      { id: 2, body: `${COMMENT_MARKER}\n旧报告`, user: BOT },
    ]);
    const result = await post(`${COMMENT_MARKER}\n新报告`);
    expect(result).toEqual({ action: 'update', id: 2 });
    expect(gh.state.comments[0]).toEqual({ id: 1, body: planted, user: MALLORY });
    expect(gh.requests.filter((r) => r.method === 'PATCH').map((r) => r.url)).toEqual(['/repos/acme/shop/issues/comments/2']);
  });

  it('creates its own comment when the only marked comment is a plant', async () => {
    await start([{ id: 1, body: `${COMMENT_MARKER}\n假报告`, user: MALLORY }]);
    expect(await post(`${COMMENT_MARKER}\n新报告`)).toEqual({ action: 'create' });
    expect(gh.state.comments.map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]']);
  });

  it('matches the login set in PAY_BOT_LOGIN (a GitHub App bot)', async () => {
    const app = { login: 'pay-bot[bot]' };
    await start([{ id: 1, body: `${COMMENT_MARKER}\n旧`, user: BOT }, { id: 2, body: `${COMMENT_MARKER}\n旧`, user: app }], { 'app-token': 'pay-bot[bot]' });
    expect(await post(`${COMMENT_MARKER}\n新`, [], { GITHUB_TOKEN: 'app-token', PAY_BOT_LOGIN: 'pay-bot[bot]' })).toEqual({ action: 'update', id: 2 });
  });

  it('finds the marker on a later page of comments', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, body: `comment ${i}`, user: MALLORY }));
    many[120] = { id: 121, body: `${COMMENT_MARKER}\n旧报告`, user: BOT };
    await start(many);
    const result = await post(`${COMMENT_MARKER}\n新报告`);
    expect(result).toEqual({ action: 'update', id: 121 });
    expect(gh.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
  });

  it('posts nothing when the report has no changes and no comment exists', async () => {
    await start([]);
    const result = await post(`${COMMENT_MARKER}\n无变化`, ['--unchanged']);
    expect(result).toEqual({ action: 'skip', reason: 'nothing_to_report' });
    expect(gh.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('says in one line that GITHUB_TOKEN is missing, and exits 1', async () => {
    await start([]);
    const file = join(dir, 'body.md');
    writeFileSync(file, 'x');
    const env = { ...process.env };
    delete env.GITHUB_TOKEN;
    const err = await run(process.execPath, ['scripts/post-comment.ts', '--repo', 'acme/shop', '--pr', '7', '--body-file', file, '--api-url', gh.url], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr.trim().split('\n')).toEqual(['错误: 缺少环境变量 GITHUB_TOKEN(只给发评论这一步设置)/ GITHUB_TOKEN is not set']);
    expect(gh.requests).toEqual([]);
  });
});

describe('decideCommentAction', () => {
  it('skips when the bot\'s marked comment already has the same body', () => {
    expect(decideCommentAction([{ id: 3, body: `${COMMENT_MARKER}x`, user: BOT }], COMMENT_MARKER, `${COMMENT_MARKER}x`, true)).toEqual({ action: 'skip', reason: 'unchanged' });
  });
  it('still updates an existing comment when the new report says nothing changed', () => {
    expect(decideCommentAction([{ id: 3, body: `${COMMENT_MARKER}old`, user: BOT }], COMMENT_MARKER, `${COMMENT_MARKER}无变化`, false)).toEqual({ action: 'update', id: 3 });
  });
  it('ignores a marked comment whose author is unknown (deleted account)', () => {
    expect(decideCommentAction([{ id: 3, body: `${COMMENT_MARKER}old`, user: null }], COMMENT_MARKER, `${COMMENT_MARKER}new`, true)).toEqual({ action: 'create' });
  });
});
