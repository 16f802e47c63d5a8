import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsService, SETTINGS_FILE_NAME } from '../settings';
import { followStartAtLogin } from './login-item';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function setup(platform = 'win32', existing?: object) {
  const dir = await mkdtemp(join(tmpdir(), 'carteira-login-'));
  folders.push(dir);
  if (existing) await writeFile(join(dir, SETTINGS_FILE_NAME), JSON.stringify(existing));
  const settings = createSettingsService({ dir, warn: () => undefined });
  const calls: Array<{ openAtLogin: boolean }> = [];
  const stop = followStartAtLogin({ setLoginItemSettings: (s) => calls.push(s), platform, settings, warn: () => undefined });
  await settings.get();
  await new Promise((r) => setTimeout(r, 0));
  return { settings, calls, stop };
}

describe('start at login', () => {
  it('is off by default, including for a settings file from before the option existed', async () => {
    const fresh = await setup();
    expect(fresh.calls).toEqual([{ openAtLogin: false }]);
    const old = await setup('darwin', { locale: 'en', theme: 'dark', userName: 'Ana', deviceId: 'dev1', welcomed: true });
    expect((await old.settings.get()).startAtLogin).toBe(false);
    expect(old.calls).toEqual([{ openAtLogin: false }]);
  });

  it('registers and unregisters the app with the OS as the setting changes, and not on other changes', async () => {
    const { settings, calls, stop } = await setup();
    await settings.set({ startAtLogin: true });
    await settings.set({ theme: 'dark' });
    await settings.set({ startAtLogin: false });
    expect(calls).toEqual([{ openAtLogin: false }, { openAtLogin: true }, { openAtLogin: false }]);
    stop();
    await settings.set({ startAtLogin: true });
    expect(calls).toHaveLength(3);
  });

  it('leaves the OS alone on Linux, where Electron cannot register it', async () => {
    const { settings, calls } = await setup('linux');
    await settings.set({ startAtLogin: true });
    expect(calls).toEqual([]);
  });
});
