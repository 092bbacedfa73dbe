// The preview server answers a malformed or hostile URL with an error status and keeps serving.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

describe('static preview server', () => {
  it('answers a malformed %-escape with 400 and a path outside the root with 404, then still serves', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pp-site-'));
    writeFileSync(join(root, 'index.html'), '<p>ok</p>');
    const { server, url } = await startStaticServer(root);
    try {
      expect((await fetch(`${url}%E0%A4%A`)).status).toBe(400);
      expect((await fetch(`${url}..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
      expect(await (await fetch(url)).text()).toBe('<p>ok</p>');
    } finally {
      server.close();
    }
  });

  it('rejects, instead of crashing, when the port is taken', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pp-site-'));
    const first = await startStaticServer(root);
    const port = Number(new URL(first.url).port);
    await expect(startStaticServer(root, port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    first.server.close();
  });
});
