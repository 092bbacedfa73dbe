// Aliases need the secret in CI: real history without PAY_ALIAS_SECRET is refused there and
// warned about on a laptop; the bundled synthetic sample runs either way.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA, repoWith, simulate } from './throwaway-repo.ts';

describe('PAY_ALIAS_SECRET', () => {
  let repo: string;
  let realHistory: string;
  beforeAll(() => {
    repo = repoWith(() => {});
    realHistory = mkdtempSync(join(tmpdir(), 'history-'));
    cpSync(DATA, realHistory, { recursive: true });
  });

  it('refuses to replay real history in CI without the secret, saying how to set it (exit 1)', () => {
    for (const env of [{ CI: 'true' }, { GITHUB_ACTIONS: 'true', CI: undefined }]) {
      const r = simulate(repo, ['--data', realHistory], { ...env, PAY_ALIAS_SECRET: undefined });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('CI 中回放真实历史数据必须设置 PAY_ALIAS_SECRET');
      expect(r.stderr).toContain('Settings → Secrets and variables → Actions');
    }
  });

  it('runs in CI with the secret set', () => {
    const r = simulate(repo, ['--data', realHistory], { CI: 'true', PAY_ALIAS_SECRET: 'a-long-random-secret' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('runs the bundled sample in CI without the secret', () => {
    const r = simulate(repo, [], { CI: 'true', PAY_ALIAS_SECRET: undefined });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('warns on a laptop without the secret, and still writes the report', () => {
    const r = simulate(repo, ['--data', realHistory], { CI: undefined, GITHUB_ACTIONS: undefined, PAY_ALIAS_SECRET: undefined });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('警告:未设置 PAY_ALIAS_SECRET');
    expect(r.stdout).toContain('薪酬影响');
  });
});
