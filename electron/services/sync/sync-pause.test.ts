import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsService, SETTINGS_FILE_NAME } from '../settings';
import { createMemoryCredentialStore } from './credential-store';
import { createSyncService, settingsPauseStore } from './sync-service';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

/** One run of the app: its settings and sync service over the same user-data folder. */
function run(dir: string) {
  const settings = createSettingsService({ dir, warn: () => undefined });
  const sync = createSyncService({ dir, credentials: createMemoryCredentialStore(), warn: () => undefined, pauseStore: settingsPauseStore(settings) });
  return { settings, sync };
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}

describe('the tray pause across restarts', () => {
  it('stays paused after a restart until the user resumes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carteira-pause-'));
    folders.push(dir);

    const first = run(dir);
    expect((await first.sync.status()).paused).toBeUndefined();
    first.sync.command('pause');
    await waitFor(async () => (await first.settings.get()).syncPaused);
    // Changing another setting (the settings screen's patch leaves syncPaused out) keeps the pause.
    expect((await first.settings.set({ theme: 'dark' })).syncPaused).toBe(true);

    const second = run(dir);
    expect((await second.sync.status()).paused).toBe(true);
    expect(second.sync.paused).toBe(true);

    second.sync.command('resume');
    await waitFor(async () => !(await second.settings.get()).syncPaused);
    const third = run(dir);
    expect((await third.sync.status()).paused).toBeUndefined();
    expect(third.sync.paused).toBe(false);
  });

  it('reads a settings file from before the pause was kept as not paused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carteira-pause-'));
    folders.push(dir);
    await writeFile(join(dir, SETTINGS_FILE_NAME), JSON.stringify({ locale: 'en', theme: 'dark', userName: 'Ana', deviceId: 'dev1', welcomed: true }));
    const { settings, sync } = run(dir);
    expect((await settings.get()).syncPaused).toBe(false);
    expect((await sync.status()).paused).toBeUndefined();
    sync.command('pause');
    await waitFor(async () => JSON.parse(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8')).syncPaused === true);
  });

  it('a pause given before the saved one is read is the one that holds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carteira-pause-'));
    folders.push(dir);
    const { sync } = run(dir);
    sync.command('pause');
    expect((await sync.status()).paused).toBe(true);
  });
});
