// Vitest as StrykerJS runs it (stryker.config.json): the in-process tests only. Tests that spawn the
// CLI (and the browser tests) run code in a child process where no mutant is ever active, so they
// could only cost time; goldens are never rewritten by a mutant.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/compare/simulate-cli.test.ts', 'test/engine/explain-cli.test.ts', 'test/engine/reconcile-by-hand.test.ts'],
    testTimeout: 60_000,
    update: 'none',
  },
});
