import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Generous: these guard against hangs, not speed (speed is measured by npm run bench).
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Two cores on CI: keep parallelism modest so server and browser tests are not starved.
    maxWorkers: 2,
  },
});
