import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests build the site and start Chromium: give them room, keep unit tests strict.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
