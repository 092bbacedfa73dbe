// Every command as a newcomer meets it: --help answers and does nothing else, an unknown option is
// an error with a did-you-mean, every option is described in Chinese and English, --lang en has no
// Chinese left, no colour escapes, and a busy preview port is one line.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPTS = readdirSync(join(ROOT, 'scripts'))
  .filter((f) => f.endsWith('.ts'))
  .sort();
const HAN = /\p{Script=Han}/u;
const ESC = /\u001b\[/;
const STACK = /\n\s+at .*:\d+:\d+/;

function run(script: string, args: string[], cwd = ROOT, env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, GITHUB_TOKEN: undefined, FORCE_COLOR: '1', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function gitStatus(): string {
  return spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf8' }).stdout;
}

describe.each(SCRIPTS)('%s', (script) => {
  it('answers --help with usage, options and exit codes, exit 0, and changes nothing', () => {
    const before = gitStatus();
    const r = run(script, ['--help']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/用法: .+/);
    expect(r.stdout).toContain('-h, --help');
    expect(r.stdout).toMatch(/退出码:\n {2}0 +\S/);
    expect(r.stdout).toMatch(/\n {2}1 +\S/);
    expect(gitStatus()).toBe(before);
  });

  it('describes every option in Chinese and in English', () => {
    const options = run(script, ['--help']).stdout.split('选项:\n')[1]!.split('\n\n')[0]!;
    const rows = options.split(/\n(?= {2}-)/).filter((row) => !row.includes('--help'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row, row).toMatch(HAN);
      expect(row, row).toMatch(/\/ [A-Za-z]/);
    }
  });

  it('prints --help under --lang en without any Chinese', () => {
    const r = run(script, ['--help', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).not.toMatch(HAN);
  });

  it('rejects an unknown option in one line with a hint, exit 1, no stack', () => {
    const r = run(script, ['--no-such-option-here']);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('错误: 未知选项 `--no-such-option-here`');
    expect(lines.at(-1)).toMatch(/^ {2}提示: 查看全部选项:.+ --help$/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('emits no colour escapes into a pipe, even when asked for colour', () => {
    const r = run(script, ['--help'], ROOT, { NO_COLOR: '1' });
    expect(`${r.stdout}${r.stderr}`).not.toMatch(ESC);
    expect(`${run(script, ['--bogus']).stderr}`).not.toMatch(ESC);
  });
});

describe('a mistyped option', () => {
  it('names the option it meant: --reconcle → --reconcile', () => {
    const r = run('simulate.ts', ['--reconcle']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('是不是想写 `--reconcile`');
  });

  it('names the negated form of a boolean it meant: --no-cach → --no-cache', () => {
    const r = run('explain.ts', ['--agent', 'A017', '--period', '2026-10', '--no-cach']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('是不是想写 `--no-cache`');
  });

  it('says the same in English under --lang en, and nothing in Chinese', () => {
    const r = run('explain.ts', ['--agnt', 'A001', '--period', '2026-10', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('did you mean `--agent`?');
    expect(r.stderr).not.toMatch(HAN);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('reports every mistake, not only the first', () => {
    const r = run('generate.ts', ['--agnets', '5', 'stray']);
    expect(r.stderr).toContain('--agents');
    expect(r.stderr).toContain('`stray`');
    expect(r.stderr).toContain('--out');
  });
});

describe('preview', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const s of servers) s.close();
  });

  function site(): string {
    const dir = mkdtempSync(join(tmpdir(), 'pp-preview-'));
    mkdirSync(join(dir, 'site/dist'), { recursive: true });
    writeFileSync(join(dir, 'site/dist/index.html'), '<p>ok</p>');
    return dir;
  }

  async function busyPort(): Promise<number> {
    const server = createServer();
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const addr = server.address();
    if (typeof addr !== 'object' || !addr) throw new Error('no address');
    return addr.port;
  }

  it('says in one line that an asked-for port is busy and how to choose another, exit 1', async () => {
    const port = await busyPort();
    const r = run('serve-site.ts', ['--port', String(port)], site());
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toContain('EADDRINUSE\n');
    const [line, hint] = r.stderr.trim().split('\n');
    expect(line).toContain(`端口 ${port} 无法使用`);
    expect(hint).toContain(`--port ${port + 1}`);
  });

  it('serves on the port asked for', async () => {
    const dir = site();
    const port = await busyPort();
    servers.pop()!.close();
    await new Promise((done) => setTimeout(done, 50));
    const child = spawn(process.execPath, [join(ROOT, 'scripts/serve-site.ts'), '--port', String(port), '--lang', 'en'], { cwd: dir });
    try {
      const line = await new Promise<string>((done) => child.stdout.once('data', (b: Buffer) => done(b.toString())));
      expect(line).toContain(`http://127.0.0.1:${port}/`);
      expect(line).not.toMatch(HAN);
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('ok');
    } finally {
      child.kill();
    }
  });
});
