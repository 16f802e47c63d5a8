import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServerConfigStore, normalizeServerUrl, SERVER_CONFIG_FILE_NAME } from './server-config';

let dir: string;
const warnings: string[] = [];
const warn = (message: string) => void warnings.push(message);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carteira-sync-config-'));
  warnings.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createServerConfigStore', () => {
  it('starts unconfigured, then persists a normalized config that a new store reads back', async () => {
    const store = createServerConfigStore({ dir: join(dir, 'nested'), warn });
    expect(await store.get()).toBeNull();
    const stored = await store.set({ url: 'HTTPS://Couch.Example.com:443/db/', team: 'acme', user: 'ana' });
    expect(stored).toEqual({ url: 'https://couch.example.com/db', team: 'acme', user: 'ana' });
    expect(JSON.parse(await readFile(join(dir, 'nested', SERVER_CONFIG_FILE_NAME), 'utf8'))).toEqual(stored);
    expect(await createServerConfigStore({ dir: join(dir, 'nested'), warn }).get()).toEqual(stored);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['an ftp URL', { url: 'ftp://couch.example.com', team: 'acme', user: 'ana' }],
    ['a URL with credentials', { url: 'http://ana:pw@couch.example.com', team: 'acme', user: 'ana' }],
    ['a URL with a query', { url: 'http://couch.example.com/?x=1', team: 'acme', user: 'ana' }],
    ['not a URL', { url: 'couch.example.com', team: 'acme', user: 'ana' }],
    ['an uppercase team', { url: 'https://couch.example.com', team: 'Acme', user: 'ana' }],
    ['a team starting with a digit', { url: 'https://couch.example.com', team: '1acme', user: 'ana' }],
    ['a team with a slash', { url: 'https://couch.example.com', team: 'acme/x', user: 'ana' }],
    ['an empty user', { url: 'https://couch.example.com', team: 'acme', user: ' ' }],
  ])('refuses %s with invalid_arguments and keeps the old config', async (_label, config) => {
    const store = createServerConfigStore({ dir, warn });
    const good = await store.set({ url: 'http://127.0.0.1:5984', team: 'acme', user: 'ana' });
    await expect(store.set(config)).rejects.toMatchObject({ code: 'invalid_arguments' });
    expect(await store.get()).toEqual(good);
  });

  it('treats an invalid file as unconfigured and says so', async () => {
    await writeFile(join(dir, SERVER_CONFIG_FILE_NAME), '{"url": "gopher://x", "team": "acme", "user": "ana"}');
    expect(await createServerConfigStore({ dir, warn }).get()).toBeNull();
    expect(warnings).toHaveLength(1);
  });

  it('normalizeServerUrl drops trailing slashes and default ports', () => {
    expect(normalizeServerUrl('http://127.0.0.1:5984/')).toBe('http://127.0.0.1:5984');
    expect(normalizeServerUrl('http://host:80//')).toBe('http://host');
    expect(normalizeServerUrl('https://host/a/b/')).toBe('https://host/a/b');
  });
});
