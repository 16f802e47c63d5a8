/**
 * The packaging configuration is only exercised by `npm run dist`, which needs Electron's binary:
 * this loads electron-builder.yml as electron-builder would and checks what a user of the installed
 * app depends on (installers per OS, the hardened binary, the camera prompt, icons, backups).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const fuses = require('@electron/fuses') as typeof import('@electron/fuses');
const afterPackModule = require('../build/after-pack.cjs') as {
  (context: unknown): Promise<void>;
  FUSES: Record<string, boolean>;
};

const config = yaml.load(readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')) as any;

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('builds an installer for each desktop: NSIS on Windows, dmg on macOS, AppImage and deb on Linux', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('packs only the built dist folder into an asar archive', () => {
    expect(config.asar).toBe(true);
    const included = (config.files as string[]).filter((f) => !f.startsWith('!'));
    expect(included).toEqual(['dist/**', 'package.json']);
    expect(config.files).toContain('!node_modules/**/*');
  });

  it('runs the fuse hook after packing, and the hook file exists', () => {
    expect(config.afterPack).toBe('build/after-pack.cjs');
    expect(existsSync(resolve(ROOT, config.afterPack))).toBe(true);
    expect(typeof afterPackModule).toBe('function');
  });

  it('turns off every way to run the binary as plain Node and turns on the integrity checks', () => {
    expect(afterPackModule.FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
    for (const name of Object.keys(afterPackModule.FUSES)) expect(fuses.FuseV1Options).toHaveProperty(name);
  });

  it('signs macOS builds with the entitlements the camera needs and explains the camera prompt in Portuguese', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(resolve(ROOT, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.device.camera</key>');
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/câmera/);
  });

  it('opens Carteira backup files with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'carteira-backup', role: 'Editor' })]);
  });

  it('ships an icon at every size, each really that size', () => {
    expect(pngSize(resolve(ROOT, config.win.icon))).toEqual([512, 512]);
    expect(pngSize(resolve(ROOT, config.mac.icon))).toEqual([512, 512]);
    const iconsDir = resolve(ROOT, config.linux.icon);
    const files = readdirSync(iconsDir).sort((a, b) => parseInt(a) - parseInt(b));
    expect(files).toEqual(['16x16.png', '24x24.png', '32x32.png', '48x48.png', '64x64.png', '128x128.png', '256x256.png', '512x512.png', '1024x1024.png']);
    for (const file of files) {
      const size = parseInt(file);
      expect(pngSize(join(iconsDir, file))).toEqual([size, size]);
    }
  });
});

/** Where @electron/fuses finds the fuse wire in an Electron binary, and its on/off bytes ('1' / '0'). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;

describe('after-pack fuse hook', () => {
  /** A stand-in Electron binary: some bytes, the fuse sentinel, wire version 1, then 8 fuses all "inherit as shipped". */
  async function fakeElectronBinary(dir: string, name: string): Promise<string> {
    const wire = Buffer.from([1, 8, 49, 49, 49, 49, 48, 48, 48, 49]);
    const file = join(dir, name);
    await writeFile(file, Buffer.concat([Buffer.from('ELF...padding...'), Buffer.from(SENTINEL), wire, Buffer.from('...rest')]));
    return file;
  }

  it('flips the fuses in the packaged Linux executable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carteira-fuses-'));
    dirs.push(dir);
    const file = await fakeElectronBinary(dir, 'carteira');
    await afterPackModule({
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'Carteira' }, executableName: 'carteira' },
    });
    const wire = await fuses.getCurrentFuseWire(file);
    const options = fuses.FuseV1Options as unknown as Record<string, number>;
    const states = wire as unknown as Record<number, number>;
    for (const [name, on] of Object.entries(afterPackModule.FUSES)) expect(states[options[name]!], name).toBe(on ? ENABLE : DISABLE);
    // Fuses Carteira does not set keep what Electron shipped.
    expect(states[options.GrantFileProtocolExtraPrivileges!]).toBe(ENABLE);
  });

  it('finds the Windows executable by the product name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carteira-fuses-'));
    dirs.push(dir);
    const file = await fakeElectronBinary(dir, 'Carteira.exe');
    const before = readFileSync(file);
    await afterPackModule({
      appOutDir: dir,
      electronPlatformName: 'win32',
      arch: 1,
      packager: { appInfo: { productFilename: 'Carteira' }, executableName: 'carteira' },
    });
    expect(readFileSync(file).equals(before)).toBe(false);
    const wire = (await fuses.getCurrentFuseWire(file)) as unknown as Record<number, number>;
    expect(wire[(fuses.FuseV1Options as unknown as Record<string, number>).RunAsNode!]).toBe(DISABLE);
  });
});
