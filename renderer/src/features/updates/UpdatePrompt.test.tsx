import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { createHandlers, forwardIpcEvents } from '../../../../electron/ipc/handlers';
import { createTestServices } from '../../../../electron/ipc/test-services';
import { createUpdateService, type UpdaterPort } from '../../../../electron/services/updater';
import { dispatch, type IpcEventName } from '@shared/ipc';
import { createI18n } from '../../i18n';
import { useSettingsStore } from '../../app/settings-store';
import { resetBridgeForTests } from '../../platform/bridge';
import { useSyncStore } from '../../sync/sync-store';
import { UpdatePrompt } from './UpdatePrompt';
import { UpdateSettings } from './UpdateSettings';
import { useUpdateStore } from './update-store';

/** electron-updater as main's update service sees it; the test plays the server's answers. */
class FakeUpdater extends EventEmitter {
  feeds: string[] = [];
  installs = 0;
  setFeedURL(o: { url: string }) {
    this.feeds.push(o.url);
  }
  async checkForUpdates() {
    this.emit('checking-for-update');
    return null;
  }
  quitAndInstall() {
    this.installs++;
  }
}

/** Main's real services and handlers behind window.carteira, with the real update service over a fake updater. */
async function installMain() {
  const updater = new FakeUpdater();
  const base = await createTestServices();
  const services = { ...base, update: createUpdateService({ updater: updater as unknown as UpdaterPort, settings: base.settings, warn: () => undefined }) };
  const handlers = createHandlers(services);
  const listeners = new Set<{ event: IpcEventName; listener: (payload: unknown) => void }>();
  forwardIpcEvents(services, (event, payload) => {
    for (const l of [...listeners]) if (l.event === event) l.listener(payload);
  });
  window.carteira = {
    invoke: (channel, ...args) => dispatch(handlers, channel, args),
    on: (event, listener) => {
      const entry = { event, listener };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
  };
  await useSettingsStore.getState().load();
  return { updater, services };
}

const renderUi = () =>
  render(
    <I18nextProvider i18n={createI18n('pt-BR')}>
      <MantineProvider>
        <UpdateSettings />
        <UpdatePrompt />
      </MantineProvider>
    </I18nextProvider>,
  );

beforeEach(() => {
  resetBridgeForTests();
  useUpdateStore.setState({ status: null, postponed: null });
  useSyncStore.setState({ machine: { ...useSyncStore.getState().machine, status: { ...useSyncStore.getState().machine.status, pending: 0 } } });
});
afterEach(() => {
  delete window.carteira;
});

describe('app updates', () => {
  it('refuses a plain http address for the update server, then saves an https one and checks it', async () => {
    const { updater } = await installMain();
    const user = userEvent.setup();
    renderUi();
    await screen.findByText('Atualização automática desligada.');
    const field = screen.getByLabelText('Servidor de atualizações da equipe');
    await user.type(field, 'http://updates.example.com/c');
    await user.click(screen.getByRole('button', { name: 'Salvar endereço' }));
    expect(await screen.findByText(/Use um endereço https:\/\//)).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe('http://updates.example.com/c');
    expect(useSettingsStore.getState().settings!.updateUrl).toBe('');

    await user.clear(field);
    await user.type(field, 'https://updates.example.com/c');
    await user.click(screen.getByRole('button', { name: 'Salvar endereço' }));
    await screen.findByText('Endereço salvo.');
    await waitFor(() => expect(updater.feeds).toEqual(['https://updates.example.com/c']));
    await screen.findByText('Procurando uma nova versão…');
  });

  it('asks before restarting, says how many changes wait to be sent, and installs only on the click', async () => {
    const { updater, services } = await installMain();
    await services.settings.set({ updateUrl: 'https://updates.example.com/c' });
    useSyncStore.setState({ machine: { ...useSyncStore.getState().machine, status: { ...useSyncStore.getState().machine.status, pending: 3 } } });
    const user = userEvent.setup();
    renderUi();
    act(() => {
      updater.emit('update-available', { version: '1.4.0' });
      updater.emit('update-downloaded', { version: '1.4.0' });
    });
    const dialog = await screen.findByRole('dialog', { name: 'Nova versão do Carteira' });
    expect(dialog.textContent).toContain('A versão 1.4.0 foi baixada.');
    expect(screen.getByTestId('update-pending').textContent).toBe(
      '3 alterações ainda não foram enviadas ao servidor. Elas ficam guardadas neste computador e são enviadas quando o Carteira voltar.',
    );
    expect(updater.installs).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Reiniciar e atualizar' }));
    await waitFor(() => expect(updater.installs).toBe(1));
  });

  it('"Depois" leaves the install to the next quit and does not ask again for that version', async () => {
    const { updater, services } = await installMain();
    await services.settings.set({ updateUrl: 'https://updates.example.com/c' });
    const user = userEvent.setup();
    renderUi();
    act(() => {
      updater.emit('update-downloaded', { version: '1.4.0' });
    });
    await screen.findByRole('dialog', { name: 'Nova versão do Carteira' });
    expect(screen.queryByTestId('update-pending')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Depois' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(updater.installs).toBe(0);
    expect(screen.getByTestId('update-state').textContent).toBe('A versão 1.4.0 está pronta. Reinicie o Carteira para instalá-la.');
  });

  it('shows nothing where the app cannot update itself (web mode)', async () => {
    const base = await createTestServices();
    const handlers = createHandlers(base);
    window.carteira = { invoke: (channel, ...args) => dispatch(handlers, channel, args), on: () => () => undefined };
    await useSettingsStore.getState().load();
    renderUi();
    await waitFor(() => expect(useUpdateStore.getState().status?.supported).toBe(false));
    expect(screen.queryByTestId('update-settings')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
