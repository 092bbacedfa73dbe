// StrykerJS for scripts/engine/pay/ (docs/testing.md, "Round 3: engine/pay"): the project's
// stryker.config.json with Vitest limited to the by-hand engine tests
// (vitest.stryker-engine-pay.config.ts) and its own incremental file.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'vitest.stryker-engine-pay.config.ts' },
  mutate: ['scripts/engine/pay/*.ts'],
  incrementalFile: 'reports/stryker-incremental-pay.json',
  jsonReporter: { fileName: 'reports/mutation/mutation-engine-pay.json' },
};
