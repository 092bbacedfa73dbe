// Goldens are never written silently (vitest.config.ts `update`): a report that changes must fail
// its test on a developer's machine as in CI, and only `UPDATE_GOLDEN=1` may rewrite it. Vitest's
// own default outside CI writes a missing snapshot and passes, so this runs the project's config
// for real, on a throw-away project with one missing and one different golden, with CI unset.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'golden-mode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function project(): void {
  rmSync(join(dir, 'test'), { recursive: true, force: true });
  mkdirSync(join(dir, 'test/golden'), { recursive: true });
  cpSync(join(repo, 'vitest.config.ts'), join(dir, 'vitest.config.ts'));
  cpSync(join(repo, 'test/setup'), join(dir, 'test/setup'), { recursive: true });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'test/golden/changed.md'), '本月 ¥100.00\n');
  writeFileSync(
    join(dir, 'test/report.test.ts'),
    [
      "import { expect, it } from 'vitest';",
      "it('a golden that is missing', async () => { await expect('新报告\\n').toMatchFileSnapshot('./golden/missing.md'); });",
      "it('a golden that differs', async () => { await expect('本月 ¥120.00\\n').toMatchFileSnapshot('./golden/changed.md'); });",
      '',
    ].join('\n'),
  );
}

function vitest(env: Record<string, string>) {
  // No CI variables from the outer run: vitest would refuse to write snapshots there anyway.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['CI', 'GITHUB_ACTIONS', 'UPDATE_GOLDEN', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'NODE_ENV', 'TEST'].includes(k)));
  return spawnSync(process.execPath, [join(repo, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir], { cwd: dir, env: { ...clean, ...env }, encoding: 'utf8', timeout: 120_000 });
}

describe('golden files under the project config', () => {
  it('fails on a missing and on a different golden and writes neither, outside CI', () => {
    project();
    const r = vitest({});
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/2 failed/);
    expect(existsSync(join(dir, 'test/golden/missing.md'))).toBe(false);
    expect(readFileSync(join(dir, 'test/golden/changed.md'), 'utf8')).toBe('本月 ¥100.00\n');
  });

  it('rewrites both with UPDATE_GOLDEN=1, and the next plain run passes', () => {
    project();
    const r = vitest({ UPDATE_GOLDEN: '1' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'test/golden/missing.md'), 'utf8')).toBe('新报告\n');
    expect(readFileSync(join(dir, 'test/golden/changed.md'), 'utf8')).toBe('本月 ¥120.00\n');
    expect(vitest({}).status).toBe(0);
  });
});
