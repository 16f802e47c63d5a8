import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { INITIAL_SYNC_MACHINE, reduceSync, type SyncEvent } from '@shared/domain/sync-state';
import { createI18n } from '../i18n';
import { SyncIndicator } from './SyncIndicator';
import { useSyncStore } from './sync-store';

function show(...events: SyncEvent[]) {
  useSyncStore.setState({ enabled: true, machine: events.reduce(reduceSync, INITIAL_SYNC_MACHINE) });
  return render(
    <I18nextProvider i18n={createI18n('pt-BR')}>
      <MantineProvider><SyncIndicator /></MantineProvider>
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
    expect(status).toHaveAccessibleName('Sincronização: Sem conexão — trabalhando no computador — 3 alterações locais por enviar');
    await userEvent.click(status);
    expect(await screen.findByText(/O servidor não tem o banco "acme-deals"/)).toBeInTheDocument();
  });

  it('says when sync is off', () => {
    useSyncStore.setState({ enabled: false });
    render(<I18nextProvider i18n={createI18n('pt-BR')}><MantineProvider><SyncIndicator /></MantineProvider></I18nextProvider>);
    expect(screen.getByRole('status')).toHaveAccessibleName('Sincronização: Sincronização desligada');
  });
});
