import { defineConfig } from 'vite';
import { resolve } from 'node:path';

/**
 * The bench page (bench/page): a separate entry, built apart from the app so no bench code ships in
 * dist/renderer. bench/run.ts serves it at /bench/ beside a copy of the app (same origin, same IndexedDB).
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'bench/page'),
  base: './',
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/bench'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  logLevel: 'warn',
});
