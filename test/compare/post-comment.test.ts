import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { decideCommentAction } from '../../scripts/github/sticky-comment.ts';
import { COMMENT_MARKER } from '../../scripts/report/render-markdown.ts';

const run = promisify(execFile);

interface Recorded {
  method: string;
  url: string;
  auth: string | undefined;
  body: unknown;
}

/** A stand-in for GitHub's REST API: issue comments with pagination, POST and PATCH. */
function fakeGitHub(initial: { id: number; body: string }[]) {
  const comments = [...initial];
  const requests: Recorded[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : undefined;
    requests.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
    const url = new URL(req.url!, 'http://x');
    const list = url.pathname.match(/^\/repos\/acme\/shop\/issues\/(\d+)\/comments$/);
    const one = url.pathname.match(/^\/repos\/acme\/shop\/issues\/comments\/(\d+)$/);
    res.setHeader('content-type', 'application/json');
    if (list && req.method === 'GET') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const per = Number(url.searchParams.get('per_page') ?? 30);
      res.end(JSON.stringify(comments.slice((page - 1) * per, page * per)));
    } else if (list && req.method === 'POST') {
      const c = { id: 1000 + comments.length, body: body.body };
      comments.push(c);
      res.statusCode = 201;
      res.end(JSON.stringify(c));
    } else if (one && req.method === 'PATCH') {
      const c = comments.find((x) => x.id === Number(one[1]));
      if (!c) {
        res.statusCode = 404;
        res.end('{"message":"Not Found"}');
        return;
      }
      c.body = body.body;
      res.end(JSON.stringify(c));
    } else {
      res.statusCode = 404;
      res.end('{"message":"Not Found"}');
    }
  };
  // A handler that throws answers 500, so the client sees the failure instead of a hung request.
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ message: String(e) }));
    });
  });
  return { server, comments, requests };
}

let gh: ReturnType<typeof fakeGitHub>;
let apiUrl: string;
const dir = mkdtempSync(join(tmpdir(), 'post-comment-'));

async function start(initial: { id: number; body: string }[]) {
  gh = fakeGitHub(initial);
  await new Promise<void>((r) => gh.server.listen(0, '127.0.0.1', r));
  const addr = gh.server.address();
  apiUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}

async function post(body: string, extra: string[] = []) {
  const file = join(dir, 'body.md');
  writeFileSync(file, body);
  const { stdout } = await run(process.execPath, ['scripts/post-comment.ts', '--repo', 'acme/shop', '--pr', '7', '--body-file', file, '--api-url', apiUrl, ...extra], {
    env: { ...process.env, GITHUB_TOKEN: 'test-token' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

afterEach(async () => {
  await new Promise((r) => gh.server.close(r));
});

describe('post-comment against a stand-in GitHub API', () => {
  it('creates the comment when none carries the marker', async () => {
    await start([{ id: 1, body: 'LGTM' }]);
    const result = await post(`${COMMENT_MARKER}\n新报告`);
    expect(result).toEqual({ action: 'create' });
    expect(gh.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(['GET /repos/acme/shop/issues/7/comments', 'POST /repos/acme/shop/issues/7/comments']);
    expect(gh.requests[1]?.auth).toBe('Bearer test-token');
    expect(gh.comments).toHaveLength(2);
  });

  it('updates the marked comment in place instead of adding a second one', async () => {
    await start([{ id: 1, body: 'LGTM' }, { id: 2, body: `${COMMENT_MARKER}\n旧报告` }]);
    const result = await post(`${COMMENT_MARKER}\n新报告`);
    expect(result).toEqual({ action: 'update', id: 2 });
    expect(gh.requests.at(-1)).toMatchObject({ method: 'PATCH', url: '/repos/acme/shop/issues/comments/2', body: { body: `${COMMENT_MARKER}\n新报告` } });
    expect(gh.comments.map((c) => c.body)).toEqual(['LGTM', `${COMMENT_MARKER}\n新报告`]);
  });

  it('finds the marker on a later page of comments', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, body: `comment ${i}` }));
    many[120] = { id: 121, body: `${COMMENT_MARKER}\n旧报告` };
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
});

describe('decideCommentAction', () => {
  it('skips when the marked comment already has the same body', () => {
    expect(decideCommentAction([{ id: 3, body: `${COMMENT_MARKER}x` }], COMMENT_MARKER, `${COMMENT_MARKER}x`, true)).toEqual({ action: 'skip', reason: 'unchanged' });
  });
  it('still updates an existing comment when the new report says nothing changed', () => {
    expect(decideCommentAction([{ id: 3, body: `${COMMENT_MARKER}old` }], COMMENT_MARKER, `${COMMENT_MARKER}无变化`, false)).toEqual({ action: 'update', id: 3 });
  });
});
