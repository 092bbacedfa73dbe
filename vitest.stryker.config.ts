// Vitest as StrykerJS runs it (stryker.config.json): the in-process tests only. Tests that spawn the
// CLI (and the browser tests) run code in a child process where no mutant is ever active, so they
// could only cost time. Whole-history tests (the sample report golden, the 600 × 36 replayPair
// checksum, the 1,000 replay windows) and the catalogue's fixture census are left out too: they
// replay or load everything for every mutant (minutes each), and a mutant should be killed by a
// test written for its rule, not by output the code itself produced.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/compare/simulate-cli.test.ts', 'test/engine/explain-cli.test.ts', 'test/engine/reconcile-by-hand.test.ts', 'test/report/sample-report.test.ts', 'test/compare/compare-pair.test.ts', 'test/compare/impact-checksum-4000.test.ts', 'test/engine/window-independence.test.ts', 'test/i18n/catalogue.test.ts'],
    testTimeout: 60_000,
    update: 'none',
    // Each run writes its throw-away files into a temp folder of its own, removed at the end.
    globalSetup: ['test/setup/private-tmp.ts'],
  },
});
