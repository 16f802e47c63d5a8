import { mkdtemp, readFile, readdir, rm, writeFile, mkdir, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appSettings } from '../../../shared/ipc';
import { createSettingsService, CORRUPT_SETTINGS_FILE_NAME, SETTINGS_FILE_NAME } from './settings-service';
import { writeFileAtomic } from './atomic-write';

const FIXED_NOW = Date.UTC(2025, 0, 2, 3, 4, 5);
let dir: string;
const warnings: string[] = [];
const warn = (m: string) => void warnings.push(m);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carteira-settings-'));
  warnings.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readSettingsFile(): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8'));
}

describe('createSettingsService', () => {
  it('creates defaults with a device id made once from the clock, and persists them', async () => {
    const service = createSettingsService({ dir, now: () => FIXED_NOW, warn });
    const settings = await service.get();
    expect(settings).toMatchObject({ locale: 'pt-BR', theme: 'auto', userName: '' });
    expect(settings.deviceId).toMatch(/^[0-9a-z]{21}$/);
    expect(settings.deviceId.slice(0, 9)).toBe(FIXED_NOW.toString(36).padStart(9, '0'));
    expect(await readSettingsFile()).toEqual(settings);

    const reopened = createSettingsService({ dir, now: () => FIXED_NOW + 1000, warn });
    expect((await reopened.get()).deviceId).toBe(settings.deviceId);
    expect(warnings).toEqual([]);
  });

  it('starts a fresh install at the welcome; a patch without it leaves it; answering it sticks', async () => {
    const service = createSettingsService({ dir, warn });
    expect((await service.get()).welcomed).toBe(false);
    expect((await service.set({ userName: 'Ana' })).welcomed).toBe(false);
    expect((await service.set({ welcomed: true })).welcomed).toBe(true);
    expect((await service.set({ theme: 'dark' })).welcomed).toBe(true);
    expect(await createSettingsService({ dir, warn }).get()).toMatchObject({ welcomed: true, userName: 'Ana', theme: 'dark' });
  });

  it('takes a settings file from before the welcome as a returning user, without calling it corrupt', async () => {
    await writeFile(join(dir, SETTINGS_FILE_NAME), JSON.stringify({ locale: 'pt-BR', theme: 'auto', userName: 'Bia', deviceId: 'device-9' }));
    expect(await createSettingsService({ dir, warn }).get()).toEqual({
      locale: 'pt-BR',
      theme: 'auto',
      userName: 'Bia',
      deviceId: 'device-9',
      welcomed: true,
      syncPaused: false,
      startAtLogin: false,
      updateUrl: '',
    });
    expect(warnings).toEqual([]);
  });

  it('creates the user-data folder when it does not exist yet', async () => {
    const nested = join(dir, 'a', 'b');
    const service = createSettingsService({ dir: nested, warn });
    await service.get();
    expect(await readdir(nested)).toEqual([SETTINGS_FILE_NAME]);
  });

  it('applies a patch, persists it, and leaves no temp files behind', async () => {
    const service = createSettingsService({ dir, warn });
    const before = await service.get();
    const after = await service.set({ userName: 'Ana Souza', theme: 'dark' });
    expect(after).toEqual({ ...before, userName: 'Ana Souza', theme: 'dark' });
    expect(await readSettingsFile()).toEqual(after);
    expect(await service.get()).toEqual(after);
    expect(await readdir(dir)).toEqual([SETTINGS_FILE_NAME]);
  });

  it('leaves a setting sent as undefined unchanged (Electron IPC keeps such keys; found by the IPC fuzz test)', async () => {
    const service = createSettingsService({ dir, warn });
    await service.set({ theme: 'dark' });
    expect(await service.set({ theme: undefined, userName: 'Ana' })).toMatchObject({ theme: 'dark', userName: 'Ana' });
  });

  it('keeps concurrent sets in call order', async () => {
    const service = createSettingsService({ dir, warn });
    await Promise.all([service.set({ userName: 'first' }), service.set({ userName: 'second' }), service.set({ locale: 'en' })]);
    expect(await readSettingsFile()).toMatchObject({ userName: 'second', locale: 'en' });
  });

  it('refuses an invalid patch and never changes the device id', async () => {
    const service = createSettingsService({ dir, warn });
    const before = await service.get();
    await expect(service.set({ locale: 'fr' } as never)).rejects.toThrow();
    await expect(service.set({ deviceId: 'stolen' } as never)).rejects.toThrow();
    expect(await service.get()).toEqual(before);
  });

  it('notifies listeners after a change, not after a no-op, and stops after unsubscribe', async () => {
    const service = createSettingsService({ dir, warn });
    const seen: string[] = [];
    const unsubscribe = service.onChange((s) => seen.push(s.theme));
    await service.set({ theme: 'light' });
    await service.set({ theme: 'light' });
    unsubscribe();
    await service.set({ theme: 'dark' });
    expect(seen).toEqual(['light']);
  });

  it('a throwing listener does not break set or other listeners', async () => {
    const service = createSettingsService({ dir, warn });
    const seen: string[] = [];
    service.onChange(() => {
      throw new Error('boom');
    });
    service.onChange((s) => seen.push(s.userName));
    await expect(service.set({ userName: 'Bia' })).resolves.toMatchObject({ userName: 'Bia' });
    expect(seen).toEqual(['Bia']);
    expect(warnings.join()).toContain('boom');
  });

  it('falls back to defaults on unparseable JSON and keeps a .corrupt copy', async () => {
    await writeFile(join(dir, SETTINGS_FILE_NAME), '{"locale": "en", "theme"');
    const service = createSettingsService({ dir, warn });
    const settings = await service.get();
    expect(appSettings.parse(settings)).toMatchObject({ locale: 'pt-BR', theme: 'auto', userName: '' });
    expect(await readFile(join(dir, CORRUPT_SETTINGS_FILE_NAME), 'utf8')).toBe('{"locale": "en", "theme"');
    expect(await readSettingsFile()).toEqual(settings);
    expect(warnings).toHaveLength(1);
  });

  it('salvages the valid fields (above all the device id) of a partly invalid file', async () => {
    await writeFile(join(dir, SETTINGS_FILE_NAME), JSON.stringify({ locale: 'xx', theme: 'dark', userName: 7, deviceId: 'device-1' }));
    const settings = await createSettingsService({ dir, warn }).get();
    expect(settings).toEqual({
      locale: 'pt-BR',
      theme: 'dark',
      userName: '',
      deviceId: 'device-1',
      welcomed: true,
      syncPaused: false,
      startAtLogin: false,
      updateUrl: '',
    });
    expect(await readdir(dir)).toContain(CORRUPT_SETTINGS_FILE_NAME);
  });

  it('treats a non-object file as corrupt', async () => {
    await writeFile(join(dir, SETTINGS_FILE_NAME), '[1,2,3]');
    const settings = await createSettingsService({ dir, warn }).get();
    expect(settings.deviceId).not.toBe('');
    expect(await readdir(dir)).toContain(CORRUPT_SETTINGS_FILE_NAME);
  });

  it('ignores unknown keys a newer version may have written', async () => {
    const stored = { locale: 'en', theme: 'light', userName: 'Caio', deviceId: 'd1', futureOption: true };
    await writeFile(join(dir, SETTINGS_FILE_NAME), JSON.stringify(stored));
    expect(await createSettingsService({ dir, warn }).get()).toEqual({
      locale: 'en',
      theme: 'light',
      userName: 'Caio',
      deviceId: 'd1',
      welcomed: true,
      syncPaused: false,
      startAtLogin: false,
      updateUrl: '',
    });
    expect(await readdir(dir)).not.toContain(CORRUPT_SETTINGS_FILE_NAME);
  });

  it('survives an unreadable settings path (a directory) without crashing', async () => {
    await mkdir(join(dir, SETTINGS_FILE_NAME));
    const service = createSettingsService({ dir, warn });
    const settings = await service.get();
    expect(settings.locale).toBe('pt-BR');
    expect(await readdir(dir)).toContain(CORRUPT_SETTINGS_FILE_NAME);
    expect(await service.set({ userName: 'Duda' })).toMatchObject({ userName: 'Duda' });
    expect(await readSettingsFile()).toMatchObject({ userName: 'Duda' });
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'starts from memory when the folder is read-only, and set reports the failure',
    async () => {
      await chmod(dir, 0o500);
      try {
        const service = createSettingsService({ dir, warn });
        expect((await service.get()).locale).toBe('pt-BR');
        await expect(service.set({ userName: 'x' })).rejects.toThrow();
      } finally {
        await chmod(dir, 0o700);
      }
    },
  );
});

describe('writeFileAtomic', () => {
  it('replaces the whole file and removes its temp file when the rename fails', async () => {
    const target = join(dir, 'out.json');
    await writeFileAtomic(target, 'one');
    await writeFileAtomic(target, 'two');
    expect(await readFile(target, 'utf8')).toBe('two');

    const blocked = join(dir, 'blocked');
    await mkdir(join(blocked, 'x'), { recursive: true });
    await expect(writeFileAtomic(blocked, 'data')).rejects.toThrow();
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
