import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AppSettings } from '@shared/ipc';
import { installFakeSettingsMain } from '../../../../tests/helpers/fake-settings-main';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import { useSettingsStore } from '../../app/settings-store';
import type { CarteiraDatabase } from '../../db/types';
import { resetBridgeForTests } from '../../platform/bridge';
import { AccountsPage } from '../accounts/AccountsPage';

const fresh: AppSettings = {
  locale: 'pt-BR',
  theme: 'auto',
  userName: '',
  deviceId: 'dev1',
  welcomed: false,
  syncPaused: false,
  startAtLogin: false,
  updateUrl: '',
};

let db: CarteiraDatabase;
beforeEach(async () => {
  resetBridgeForTests();
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts'] });
  useSettingsStore.setState({ settings: { ...fresh } });
});
afterEach(async () => {
  useSettingsStore.setState({ settings: null });
  await db.close();
});

describe('first-run welcome', () => {
  it('greets a fresh install in pt-BR with the three ways in and what works offline; starting alone keeps the name and shows the empty list', async () => {
    const main = installFakeSettingsMain(fresh);
    const user = userEvent.setup();
    renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    expect(await screen.findByRole('heading', { name: 'Boas-vindas ao Carteira' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Começar sozinho' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Carregar dados de exemplo' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Conectar ao servidor' })).toBeVisible();
    expect(screen.getByRole('heading', { name: 'O que funciona sem rede' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Sua carteira está vazia' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Como você quer aparecer nas suas anotações?'), 'Ana Souza');
    await user.click(screen.getByRole('button', { name: 'Começar sozinho' }));
    expect(await screen.findByRole('heading', { name: 'Sua carteira está vazia' })).toBeVisible();
    expect(main.sets).toEqual([{ welcomed: true, userName: 'Ana Souza' }]);
    expect(useSettingsStore.getState().settings).toMatchObject({ welcomed: true, userName: 'Ana Souza' });
  });

  it('keeps what was typed and says why when the choice cannot be saved', async () => {
    const main = installFakeSettingsMain(fresh);
    main.state.fail = true;
    const user = userEvent.setup();
    renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    await user.type(await screen.findByLabelText('Como você quer aparecer nas suas anotações?'), 'Bia');
    await user.click(screen.getByRole('button', { name: 'Começar sozinho' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Não foi possível guardar sua escolha');
    expect(screen.getByLabelText('Como você quer aparecer nas suas anotações?')).toHaveValue('Bia');
    expect(screen.getByRole('heading', { name: 'Boas-vindas ao Carteira' })).toBeVisible();
  });

  it('connecting to the team goes to Settings; a returning user never sees the welcome', async () => {
    installFakeSettingsMain(fresh);
    const user = userEvent.setup();
    const { location } = renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    await user.click(await screen.findByRole('button', { name: 'Conectar ao servidor' }));
    await waitFor(() => expect(location.history?.at(-1)).toBe('/settings'));

    cleanup();
    useSettingsStore.setState({ settings: { ...fresh, welcomed: true } });
    renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    expect(await screen.findByRole('heading', { name: 'Sua carteira está vazia' })).toBeVisible();
  });
});
