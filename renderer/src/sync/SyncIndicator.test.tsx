import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { INITIAL_SYNC_MACHINE, reduceSync, type SyncEvent } from '@shared/domain/sync-state';
import { createHandlers, forwardIpcEvents } from '../../../electron/ipc/handlers';
import { createTestServices } from '../../../electron/ipc/test-services';
import { dispatch } from '@shared/ipc';
import { createI18n } from '../i18n';
import { SyncIndicator } from './SyncIndicator';
import { useSyncStore } from './sync-store';

function show(...events: SyncEvent[]) {
  return showIn('pt-BR', ...events);
}

function showIn(locale: 'pt-BR' | 'pt-PT' | 'en', ...events: SyncEvent[]) {
  useSyncStore.setState({ enabled: true, machine: events.reduce(reduceSync, INITIAL_SYNC_MACHINE) });
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <MantineProvider>
        <SyncIndicator />
      </MantineProvider>
    </I18nextProvider>,
  );
}

afterEach(() => useSyncStore.setState({ enabled: false, machine: INITIAL_SYNC_MACHINE }));

describe('sync indicator', () => {
  it('shows the initial pull as n of m with a progress bar', () => {
    show({ type: 'active', collection: 'accounts', active: true }, { type: 'progress', done: 250, total: 1000 });
    expect(screen.getByRole('status')).toHaveAccessibleName('Sincronização: Sincronizando: 250 de 1000');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
  });

  it('says offline and how many local changes wait, and lists the latest errors in plain language', async () => {
    show(
      { type: 'pending', collection: 'accounts', count: 3 },
      { type: 'error', collection: 'deals', reason: 'missing_database', detail: 'acme-deals', at: Date.UTC(2026, 10, 27, 12) },
      { type: 'connectivity', online: false },
    );
    const status = screen.getByRole('status');
    expect(status).toHaveAccessibleName('Sincronização: Sem conexão com o servidor — trabalhando neste computador · 3 alterações por enviar');
    await userEvent.click(status);
    expect(await screen.findByText(/O servidor não tem o banco "acme-deals"/)).toBeInTheDocument();
  });

  it('shows a server out of reach as the calm offline state with the changes waiting and the last good sync, not a red error', () => {
    const lastGood = new Date(2026, 10, 27, 14, 30).getTime();
    const unreachable = (at: number): SyncEvent => ({ type: 'error', collection: 'accounts', reason: 'unreachable', detail: 'Failed to fetch', at });
    show(
      { type: 'active', collection: 'accounts', active: true },
      { type: 'active', collection: 'accounts', active: false },
      { type: 'idle', at: lastGood },
      { type: 'pending', collection: 'accounts', count: 1 },
      unreachable(lastGood + 60_000),
      unreachable(lastGood + 120_000),
    );
    const status = screen.getByRole('status');
    expect(status).toHaveAccessibleName('Sincronização: Sem conexão com o servidor — trabalhando neste computador · 1 alteração por enviar');
    expect(status).toHaveTextContent('Última sincronização: 27/11/2026, 14:30');
    expect(status).not.toHaveTextContent('Erro de sincronização');
    // Mantine's color variables: the calm gray of "offline", not the red of an error.
    expect(status.getAttribute('style')).toContain('gray');
    expect(status.getAttribute('style')).not.toContain('red');
  });

  it('says offline with plural forms in pt-PT and English', () => {
    const events: SyncEvent[] = [
      { type: 'pending', collection: 'accounts', count: 2 },
      { type: 'error', collection: 'accounts', reason: 'unreachable', detail: '', at: 1 },
    ];
    const { unmount } = showIn('pt-PT', ...events);
    expect(screen.getByRole('status')).toHaveAccessibleName('Sincronização: Sem ligação ao servidor — a trabalhar neste computador · 2 alterações por enviar');
    expect(screen.getByRole('status')).toHaveTextContent('Ainda não sincronizou');
    unmount();
    showIn('en', ...events.slice(0, 1), { type: 'pending', collection: 'accounts', count: 1 }, events[1]!);
    expect(screen.getByRole('status')).toHaveAccessibleName('Sync: No connection to the server — working on this computer · 1 change waiting to be sent');
  });

  it('turns red only when the server keeps failing', () => {
    const failure = (at: number): SyncEvent => ({ type: 'error', collection: 'accounts', reason: 'server_error', detail: 'status 503', at });
    show({ type: 'active', collection: 'accounts', active: true }, failure(1), failure(2), failure(3));
    const status = screen.getByRole('status');
    expect(status).toHaveAccessibleName('Sincronização: Erro de sincronização');
    expect(status.getAttribute('style')).toContain('red');
  });

  it('says when sync is off', () => {
    useSyncStore.setState({ enabled: false });
    render(
      <I18nextProvider i18n={createI18n('pt-BR')}>
        <MantineProvider>
          <SyncIndicator />
        </MantineProvider>
      </I18nextProvider>,
    );
    expect(screen.getByRole('status')).toHaveAccessibleName('Sincronização: Sincronização desligada');
  });
});

describe('"Tentar agora" while offline', () => {
  it("asks main's sync service to probe the server at once: still down is said calmly, up is told to the replication", async () => {
    // A real server on loopback: in maintenance (503) first, then up.
    let up = false;
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/_up' && up ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: up ? 'ok' : 'maintenance_mode' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const services = await createTestServices();
    await services.sync.setConfig({ url: `http://127.0.0.1:${port}`, team: 'acme', user: 'ana' });
    const handlers = createHandlers(services);
    const connectivity: string[] = [];
    const stop = forwardIpcEvents(services, (event, payload) => {
      if (event === 'sync:connectivity') connectivity.push((payload as { state: string }).state);
    });
    window.carteira = { invoke: (channel, ...args) => dispatch(handlers, channel, args), on: () => () => undefined };
    try {
      const user = userEvent.setup();
      show({ type: 'pending', collection: 'accounts', count: 2 }, { type: 'connectivity', online: false });
      await user.click(screen.getByRole('status', { name: /Sem conexão com o servidor/ }));
      await user.click(await screen.findByRole('button', { name: 'Tentar agora' }));
      // In the popover (jsdom runs no transition: present, not "visible").
      expect(await screen.findByText('O servidor continua fora de alcance; suas alterações seguem guardadas neste computador.')).toBeInTheDocument();

      up = true;
      await user.click(await screen.findByRole('button', { name: 'Tentar agora', hidden: true }));
      await waitFor(() => expect(connectivity).toContain('online'));
      expect(screen.queryByText(/continua fora de alcance/)).toBeNull();
    } finally {
      delete window.carteira;
      stop();
      services.sync.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
