// Vitest as StrykerJS runs it for policy/rules, history and report (docs/testing.md, "Round 3:
// policy/rules, history, report"): only the in-process tests written for those modules. Every
// replay test loads the policies and reads a history, so with the wider vitest.stryker.config.ts
// each rule or reader mutant would re-run replays that were never meant to judge it.
// PP_STRYKER_AREA=policy|history|report narrows it to one area's tests (one Stryker run per area).
import { defineConfig } from 'vitest/config';

const AREAS: Record<string, string[]> = {
  policy: ['test/policy/**/*.test.ts'],
  history: ['test/history/**/*.test.ts', 'test/import/convert-cell.test.ts', 'test/policy/hostile-files.test.ts'],
  report: ['test/report/**/*.test.ts', 'test/i18n/explain-messages.test.ts'],
  // The read cache alone: its own tests (the reader's are in 'history').
  cache: ['test/history/history-cache*.test.ts', 'test/history/row-columns.test.ts'],
};
const area = process.env.PP_STRYKER_AREA;

export default defineConfig({
  test: {
    include: area ? AREAS[area] : Object.values(AREAS).flat(),
    // sample-history reads the whole committed sample: it covers nearly every history-reader line.
    exclude: ['test/report/sample-report.test.ts', 'test/report/point-values-cli.test.ts', 'test/history/sample-history.test.ts'],
    // One module graph for all files: re-importing the policy loader and its schemas for each test
    // file was most of each mutant's time. Checked on decode-text.ts: the same 12 killed and 7
    // survivors as with isolated files.
    isolate: false,
    testTimeout: 60_000,
    update: 'none',
    // Each run writes its throw-away files into a temp folder of its own, removed at the end.
    globalSetup: ['test/setup/private-tmp.ts'],
  },
});
