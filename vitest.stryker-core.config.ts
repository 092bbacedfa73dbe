// Vitest as StrykerJS runs it for the engine core (stryker.core.config.mjs): only the fast
// in-process engine tests written for a rule, each with its figures worked out by hand. The
// property tests, the seeds over the whole sample and replay-one's whole-sample check cover every
// engine line, so with them each engine mutant cost seconds (about 3 mutants a minute); and a
// mutant should be killed by a test written for its rule, not by a loop over generated data.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/engine/*by-hand*.test.ts',
      'test/engine/score-card-rules.test.ts',
      'test/engine/month-state.test.ts',
      'test/engine/ranking-rules.test.ts',
      'test/engine/reconcile-rules.test.ts',
      'test/engine/line-data.test.ts',
      'test/engine/seed-semantics.test.ts',
      'test/engine/seeds.test.ts',
      'test/engine/window.test.ts',
      'test/engine/pay-components.test.ts',
      'test/engine/plan-explanations.test.ts',
    ],
    // reconcile-by-hand runs the CLI in a child process, where no mutant is active.
    exclude: ['test/engine/reconcile-by-hand.test.ts'],
    testTimeout: 60_000,
    update: 'none',
    // Each run writes its throw-away files into a temp folder of its own, removed at the end.
    globalSetup: ['test/setup/private-tmp.ts'],
  },
});
