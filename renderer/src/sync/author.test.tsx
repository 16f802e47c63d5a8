import { afterEach, describe, expect, it } from 'vitest';
import type { CarteiraBridgeApi, SyncStatus } from '@shared/ipc';
import { currentAuthor, useSettingsStore } from '../app/settings-store';
import type { CarteiraDatabase } from '../db/types';
import { authorLabel, authorName } from './author';
import { createSyncController } from './sync-controller';
import { useSyncStore } from './sync-store';

const settings = (userName: string) => ({
  locale: 'pt-BR' as const,
  theme: 'auto' as const,
  userName,
  deviceId: 'dev-7f3a9c',
  welcomed: true,
  syncPaused: false,
  startAtLogin: false,
  updateUrl: '',
});

/** main as the renderer sees it: signed in to the team server as `user`; every database missing (no replication runs). */
function fakeMain(status: Partial<SyncStatus>): CarteiraBridgeApi {
  const full: SyncStatus = {
    configured: true,
    url: 'https://couch.example.com',
    team: 'acme',
    user: null,
    signedIn: false,
    roles: [],
    credentialsStored: false,
    credentialsPersistent: false,
    connectivity: 'online',
    ...status,
  };
  return {
    async invoke(channel) {
      if (channel === 'sync:status') return { ok: true, value: full };
      if (channel === 'sync:fetch') return { ok: true, value: { status: 404, headers: {}, body: '{"error":"not_found"}' } };
      return { ok: true, value: null };
    },
    on: () => () => {},
  };
}

/** Every database is missing on the server, so the opened one is never read. */
const noDatabase = { open: async () => ({ close: async () => true }) as unknown as CarteiraDatabase, onOpened: () => {} };

afterEach(() => {
  delete window.carteira;
  useSyncStore.setState({ user: null });
  useSettingsStore.setState({ settings: null });
});

describe('the author stamped on edits and shown on conflicts', () => {
  it('is the team server user (the server checks it), else the name set in Settings, else the device id', () => {
    expect(authorName('Ana Souza', 'ana', 'dev-1')).toBe('ana');
    expect(authorName('Ana Souza', null, 'dev-1')).toBe('Ana Souza');
    expect(authorName('', 'ana', 'dev-1')).toBe('ana');
    expect(authorName('   ', null, 'dev-1')).toBe('dev-1');
    expect(authorName(undefined, undefined, undefined)).toBe('local');
  });

  it('falls back to the signed-in sync user once sync starts, instead of the device id', async () => {
    useSettingsStore.setState({ settings: settings('') });
    expect(currentAuthor()).toBe('dev-7f3a9c');
    window.carteira = fakeMain({ user: 'ana.souza', signedIn: true });
    const controller = createSyncController(noDatabase);
    await controller.refresh();
    expect(currentAuthor()).toBe('ana.souza');
    // The server refuses a change by anyone but the signed-in user: the name in Settings does not replace it.
    useSettingsStore.setState({ settings: settings('Ana Souza') });
    expect(currentAuthor()).toBe('ana.souza');
    await controller.dispose();
  });

  it('does not use a configured user who is signed out (no session, no stored password)', async () => {
    useSettingsStore.setState({ settings: settings('') });
    window.carteira = fakeMain({ user: 'ana.souza', signedIn: false, credentialsStored: false });
    const controller = createSyncController(noDatabase);
    await controller.refresh();
    expect(currentAuthor()).toBe('dev-7f3a9c');
    await controller.dispose();
  });

  it('reads "Você" for any of this user\'s names, a colleague\'s name as is, and never a device id', () => {
    const labels = { you: 'Você', otherDevice: 'outro dispositivo', nobody: '—' };
    const self = ['ana', 'Ana Souza', '0mx567lanemg9rzfb8bso'];
    expect(authorLabel('ana', self, labels)).toBe('Você');
    expect(authorLabel('0mx567lanemg9rzfb8bso', self, labels)).toBe('Você');
    expect(authorLabel('bruno', self, labels)).toBe('bruno');
    expect(authorLabel('1ab567lanemg9rzfb8zzz', self, labels)).toBe('outro dispositivo');
    expect(authorLabel('  ', self, labels)).toBe('—');
  });
});
