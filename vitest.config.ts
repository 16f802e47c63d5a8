import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

/** Unit, data and component tests. End-to-end tests have their own config (vitest.e2e.config.ts). */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts', 'renderer/src/db/**/*.test.ts', 'renderer/src/sync/**/*.test.ts', 'renderer/src/search/**/*.test.ts', 'renderer/src/i18n/**/*.test.ts', 'renderer/src/features/**/*.test.ts', 'renderer/src/ui/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
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
          include: ['renderer/**/*.test.tsx'],
          setupFiles: ['tests/setup-dom.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
