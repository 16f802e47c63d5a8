import { describe, expect, it } from 'vitest';
import { detectElectronBinary, MISSING_ELECTRON_MESSAGE } from './start';

const packageDir = '/repo/node_modules/electron';
const binary = `${packageDir}/dist/electron`;

describe('detectElectronBinary', () => {
  it('finds an installed binary', () => {
    const status = detectElectronBinary({ packageDir, loadPath: () => binary, exists: () => true });
    expect(status).toEqual({ installed: true, path: binary });
  });

  it('reports a missing dist folder without loading electron', () => {
    let loaded = false;
    const status = detectElectronBinary({ packageDir, loadPath: () => ((loaded = true), binary), exists: (p) => p !== `${packageDir}/dist` });
    expect(status).toEqual({ installed: false, reason: `${packageDir}/dist is missing` });
    expect(loaded).toBe(false);
  });

  it('reports the error electron throws when path.txt is missing', () => {
    const status = detectElectronBinary({
      packageDir,
      loadPath: () => {
        throw new Error('Electron failed to install correctly');
      },
      exists: () => true,
    });
    expect(status).toEqual({ installed: false, reason: 'Electron failed to install correctly' });
  });

  it('reports a path that points at nothing', () => {
    const status = detectElectronBinary({ packageDir, loadPath: () => binary, exists: (p) => p !== binary });
    expect(status.installed).toBe(false);
  });

  it('matches this machine, where the binary cannot be downloaded', async () => {
    const { existsSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const { dirname } = await import('node:path');
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('electron/package.json'));
    const status = detectElectronBinary({ packageDir: dir, loadPath: () => require('electron') as unknown, exists: existsSync });
    expect(status.installed).toBe(existsSync(`${dir}/dist`));
  });

  it('has a one-line message that points to web mode', () => {
    expect(MISSING_ELECTRON_MESSAGE).not.toContain('\n');
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm run web');
  });
});
