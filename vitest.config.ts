import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests build the site and start Chromium: give them room, keep unit tests strict.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Goldens and snapshots are never written silently: a missing or different one fails, locally
    // as in CI. Rewrite them on purpose with `UPDATE_GOLDEN=1 npx vitest run <file>` (docs/testing.md).
    update: process.env.UPDATE_GOLDEN === '1' ? 'all' : 'none',
    // Each run writes its throw-away files into a temp folder of its own, removed at the end.
    globalSetup: ['test/setup/private-tmp.ts'],
  },
});
