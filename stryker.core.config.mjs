// StrykerJS for the engine core (scripts/engine/*.ts): stryker.config.json with the fast Vitest
// set of vitest.stryker-core.config.ts (docs/testing.md, "Round 3: engine core"). Run as
// `FC_RUNS=100 nice -n 15 npx stryker run stryker.core.config.mjs --mutate <files> --incrementalFile reports/stryker-incremental-core.json`.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));
delete base.$schema;

export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'vitest.stryker-core.config.ts' },
  incrementalFile: 'reports/stryker-incremental-core.json',
  jsonReporter: { fileName: 'reports/mutation/mutation-core.json' },
};
