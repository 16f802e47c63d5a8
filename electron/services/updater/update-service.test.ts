import { EventEmitter } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/ipc';
import { createSettingsService } from '../settings';
import { createUpdateService, type UpdaterPort } from './update-service';

/** electron-updater's autoUpdater as the service sees it: the feed set, checks counted, events emitted by the test. */
class FakeUpdater extends EventEmitter {
  feeds: string[] = [];
  checks = 0;
  installs = 0;
  failNext: Error | null = null;
  setFeedURL(options: { provider: 'generic'; url: string }) {
    this.feeds.push(`${options.provider} ${options.url}`);
  }
  async checkForUpdates() {
    this.checks++;
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      throw e;
    }
    this.emit('checking-for-update');
    return null;
  }
  quitAndInstall() {
    this.installs++;
  }
}

async function setup(updateUrl = '') {
  const dir = await mkdtemp(join(tmpdir(), 'carteira-update-'));
  const settings = createSettingsService({ dir, warn: () => undefined });
  if (updateUrl) await settings.set({ updateUrl });
  const updater = new FakeUpdater();
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const service = createUpdateService({
    updater: updater as unknown as UpdaterPort,
    settings,
    now: () => 1_000,
    setInterval: (fn, ms) => {
      const t = { fn, ms, cleared: false, unref: () => undefined };
      timers.push(t);
      return t;
    },
    clearInterval: (t) => ((t as { cleared: boolean }).cleared = true),
    warn: () => undefined,
  });
  const seen: UpdateStatus[] = [];
  service.onChange((s) => seen.push(s));
  await new Promise((r) => setTimeout(r, 10));
  return { settings, updater, service, timers, seen };
}

describe('update service', () => {
  it('stays off, checking nothing, while no update server is set', async () => {
    const { updater, service, timers } = await setup();
    expect(service.status()).toMatchObject({ supported: true, state: 'off' });
    await service.check();
    expect(updater.checks).toBe(0);
    expect(updater.feeds).toEqual([]);
    expect(timers).toHaveLength(0);
  });

  it('with an address: sets the generic feed, checks at once and every 4 hours, and follows a changed address', async () => {
    const { settings, updater, service, timers } = await setup('https://updates.example.com/carteira');
    expect(updater.feeds).toEqual(['generic https://updates.example.com/carteira']);
    expect(updater.checks).toBe(1);
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(4 * 60 * 60 * 1000);
    updater.emit('update-not-available');
    expect(service.status()).toMatchObject({ state: 'idle', checkedAt: 1_000 });
    timers[0]!.fn();
    expect(updater.checks).toBe(2);
    updater.emit('update-not-available');

    await settings.set({ updateUrl: 'https://outro.example.com/c' });
    expect(updater.feeds.at(-1)).toBe('generic https://outro.example.com/c');
    expect(timers[0]!.cleared).toBe(true);
    expect(updater.checks).toBe(3);
    updater.emit('update-not-available');

    await settings.set({ updateUrl: '' });
    expect(service.status().state).toBe('off');
    expect(timers[1]!.cleared).toBe(true);
  });

  it('downloads in the background and waits for the user: nothing installs until install() is called', async () => {
    const { updater, service, seen } = await setup('https://updates.example.com/c');
    updater.emit('update-available', { version: '1.4.0' });
    updater.emit('download-progress', { percent: 42.5 });
    expect(service.status()).toMatchObject({ state: 'downloading', version: '1.4.0', percent: 42.5 });
    updater.emit('update-downloaded', { version: '1.4.0' });
    expect(service.status()).toMatchObject({ state: 'ready', version: '1.4.0' });
    expect(seen.at(-1)!.state).toBe('ready');
    expect(updater.installs).toBe(0);
    // A later check or error does not hide the version waiting for a restart.
    updater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    expect(service.status().state).toBe('ready');
    expect(service.install()).toEqual({ restarting: true });
    expect(updater.installs).toBe(1);
  });

  it('refuses to install when no version is ready, and reports a failed check', async () => {
    const { updater, service } = await setup('https://updates.example.com/c');
    expect(service.install()).toEqual({ restarting: false });
    expect(updater.installs).toBe(0);
    updater.emit('update-not-available');
    updater.failNext = new Error('HttpError: 404 latest.yml');
    await service.check();
    expect(service.status()).toMatchObject({ state: 'error', error: 'HttpError: 404 latest.yml' });
  });

  it('without an updater (web mode, a development run): unsupported and inert', async () => {
    const service = createUpdateService();
    expect(service.status()).toEqual({ supported: false, state: 'off', checkedAt: 0 });
    expect(await service.check()).toMatchObject({ state: 'off' });
    expect(service.install()).toEqual({ restarting: false });
  });
});
