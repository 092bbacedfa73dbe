// Vitest as StrykerJS runs it for the pay components (stryker.engine-pay.config.mjs): only the
// in-process engine tests whose figures are worked out by hand for one rule. Every replay test
// (properties, seeds, whole-sample goldens, replayOne) also covers every line of
// scripts/engine/pay/, so with them each mutant re-ran minutes of replays (about 3 mutants a
// minute); and a mutant should be killed by a test written for its rule, not by a figure the code
// itself produced.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/engine/*by-hand*.test.ts',
      'test/engine/pay/**/*.test.ts',
      'test/engine/line-data.test.ts',
      'test/engine/pay-components.test.ts',
      'test/engine/*-rules.test.ts',
      'test/engine/seed-semantics.test.ts',
      'test/engine/clawback.test.ts',
      'test/engine/plan-explanations.test.ts',
      'test/engine/month-state.test.ts',
    ],
    // reconcile-by-hand runs simulate in a child process, where no mutant is ever active.
    exclude: ['test/engine/reconcile-by-hand.test.ts'],
    testTimeout: 60_000,
    update: 'none',
    // Each run writes its throw-away files into a temp folder of its own, removed at the end.
    globalSetup: ['test/setup/private-tmp.ts'],
  },
});
