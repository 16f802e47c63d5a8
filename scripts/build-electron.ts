/**
 * Bundles Electron's main process and preload with esbuild (`npm run build:electron`).
 * Main: one CJS file with every dependency inlined except 'electron', so the packaged app needs no
 * node_modules. Preload: one CJS file requiring only 'electron', as a sandboxed preload must.
 */
import { build, type BuildOptions } from 'esbuild';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');

export interface BuildElectronOptions {
  /** Defaults to dist/electron in the project. */
  outDir?: string;
  /** Minify for packaging; off by default so stack traces stay readable. */
  minify?: boolean;
}

export interface BuiltElectron {
  mainFile: string;
  preloadFile: string;
}

export async function buildElectron({ outDir = resolve(ROOT, 'dist/electron'), minify = false }: BuildElectronOptions = {}): Promise<BuiltElectron> {
  const common: BuildOptions = {
    bundle: true,
    format: 'cjs',
    external: ['electron'],
    sourcemap: true,
    minify,
    logLevel: 'warning',
    absWorkingDir: ROOT,
  };
  const mainFile = resolve(outDir, 'main.cjs');
  const preloadFile = resolve(outDir, 'preload.cjs');
  await Promise.all([
    // Electron 45 ships Node 24 and Chromium 156 (keep both targets in step with package.json's electron).
    // PNGs (the tray icon) are inlined as data URLs: only dist/ is packaged.
    build({
      ...common,
      entryPoints: [resolve(ROOT, 'electron/main/main.ts')],
      outfile: mainFile,
      platform: 'node',
      target: 'node24',
      loader: { '.png': 'dataurl' },
    }),
    // The sandboxed preload runs in a renderer: browser platform, so nothing Node-only sneaks in.
    build({ ...common, entryPoints: [resolve(ROOT, 'electron/preload/index.ts')], outfile: preloadFile, platform: 'browser', target: 'chrome156' }),
  ]);
  return { mainFile, preloadFile };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildElectron({ minify: process.argv.includes('--minify') }).then(
    ({ mainFile, preloadFile }) => console.log(`Built ${mainFile} and ${preloadFile}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
