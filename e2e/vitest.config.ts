import { defineConfig } from 'vitest/config';

// Browser specs: one real server process on a fresh embedded database per spec file, driven by
// Debian's Chromium through Playwright. Run with `npm run test:e2e` (builds the web app first).
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
