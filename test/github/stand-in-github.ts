// A local stand-in for the parts of GitHub's REST API the workflow scripts use, with real HTTP:
// issue comments (paginated list, create, update), pull requests, their reviews and changed files,
// and team memberships. The token decides who the caller is, as on GitHub.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface User {
  login: string;
}
export interface Comment {
  id: number;
  body: string;
  user: User;
}
export interface Review {
  id: number;
  user: User;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  commit_id: string;
  submitted_at: string;
}
export interface PullRequest {
  number: number;
  title: string;
  user: User;
  head: { sha: string };
  merged: boolean;
  merged_at: string | null;
  merge_commit_sha: string | null;
}

export interface Recorded {
  method: string;
  url: string;
  auth: string | undefined;
  body: unknown;
}

export interface StandInState {
  repo: string;
  /** token → login of the caller (e.g. GITHUB_TOKEN → github-actions[bot]). */
  tokens: Record<string, string>;
  comments: Comment[];
  pulls: PullRequest[];
  reviews: Record<number, Review[]>;
  files: Record<number, string[]>;
  /** `org/team` → member logins. */
  teams: Record<string, string[]>;
}

export interface StandIn {
  url: string;
  state: StandInState;
  requests: Recorded[];
  close(): Promise<void>;
}

function page<T>(items: T[], url: URL): T[] {
  const n = Number(url.searchParams.get('page') ?? 1);
  const per = Number(url.searchParams.get('per_page') ?? 30);
  return items.slice((n - 1) * per, n * per);
}

export async function startStandIn(init: Partial<StandInState> = {}): Promise<StandIn> {
  const state: StandInState = { repo: 'acme/shop', tokens: { 'test-token': 'github-actions[bot]' }, comments: [], pulls: [], reviews: {}, files: {}, teams: {}, ...init };
  const requests: Recorded[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : undefined;
    requests.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
    const url = new URL(req.url!, 'http://x');
    const send = (status: number, data: unknown) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(data));
    };
    const caller = state.tokens[(req.headers.authorization ?? '').replace(/^Bearer /, '')];
    if (!caller) return send(401, { message: 'Bad credentials' });
    const p = url.pathname;
    const base = `/repos/${state.repo}`;
    let m: RegExpMatchArray | null;
    if ((m = p.match(new RegExp(`^${base}/issues/(\\d+)/comments$`)))) {
      if (req.method === 'GET') return send(200, page(state.comments, url));
      if (req.method === 'POST') {
        const c = { id: 1000 + state.comments.length, body: body.body, user: { login: caller } };
        state.comments.push(c);
        return send(201, c);
      }
    }
    if ((m = p.match(new RegExp(`^${base}/issues/comments/(\\d+)$`))) && req.method === 'PATCH') {
      const c = state.comments.find((x) => x.id === Number(m![1]));
      if (!c) return send(404, { message: 'Not Found' });
      // GitHub lets only the author (or an admin) edit a comment.
      if (c.user.login !== caller) return send(403, { message: 'Resource not accessible by integration' });
      c.body = body.body;
      return send(200, c);
    }
    if ((m = p.match(new RegExp(`^${base}/pulls/(\\d+)$`))) && req.method === 'GET') {
      const pr = state.pulls.find((x) => x.number === Number(m![1]));
      return pr ? send(200, pr) : send(404, { message: 'Not Found' });
    }
    if ((m = p.match(new RegExp(`^${base}/pulls/(\\d+)/reviews$`))) && req.method === 'GET') return send(200, page(state.reviews[Number(m[1])] ?? [], url));
    if ((m = p.match(new RegExp(`^${base}/pulls/(\\d+)/files$`))) && req.method === 'GET') {
      return send(200, page((state.files[Number(m[1])] ?? []).map((filename) => ({ filename, status: 'modified' })), url));
    }
    if ((m = p.match(/^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/)) && req.method === 'GET') {
      const members = state.teams[`${m[1]}/${m[2]}`];
      if (!members) return send(404, { message: 'Not Found' });
      return members.includes(decodeURIComponent(m[3]!)) ? send(200, { state: 'active', role: 'member' }) : send(404, { message: 'Not Found' });
    }
    send(404, { message: 'Not Found' });
  };
  // A handler that throws answers 500, so the client sees the failure instead of a hung request.
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ message: String(e) }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return { url, state, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}
