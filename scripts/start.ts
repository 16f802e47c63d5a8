/**
 * `npm start`: builds the renderer and Electron bundles, makes sure Electron's binary is there
 * (it is downloaded on demand because `.npmrc` turns install scripts off), then runs the app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildElectron } from './build-electron';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

export const MISSING_ELECTRON_MESSAGE = `Electron's binary is not installed (no network?). Run "npm run web" to use Carteira in your browser.`;

export type ElectronBinaryStatus = { installed: true; path: string } | { installed: false; reason: string };

export interface DetectElectronDeps {
  /** node_modules/electron */
  packageDir: string;
  /** `require('electron')` in Node: the binary's path, or a throw when path.txt is missing. */
  loadPath: () => unknown;
  exists: (path: string) => boolean;
}

/** Whether Electron's binary can be run, without running it. */
export function detectElectronBinary({ packageDir, loadPath, exists }: DetectElectronDeps): ElectronBinaryStatus {
  if (!exists(join(packageDir, 'dist'))) return { installed: false, reason: `${join(packageDir, 'dist')} is missing` };
  let path: unknown;
  try {
    path = loadPath();
  } catch (error) {
    return { installed: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (typeof path !== 'string' || path === '') return { installed: false, reason: 'electron did not report a binary path' };
  if (!exists(path)) return { installed: false, reason: `${path} is missing` };
  return { installed: true, path };
}

function electronPackageDir(): string {
  return dirname(require.resolve('electron/package.json'));
}

function detectHere(): ElectronBinaryStatus {
  // Fresh load each time: a failed require is not cached, a path string may be stale after a download.
  return detectElectronBinary({
    packageDir: electronPackageDir(),
    loadPath: () => {
      delete require.cache[require.resolve('electron')];
      return require('electron') as unknown;
    },
    exists: existsSync,
  });
}

/** Runs Electron's own downloader once (works wherever GitHub or ELECTRON_MIRROR is reachable). */
function tryDownloadElectron(): void {
  console.log('Electron binary not found; trying to download it once…');
  spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], { cwd: ROOT, stdio: 'ignore', timeout: 10 * 60_000 });
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    run('npx', ['vite', 'build']);
    await buildElectron();
  }
  let status = detectHere();
  if (!status.installed) {
    tryDownloadElectron();
    status = detectHere();
  }
  if (!status.installed) {
    console.error(MISSING_ELECTRON_MESSAGE);
    process.exit(1);
  }
  const child = spawn(status.path, ['.'], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
