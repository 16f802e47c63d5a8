import { defineConfig } from 'vitest/config';

/** End-to-end tests: web mode in Debian's Chromium, driven by playwright-core. Run after `vite build`. */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
