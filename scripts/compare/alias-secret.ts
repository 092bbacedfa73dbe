// Aliases are only as private as their key. In CI, real history without PAY_ALIAS_SECRET would be
// pseudonymised under the public default key (anyone who knows the roster ids can reverse every
// alias), so CI refuses; on a laptop it warns. The bundled synthetic sample needs no secret.
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../lib/user-error.ts';
import { cliText } from '../i18n/cli-messages.ts';
import type { Lang } from '../i18n/catalogue.ts';

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
export function checkAliasSecret(dataDir: string, env: NodeJS.ProcessEnv, cwd = process.cwd(), lang: Lang = 'zh'): string | undefined {
  if (env.PAY_ALIAS_SECRET || isBundledSample(dataDir, cwd)) return undefined;
  const how = cliText('alias_secret_how', lang);
  if (inCi(env)) throw new UserError(cliText('alias_secret_ci', lang), how);
  return cliText('alias_secret_warning', lang, { how });
}
