import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import { dispatch, ipcContract, ipcEventContract } from '../../shared/ipc';
import { createHandlers, forwardIpcEvents } from './handlers';
import { createTestServices } from './test-services';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function setup() {
  const services = await createTestServices();
  dirs.push(services.dir);
  return { services, handlers: createHandlers(services) };
}

describe('createHandlers', () => {
  it('answers app:diagnostics with versions and sync flags but no server, team, user or client data', async () => {
    const { services } = await setup();
    const handlers = createHandlers({
      ...services,
      diagnostics: {
        versions: () => ({ electron: '40.8.5', chrome: '144.0.0.0', node: '22.20.0', os: '6.1' }),
        recentErrors: () => ['push failed for contato@cliente.com.br'],
      },
    });
    await dispatch(handlers, 'sync:setConfig', [{ url: 'http://127.0.0.1:5984', team: 'vendas-sul', user: 'ana.souza' }]);
    const result = await dispatch(handlers, 'app:diagnostics', []);
    const { text } = ipcContract['app:diagnostics'].result.parse(result.ok && result.value);
    expect(text).toContain('Carteira 0.0.0-test');
    expect(text).toContain('Electron 40.8.5 · Chromium 144.0.0.0 · Node 22.20.0');
    expect(text).toContain('Sincronização: configurada, não conectado');
    expect(text).toContain('push failed for [e-mail]');
    for (const secret of ['127.0.0.1:5984', 'vendas-sul', 'ana.souza', 'cliente.com.br']) expect(text).not.toContain(secret);
  });

  it('implements exactly the channels of the contract', async () => {
    const { handlers } = await setup();
    expect(Object.keys(handlers).sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('answers every channel with a result valid against the contract', async () => {
    const { handlers } = await setup();
    const info = await dispatch(handlers, 'app:info', []);
    expect(info.ok && ipcContract['app:info'].result.parse(info.value).version).toBe('0.0.0-test');
    const set = await dispatch(handlers, 'settings:set', [{ locale: 'en' }]);
    expect(set.ok && ipcContract['settings:set'].result.parse(set.value).locale).toBe('en');
    const get = await dispatch(handlers, 'settings:get', []);
    expect(get).toEqual(set);
  });

  it('reports a schema violation as invalid_arguments without reaching the service', async () => {
    const { handlers, services } = await setup();
    const result = await dispatch(handlers, 'settings:set', [{ deviceId: 'x' }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect((await services.settings.get()).deviceId).not.toBe('x');
  });
});

describe('sync handlers', () => {
  it.each([
    ['a method outside the enum', [{ url: 'http://127.0.0.1:5984/acme-accounts/', method: 'PATCH', headers: {}, body: null }]],
    ['COPY', [{ url: 'http://127.0.0.1:5984/acme-accounts/x', method: 'COPY', headers: {}, body: null }]],
    ['a missing body', [{ url: 'http://127.0.0.1:5984/acme-accounts/', method: 'GET', headers: {} }]],
    ['a non-string header', [{ url: 'http://127.0.0.1:5984/acme-accounts/', method: 'GET', headers: { accept: 1 }, body: null }]],
    ['a numeric body', [{ url: 'http://127.0.0.1:5984/acme-accounts/', method: 'POST', headers: {}, body: 42 }]],
    ['an extra key', [{ url: 'http://127.0.0.1:5984/acme-accounts/', method: 'GET', headers: {}, body: null, credentials: 'include' }]],
    ['no argument', []],
  ])('sync:fetch answers invalid_arguments for %s without fetching', async (_label, args) => {
    let fetched = 0;
    const services = await createTestServices({ fetch: async () => (fetched++, new Response('{}')) });
    dirs.push(services.dir);
    await services.sync.setConfig({ url: 'http://127.0.0.1:5984', team: 'acme', user: 'ana' });
    expect(await dispatch(createHandlers(services), 'sync:fetch', args)).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(fetched).toBe(0);
  });

  it.each([
    ['a file: URL', { url: 'file:///etc/passwd', team: 'acme', user: 'ana' }],
    ['credentials in the URL', { url: 'http://ana:pw@127.0.0.1:5984', team: 'acme', user: 'ana' }],
    ['a bad team id', { url: 'http://127.0.0.1:5984', team: '../etc', user: 'ana' }],
  ])('sync:setConfig answers invalid_arguments for %s and stores nothing', async (_label, config) => {
    const { handlers } = await setup();
    expect(await dispatch(handlers, 'sync:setConfig', [config])).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(await dispatch(handlers, 'sync:getConfig', [])).toEqual({ ok: true, value: null });
  });

  it('answers the sync channels with results valid against the contract, and forbidden_url as a coded error', async () => {
    const { handlers } = await setup();
    const config = { url: 'http://127.0.0.1:5984/', team: 'acme', user: 'ana' };
    const set = await dispatch(handlers, 'sync:setConfig', [config]);
    expect(set.ok && ipcContract['sync:setConfig'].result.parse(set.value)).toEqual({ ...config, url: 'http://127.0.0.1:5984' });
    const status = await dispatch(handlers, 'sync:status', []);
    expect(status.ok && ipcContract['sync:status'].result.parse(status.value)).toMatchObject({
      configured: true,
      signedIn: false,
      credentialsPersistent: false,
    });
    expect(await dispatch(handlers, 'sync:fetch', [{ url: 'http://127.0.0.1:5984/_users/', method: 'GET', headers: {}, body: null }])).toMatchObject({
      ok: false,
      error: { code: 'forbidden_url' },
    });
    expect(await dispatch(handlers, 'sync:signOut', [])).toEqual({ ok: true, value: null });
    expect(await dispatch(handlers, 'sync:flushed', [])).toEqual({ ok: true, value: null });
  });
});

describe('forwardIpcEvents', () => {
  it('emits sync:flush when quitting and resolves once sync:flushed arrives', async () => {
    const { services, handlers } = await setup();
    const seen: Array<[string, unknown]> = [];
    const disconnect = forwardIpcEvents(services, (event, payload) => {
      seen.push([event, payload]);
      if (event === 'sync:flush') void dispatch(handlers, 'sync:flushed', []);
    });
    expect(await services.sync.flushBeforeQuit(3_000)).toBe('flushed');
    disconnect();
    expect(seen).toEqual([['sync:flush', { reason: 'quit', timeoutMs: 3_000 }]]);
    expect(ipcEventContract['sync:flush'].parse(seen[0]![1])).toBeTruthy();
  });

  it('emits sync:connectivity when the server stops answering', async () => {
    const services = await createTestServices({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    dirs.push(services.dir);
    await services.sync.setConfig({ url: 'http://127.0.0.1:5984', team: 'acme', user: 'ana' });
    const seen: Array<[string, unknown]> = [];
    const disconnect = forwardIpcEvents(services, (event, payload) => seen.push([event, payload]));
    services.sync.start();
    await expect.poll(() => seen.length).toBe(1);
    services.sync.stop();
    disconnect();
    expect(seen).toEqual([['sync:connectivity', { state: 'offline' }]]);
  });

  it('emits sync:statusChanged when a change of server settings changed the status, before the call returns, and sync:command from the tray', async () => {
    const { services, handlers } = await setup();
    const seen: Array<[string, unknown]> = [];
    const disconnect = forwardIpcEvents(services, (event, payload) => seen.push([event, payload]));
    await dispatch(handlers, 'sync:setConfig', [{ url: 'http://127.0.0.1:5984', team: 'acme', user: 'ana' }]);
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toBe('sync:statusChanged');
    expect(ipcEventContract['sync:statusChanged'].parse(seen[0]![1])).toMatchObject({ configured: true, team: 'acme', user: 'ana', signedIn: false });
    // The same settings again change nothing, so nothing is told.
    await dispatch(handlers, 'sync:setConfig', [{ url: 'http://127.0.0.1:5984', team: 'acme', user: 'ana' }]);
    await dispatch(handlers, 'sync:setConfig', [{ url: 'http://127.0.0.1:5984', team: 'vendas', user: 'ana' }]);
    expect(seen.map(([, p]) => (p as { team: string }).team)).toEqual(['acme', 'vendas']);
    services.sync.command('pause');
    expect(services.sync.paused).toBe(true);
    services.sync.command('syncNow');
    disconnect();
    services.sync.command('resume');
    expect(seen.slice(2)).toEqual([
      ['sync:command', { command: 'pause' }],
      ['sync:command', { command: 'syncNow' }],
    ]);
    expect(services.sync.paused).toBe(false);
  });

  it('emits settings:changed after a set, until disconnected', async () => {
    const { services } = await setup();
    const seen: Array<[string, unknown]> = [];
    const disconnect = forwardIpcEvents(services, (event, payload) => seen.push([event, payload]));
    const updated = await services.settings.set({ theme: 'dark' });
    disconnect();
    await services.settings.set({ theme: 'light' });
    expect(seen).toEqual([['settings:changed', updated]]);
  });
});

describe('platform handlers', () => {
  async function platformSetup() {
    const opened: string[] = [];
    const saved: string[] = [];
    const { createExternalLinksService } = await import('../services/external-links');
    const { createExportFilesService } = await import('../services/export-files');
    const { createNotificationsService } = await import('../services/notifications');
    const { EventEmitter } = await import('node:events');
    const notices: Array<InstanceType<typeof EventEmitter> & { options: unknown; show(): void }> = [];
    const dir = await mkdtemp(join(tmpdir(), 'carteira-ipc-export-'));
    dirs.push(dir);
    const services = await createTestServices({
      platform: {
        externalLinks: createExternalLinksService({ openExternal: async (url) => void opened.push(url) }),
        notifications: createNotificationsService({
          createNotification: (options) => {
            const n = Object.assign(new EventEmitter(), { options, show: () => undefined });
            notices.push(n);
            return n;
          },
        }),
        exportFiles: createExportFilesService({
          defaultDir: () => dir,
          showSaveDialog: async (o) => (saved.push(o.defaultPath), { canceled: false, filePath: o.defaultPath }),
        }),
      },
    });
    dirs.push(services.dir);
    return { services, handlers: createHandlers(services), opened, saved, notices, dir };
  }

  it('answers shell:openExternal, notify:show and export:save with results valid against the contract', async () => {
    const { handlers, opened, saved, dir } = await platformSetup();
    const link = await dispatch(handlers, 'shell:openExternal', ['mailto:ana@a.com']);
    expect(link.ok && ipcContract['shell:openExternal'].result.parse(link.value)).toEqual({ opened: true, url: 'mailto:ana@a.com' });
    expect(opened).toEqual(['mailto:ana@a.com']);
    const notice = await dispatch(handlers, 'notify:show', [{ activityId: 'act-1', title: 'Ligar', body: '' }]);
    expect(notice.ok && ipcContract['notify:show'].result.parse(notice.value)).toEqual({ shown: true });
    const exported = await dispatch(handlers, 'export:save', [
      { fileName: 'a.csv', mimeType: 'text/csv; charset=utf-8', contentBase64: Buffer.from('ação').toString('base64') },
    ]);
    const target = join(dir, 'a.csv');
    expect(exported.ok && ipcContract['export:save'].result.parse(exported.value)).toEqual({ saved: true, path: target });
    expect(saved).toEqual([target]);
    expect(await readFile(target, 'utf8')).toBe('ação');
  });

  it.each([
    ['shell:openExternal', []],
    ['shell:openExternal', [42]],
    ['shell:openExternal', ['tel:1', 'extra']],
    ['shell:openExternal', ['x'.repeat(70_000)]],
    ['notify:show', [{ activityId: 'a', title: 'x' }]],
    ['notify:show', [{ activityId: 'a', title: '   ', body: '' }]],
    ['notify:show', [{ activityId: '../../x', title: 't', body: '' }]],
    ['notify:show', [{ activityId: 'a', title: 'x'.repeat(201), body: '' }]],
    ['notify:show', [{ activityId: 'a', title: 't', body: 'x'.repeat(1001) }]],
    ['notify:show', [{ activityId: 'a', title: 't', body: '', icon: '/etc/passwd' }]],
    ['export:save', [{ fileName: 'a.csv', mimeType: 'text/csv' }]],
    ['export:save', [{ fileName: 'a.csv', mimeType: 'text/csv', text: 'a', contentBase64: 'YQ==' }]],
    ['export:save', [{ fileName: 'a.csv', mimeType: 'text/csv', contentBase64: 'not base64!' }]],
    ['export:save', [{ fileName: '', mimeType: 'text/csv', text: 'a' }]],
    ['export:save', [{ fileName: 'a.csv', mimeType: 'text/csv\r\nX: y', text: 'a' }]],
    ['export:save', [{ fileName: 'a.csv', mimeType: 'text/csv', text: 'a', path: '/etc/passwd' }]],
  ])('%s answers invalid_arguments for %j without reaching the OS', async (channel, args) => {
    const { handlers, opened, saved, notices } = await platformSetup();
    expect(await dispatch(handlers, channel, args)).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect([opened, saved, notices]).toEqual([[], [], []]);
  });

  it('answers a refused link with its translated code', async () => {
    const { handlers, opened } = await platformSetup();
    for (const url of ['https://example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'tel:123\n456']) {
      expect(await dispatch(handlers, 'shell:openExternal', [url])).toMatchObject({ ok: false, error: { code: 'external_url_refused' } });
    }
    expect(opened).toEqual([]);
  });

  it('emits notify:clicked when a shown notification is clicked', async () => {
    const { services, handlers, notices } = await platformSetup();
    const seen: Array<[string, unknown]> = [];
    const disconnect = forwardIpcEvents(services, (event, payload) => seen.push([event, payload]));
    await dispatch(handlers, 'notify:show', [{ activityId: 'act-9', title: 'Visita', body: 'Amanhã' }]);
    notices[0]!.emit('click');
    disconnect();
    expect(seen).toEqual([['notify:clicked', { activityId: 'act-9' }]]);
    expect(ipcEventContract['notify:clicked'].parse(seen[0]![1])).toEqual({ activityId: 'act-9' });
  });

  it('answers as in web mode when no OS side is injected', async () => {
    const { handlers } = await setup();
    expect(await dispatch(handlers, 'shell:openExternal', ['tel:+55 11 3333-4444'])).toEqual({ ok: true, value: { opened: false, url: 'tel:+551133334444' } });
    expect(await dispatch(handlers, 'notify:show', [{ activityId: 'a', title: 't', body: 'b' }])).toEqual({ ok: true, value: { shown: false } });
    expect(await dispatch(handlers, 'export:save', [{ fileName: 'a.csv', mimeType: 'text/csv', text: 'a' }])).toEqual({
      ok: true,
      value: { saved: false, reason: 'unsupported' },
    });
  });
});
