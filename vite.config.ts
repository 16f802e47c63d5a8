import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

/** The renderer is built once and served by Electron's app:// protocol or by the web-mode host. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: {
        // The libraries every screen needs, in chunks of their own: they change less often than
        // the app's code, and no single chunk passes Vite's 500 kB warning.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(rxdb|dexie|rxjs)\//.test(id)) return 'vendor-data';
          if (/node_modules\/(@mantine|@floating-ui|@tabler)\//.test(id)) return 'vendor-ui';
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'vendor-react';
          return undefined;
        },
      },
    },
  },
  worker: { format: 'es' },
});
