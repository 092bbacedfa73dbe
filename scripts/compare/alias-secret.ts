// Aliases are only as private as their key. In CI, real history without PAY_ALIAS_SECRET would be
// pseudonymised under the public default key (anyone who knows the roster ids can reverse every
// alias), so CI refuses; on a laptop it warns. The bundled synthetic sample needs no secret.
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../lib/user-error.ts';

/** The synthetic history shipped with the repository (`data/sample`), next to this code. */
export const BUNDLED_SAMPLE = resolve(import.meta.dirname, '../../data/sample');

function real(path: string): string {
  return existsSync(path) ? realpathSync(path) : resolve(path);
}

/** Whether `dataDir` is the bundled sample: this code's own copy, or `data/sample` of the checkout at `cwd`. */
export function isBundledSample(dataDir: string, cwd = process.cwd()): boolean {
  const d = real(dataDir);
  return d === real(BUNDLED_SAMPLE) || d === real(resolve(cwd, 'data/sample'));
}

export function inCi(env: NodeJS.ProcessEnv): boolean {
  const on = (v: string | undefined) => v !== undefined && v !== '' && v !== 'false' && v !== '0';
  return on(env.CI) || on(env.GITHUB_ACTIONS);
}

/**
 * Returns a warning to print, or throws in CI. `undefined` when the secret is set or the history is
 * the bundled sample.
 */
export function checkAliasSecret(dataDir: string, env: NodeJS.ProcessEnv, cwd = process.cwd()): string | undefined {
  if (env.PAY_ALIAS_SECRET || isBundledSample(dataDir, cwd)) return undefined;
  const how = '在仓库 Settings → Secrets and variables → Actions 中新建 secret `PAY_ALIAS_SECRET`(例如 `openssl rand -hex 32` 的输出),并只在回放步骤的 env 中传入;轮换方法见 docs/report.md';
  if (inCi(env)) {
    throw new UserError('CI 中回放真实历史数据必须设置 PAY_ALIAS_SECRET:否则化名使用公开的默认密钥,知道员工编号的人可以反推出每个人', how);
  }
  return `警告:未设置 PAY_ALIAS_SECRET,化名使用公开的默认密钥,可被反推;报告不要外传。${how}`;
}
