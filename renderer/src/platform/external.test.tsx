import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { I18nextProvider } from 'react-i18next';
import type { IpcEnvelope } from '@shared/ipc';
import { createI18n } from '../i18n';
import { resetBridgeForTests } from './bridge';
import {
  activityHash,
  bytesToBase64,
  listenForReminderClicks,
  notifyReminder,
  notifySyncProblems,
  notifyUser,
  openExternalLink,
  saveBackupFile,
  saveExportFile,
} from './external';

// Web mode is told apart by the missing preload; the fake below stands in for either host, so the mode is switched here.
const mode = vi.hoisted(() => ({ web: false }));
vi.mock('./bridge', async (importOriginal) => ({ ...(await importOriginal<object>()), isWebMode: () => mode.web }));

type Handler = (...args: any[]) => IpcEnvelope<unknown>;
/** A fake host answering the platform channels; records every call. */
function fakeHost(handlers: Record<string, Handler>) {
  const calls: [string, unknown[]][] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  window.carteira = {
    invoke: async (channel, ...args) => {
      calls.push([channel, args]);
      return handlers[channel]?.(...args) ?? { ok: false, error: { code: 'unknown_channel', message: channel } };
    },
    on: (event, listener) => {
      listeners.set(event, listener);
      return () => void listeners.delete(event);
    },
  };
  return { calls, emit: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
function readBlob(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** Every anchor the code clicks, with what it pointed to at the time. */
function recordAnchorClicks() {
  const clicks: Array<{ href: string; download: string; inDocument: boolean }> = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) });
  });
  return clicks;
}

beforeEach(() => {
  resetBridgeForTests();
  mode.web = false;
  window.location.hash = '';
});
afterEach(() => {
  delete window.carteira;
  vi.restoreAllMocks();
  act(() => notifications.clean());
});

describe('openExternalLink', () => {
  it('in Electron, main opens the link and the page does nothing more', async () => {
    const host = fakeHost({ 'shell:openExternal': (url: string) => ({ ok: true, value: { opened: true, url } }) });
    const clicks = recordAnchorClicks();
    await openExternalLink('tel:+551133334444');
    expect(host.calls).toEqual([['shell:openExternal', ['tel:+551133334444']]]);
    expect(clicks).toEqual([]);
  });

  it('in web mode, opens the link the host checked and normalised with an anchor click', async () => {
    mode.web = true;
    fakeHost({ 'shell:openExternal': () => ({ ok: true, value: { opened: false, url: 'tel:+551133334444' } }) });
    const clicks = recordAnchorClicks();
    await openExternalLink('tel:+55 (11) 3333-4444');
    expect(clicks).toEqual([{ href: 'tel:+551133334444', download: '', inDocument: true }]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
  });

  it("rejects with the host's code for a refused link and opens nothing", async () => {
    mode.web = true;
    fakeHost({ 'shell:openExternal': () => ({ ok: false, error: { code: 'external_url_refused', message: 'Only tel: and mailto:' } }) });
    const clicks = recordAnchorClicks();
    await expect(openExternalLink('javascript:alert(1)')).rejects.toMatchObject({ code: 'external_url_refused' });
    expect(clicks).toEqual([]);
  });

  it('never opens a non tel:/mailto: link even if a host answered one', async () => {
    mode.web = true;
    fakeHost({ 'shell:openExternal': () => ({ ok: true, value: { opened: false, url: 'javascript:alert(1)' } }) });
    const clicks = recordAnchorClicks();
    await expect(openExternalLink('tel:190')).rejects.toMatchObject({ code: 'external_url_refused' });
    expect(clicks).toEqual([]);
  });
});

describe('saveExportFile', () => {
  it('in Electron, sends text as text and reports a save or a cancel', async () => {
    let answer: unknown = { saved: true, path: '/home/ana/Downloads/contas.csv' };
    const host = fakeHost({ 'export:save': () => ({ ok: true, value: answer }) });
    const clicks = recordAnchorClicks();
    await expect(saveExportFile({ fileName: 'contas.csv', mimeType: 'text/csv', content: 'a;b\r\n' })).resolves.toBe(true);
    answer = { saved: false, reason: 'cancelled' };
    await expect(saveExportFile({ fileName: 'contas.csv', mimeType: 'text/csv', content: 'a;b\r\n' })).resolves.toBe(false);
    expect(host.calls[0]).toEqual(['export:save', [{ fileName: 'contas.csv', mimeType: 'text/csv', text: 'a;b\r\n' }]]);
    expect(clicks).toEqual([]);
  });

  it('sends binary content as base64 that decodes to the same bytes', async () => {
    const host = fakeHost({ 'export:save': () => ({ ok: true, value: { saved: true, path: '/x.xlsx' } }) });
    const bytes = Uint8Array.from({ length: 40_000 }, (_, i) => (i * 31) % 256);
    await saveExportFile({ fileName: 'x.xlsx', mimeType: 'application/octet-stream', content: bytes });
    const sent = (host.calls[0]![1][0] as { contentBase64: string }).contentBase64;
    expect(Uint8Array.from(atob(sent), (c) => c.charCodeAt(0))).toEqual(bytes);
    expect(bytesToBase64(new TextEncoder().encode('ação'))).toBe(btoa(String.fromCharCode(...new TextEncoder().encode('ação'))));
  });

  it('in web mode, downloads the file through a Blob anchor whose content reads back', async () => {
    mode.web = true;
    fakeHost({ 'export:save': () => ({ ok: true, value: { saved: false, reason: 'unsupported' } }) });
    const blobs = new Map<string, Blob>();
    let n = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:http://localhost/${++n}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks = recordAnchorClicks();
    await expect(
      saveExportFile({ fileName: 'contas-2026-11-27.csv', mimeType: 'text/csv;charset=utf-8', content: '\ufeffRazão social;Cidade\r\n' }),
    ).resolves.toBe(true);
    expect(clicks).toEqual([{ href: 'blob:http://localhost/1', download: 'contas-2026-11-27.csv', inDocument: true }]);
    const blob = blobs.get('blob:http://localhost/1')!;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readBlob(blob))).toBe('\ufeffRazão social;Cidade\r\n');
  });

  it('in web mode, still downloads when the host cannot be reached, but not a file the contract refuses', async () => {
    mode.web = true;
    let envelope: IpcEnvelope<unknown> = { ok: false, error: { code: 'unreachable', message: 'The web bridge is closed' } };
    fakeHost({ 'export:save': () => envelope });
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:http://localhost/x');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks = recordAnchorClicks();
    await expect(saveExportFile({ fileName: 'a.csv', mimeType: 'text/csv', content: 'a' })).resolves.toBe(true);
    envelope = { ok: false, error: { code: 'invalid_arguments', message: 'mimeType' } };
    await expect(saveExportFile({ fileName: 'a.csv', mimeType: 'bad', content: 'a' })).rejects.toMatchObject({ code: 'invalid_arguments' });
    expect(clicks).toHaveLength(1);
  });

  it('in Electron, a failed write rejects with its code', async () => {
    fakeHost({ 'export:save': () => ({ ok: false, error: { code: 'export_write_failed', message: 'EACCES' } }) });
    await expect(saveExportFile({ fileName: 'a.csv', mimeType: 'text/csv', content: 'a' })).rejects.toMatchObject({ code: 'export_write_failed' });
  });
});

function renderNotifications() {
  return render(
    <I18nextProvider i18n={createI18n('pt-BR')}>
      <MantineProvider>
        <Notifications />
      </MantineProvider>
    </I18nextProvider>,
  );
}

describe('notifyReminder', () => {
  it('in Electron, asks main for an OS notification and shows nothing in the page', async () => {
    const host = fakeHost({ 'notify:show': () => ({ ok: true, value: { shown: true } }) });
    renderNotifications();
    await notifyReminder({ activityId: 'act1', title: 'Reunião com a Acme', body: 'Hoje às 14:00' });
    expect(host.calls).toEqual([['notify:show', [{ activityId: 'act1', title: 'Reunião com a Acme', body: 'Hoje às 14:00' }]]]);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText('Reunião com a Acme')).not.toBeInTheDocument();
  });

  it('in web mode, shows an in-page notification whose button opens the activity', async () => {
    mode.web = true;
    fakeHost({ 'notify:show': () => ({ ok: true, value: { shown: false } }) });
    renderNotifications();
    await act(() => notifyReminder({ activityId: 'act 1', title: 'Ligar para Ana', body: 'Proposta vence hoje' }));
    expect(await screen.findByText('Ligar para Ana')).toBeInTheDocument();
    expect(screen.getByText('Proposta vence hoje')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Fechar' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Abrir atividade' }));
    expect(window.location.hash).toBe('#/activities/act%201');
    expect(activityHash('act 1')).toBe('#/activities/act%201');
    await waitFor(() => expect(screen.queryByText('Ligar para Ana')).not.toBeInTheDocument());
  });

  it('falls back to the page when an OS has no notifications (shown: false in Electron)', async () => {
    fakeHost({ 'notify:show': () => ({ ok: true, value: { shown: false } }) });
    renderNotifications();
    await act(() => notifyReminder({ activityId: 'a2', title: 'Visita amanhã', body: '' }));
    expect(await screen.findByText('Visita amanhã')).toBeInTheDocument();
  });

  it("clips a long title and body to the contract's limits instead of losing the reminder", async () => {
    const host = fakeHost({ 'notify:show': () => ({ ok: true, value: { shown: true } }) });
    await notifyReminder({ activityId: 'a3', title: `  ${'T'.repeat(300)}`, body: 'b'.repeat(5000) });
    const sent = host.calls[0]![1][0] as { title: string; body: string };
    expect(sent.title).toHaveLength(200);
    expect(sent.title.endsWith('…')).toBe(true);
    expect(sent.body).toHaveLength(1000);
  });

  it('opens the activity when main reports a click on an OS notification', () => {
    const host = fakeHost({});
    const stop = listenForReminderClicks();
    host.emit('notify:clicked', { activityId: 'act9' });
    expect(window.location.hash).toBe('#/activities/act9');
    stop();
    host.emit('notify:clicked', { activityId: 'other' });
    expect(window.location.hash).toBe('#/activities/act9');
  });

  it('sends a sync problem notice that opens the sync problems screen when clicked', async () => {
    const host = fakeHost({ 'notify:show': () => ({ ok: true, value: { shown: true } }) });
    expect(
      await notifySyncProblems({
        title: 'A sincronização precisa de você',
        body: '1 registro recusado pelo servidor',
        action: 'Ver problemas de sincronização',
      }),
    ).toBe(true);
    expect(host.calls[0]![1][0]).toMatchObject({ opens: 'syncProblems', title: 'A sincronização precisa de você' });
    const stop = listenForReminderClicks();
    host.emit('notify:clicked', { activityId: 'sync-problems', opens: 'syncProblems' });
    expect(window.location.hash).toBe('#/sync/problems');
    stop();
  });

  it('in web mode, shows a sync problem notice in the page whose button opens the sync problems screen', async () => {
    mode.web = true;
    fakeHost({ 'notify:show': () => ({ ok: true, value: { shown: false } }) });
    renderNotifications();
    await act(() =>
      notifySyncProblems({ title: 'A sincronização precisa de você', body: '2 registros recusados pelo servidor', action: 'Ver problemas de sincronização' }),
    );
    expect(await screen.findByText('2 registros recusados pelo servidor')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ver problemas de sincronização' }));
    expect(window.location.hash).toBe('#/sync/problems');
  });

  it('a refused sign-in notice opens Settings, from the OS notification or from the page', async () => {
    const host = fakeHost({ 'notify:show': () => ({ ok: true, value: { shown: true } }) });
    await notifyUser({ title: 'Entre de novo no servidor da equipe', body: 'O servidor recusou sua sessão.', action: 'Entrar de novo' }, 'settings');
    expect(host.calls[0]![1][0]).toMatchObject({ opens: 'settings', activityId: 'notice-settings' });
    const stop = listenForReminderClicks();
    host.emit('notify:clicked', { activityId: 'notice-settings', opens: 'settings' });
    expect(window.location.hash).toBe('#/settings');
    stop();

    window.location.hash = '';
    mode.web = true;
    fakeHost({ 'notify:show': () => ({ ok: true, value: { shown: false } }) });
    renderNotifications();
    await act(() => notifyUser({ title: 'Entre de novo no servidor da equipe', body: 'O servidor recusou sua sessão.', action: 'Entrar de novo' }, 'settings'));
    await userEvent.click(await screen.findByRole('button', { name: 'Entrar de novo' }));
    expect(window.location.hash).toBe('#/settings');
  });
});

describe('saveBackupFile', () => {
  const ID = 'a'.repeat(32);
  const bytes = Uint8Array.from({ length: 1_300_000 }, (_, i) => (i * 7) % 251);
  /** The bytes in small chunks, as CompressionStream hands them out. */
  const streamOf = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 70_000) controller.enqueue(bytes.subarray(i, i + 70_000));
        controller.close();
      },
    });
  const decode = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

  it('in Electron, sends the bytes in order in bounded chunks and finishes', async () => {
    const host = fakeHost({
      'backup:begin': () => ({ ok: true, value: { started: true, id: ID } }),
      'backup:write': () => ({ ok: true, value: undefined }),
      'backup:finish': () => ({ ok: true, value: { path: '/home/ana/copia.carteira-backup' } }),
    });
    await expect(saveBackupFile('copia.carteira-backup', streamOf())).resolves.toBe(true);
    const writes = host.calls.filter(([c]) => c === 'backup:write').map(([, args]) => decode(args[1] as string));
    expect(writes.length).toBe(3);
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThanOrEqual(512 * 1024);
    const joined = new Uint8Array(writes.reduce((n, w) => n + w.length, 0));
    writes.reduce((at, w) => (joined.set(w, at), at + w.length), 0);
    expect(joined).toEqual(bytes);
    expect(host.calls.map(([c]) => c)).toEqual(['backup:begin', 'backup:write', 'backup:write', 'backup:write', 'backup:finish']);
  });

  it('aborts the file in main when a write fails, and reports the failure', async () => {
    let writes = 0;
    const host = fakeHost({
      'backup:begin': () => ({ ok: true, value: { started: true, id: ID } }),
      'backup:write': () => (++writes === 2 ? { ok: false, error: { code: 'export_write_failed', message: 'disk full' } } : { ok: true, value: undefined }),
      'backup:abort': () => ({ ok: true, value: undefined }),
    });
    await expect(saveBackupFile('copia.carteira-backup', streamOf())).rejects.toMatchObject({ code: 'export_write_failed' });
    expect(host.calls.at(-1)).toEqual(['backup:abort', [ID]]);
    expect(host.calls.some(([c]) => c === 'backup:finish')).toBe(false);
  });

  it('in web mode, downloads one Blob of all the bytes', async () => {
    mode.web = true;
    fakeHost({ 'backup:begin': () => ({ ok: true, value: { started: false, reason: 'unsupported' } }) });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:http://localhost/b'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks = recordAnchorClicks();
    await expect(saveBackupFile('copia.carteira-backup', streamOf())).resolves.toBe(true);
    expect(clicks).toEqual([{ href: 'blob:http://localhost/b', download: 'copia.carteira-backup', inDocument: true }]);
    expect(new Uint8Array(await readBlob(blobs[0]!))).toEqual(bytes);
  });
});
