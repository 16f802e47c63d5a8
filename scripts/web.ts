/**
 * `npm run web`: Carteira in the browser. Builds the renderer (skip with --no-build), then serves
 * it and the IPC contract from a loopback-only host. PORT (default 5180) and CARTEIRA_DATA_DIR
 * (default ./.carteira-data) configure it. It prints the link to open, with a random secret for
 * this launch (CARTEIRA_WEB_TOKEN gives a fixed one, for scripts): the host answers nobody without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startWebHost, webDataDir } from '../electron/web-host';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_PORT = 5180;

async function main(): Promise<void> {
  const rendererDir = join(ROOT, 'dist', 'renderer');
  if (!process.argv.includes('--no-build')) {
    const result = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  } else if (!existsSync(join(rendererDir, 'index.html'))) {
    console.warn(`No renderer build in ${rendererDir}; run without --no-build first.`);
  }
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const dataDir = webDataDir(process.env, process.cwd(), resolve);
  const token = process.env.CARTEIRA_WEB_TOKEN?.trim() || undefined;
  const host = await startWebHost({ port, dataDir, rendererDir, token });
  console.log(`Carteira (web mode) is running  —  data in ${dataDir}  —  Ctrl+C to stop`);
  console.log(`Open this link in your browser (it holds this launch's secret; keep it to yourself):\n\n    ${host.url}\n`);
  const stop = () => {
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
