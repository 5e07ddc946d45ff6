import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure modules (no browser): `npx vitest run --config web/vitest.config.ts`.
export default defineConfig({
  test: { root: import.meta.dirname, include: ['src/**/*.test.ts'] },
});
