// The few GitHub REST calls the workflow scripts make, over plain fetch (no SDK): one authenticated
// request helper and pagination. The base URL is configurable so tests run against a local stand-in.
export interface GitHubClientOptions {
  apiUrl: string;
  token: string;
  repo: string; // owner/name
}

export class GitHubApiError extends Error {
  readonly status: number;
  constructor(method: string, path: string, status: number, text: string) {
    super(`GitHub API ${method} ${path} → ${status} ${text}`);
    this.name = 'GitHubApiError';
    this.status = status;
  }
}

export async function call(opts: GitHubClientOptions, method: string, path: string, body?: unknown): Promise<Response> {
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
  if (!res.ok) throw new GitHubApiError(method, path, res.status, await res.text());
  return res;
}

export async function getJson<T>(opts: GitHubClientOptions, path: string): Promise<T> {
  return (await (await call(opts, 'GET', path)).json()) as T;
}

/** Every item of a list endpoint, following `per_page`/`page`. */
export async function listAll<T>(opts: GitHubClientOptions, path: string): Promise<T[]> {
  const all: T[] = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let page = 1; page < 100; page++) {
    const batch = await getJson<T[]>(opts, `${path}${sep}per_page=100&page=${page}`);
    all.push(...batch);
    if (batch.length < 100) break;
  }
  return all;
}
