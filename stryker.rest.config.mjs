// StrykerJS for scripts/policy/rules, scripts/history and scripts/report: stryker.config.json with
// the narrower Vitest set of vitest.stryker-rest.config.ts (docs/testing.md, "Round 3: policy/rules,
// history, report"). Run as
// `PP_STRYKER_AREA=policy FC_RUNS=100 nice -n 15 npx stryker run stryker.rest.config.mjs --mutate "scripts/policy/rules/*.ts"`.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));
delete base.$schema;

export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'vitest.stryker-rest.config.ts' },
  incrementalFile: 'reports/stryker-incremental-rest.json',
  jsonReporter: { fileName: 'reports/mutation/mutation-rest.json' },
};
