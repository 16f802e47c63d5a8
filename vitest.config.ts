import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

/**
 * Unit, data and component tests: every `*.test.ts` runs in Node, every `*.test.tsx` in jsdom.
 * End-to-end tests have their own config (vitest.e2e.config.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          // By glob, not by folder: a test in a new folder runs without anyone remembering to list it.
          include: ['**/*.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**', 'dist/**', 'release/**', '.tmp/**', '.tools/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['**/*.test.tsx'],
          exclude: ['**/node_modules/**', 'dist/**', 'release/**', '.tmp/**', '.tools/**'],
          setupFiles: ['tests/setup-dom.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
