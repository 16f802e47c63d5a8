import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import type { IpcEnvelope, SyncServerConfig, SyncStatus } from '@shared/ipc';
import { createI18n } from '../../i18n';
import { resetBridgeForTests } from '../../platform/bridge';
import { registerSyncRestart } from '../../sync/sync-controller';
import { SyncSettings } from './SyncSettings';

// Web mode is told apart by the missing preload; the fake main below is the preload, so the mode is switched here.
const mode = vi.hoisted(() => ({ web: false }));
vi.mock('../../platform/bridge', async (importOriginal) => ({ ...(await importOriginal<object>()), isWebMode: () => mode.web }));

/** A fake main process: one server that knows one user, kept in memory like the web host does. */
function fakeMain({ persistent = true } = {}) {
  let config: SyncServerConfig | null = null;
  let signedIn = false;
  const calls: [string, unknown[]][] = [];
  const status = (): SyncStatus => ({
    configured: config !== null,
    url: config?.url ?? null,
    team: config?.team ?? null,
    user: config?.user ?? null,
    signedIn,
    roles: signedIn ? ['sales', 'team:vendas-sul', 'vendas-sul:catalogue_admin', 'team:norte', 'norte:manager'] : [],
    credentialsStored: signedIn,
    credentialsPersistent: persistent,
    connectivity: 'online',
  });
  const handlers: Record<string, (...args: any[]) => IpcEnvelope<unknown>> = {
    'sync:status': () => ({ ok: true, value: status() }),
    'sync:setConfig': (c: SyncServerConfig) => {
      config = c;
      signedIn = false;
      return { ok: true, value: c };
    },
    'sync:signIn': ({ password }: { password: string }) => {
      if (config?.user !== 'ana' || password !== 's3nha') return { ok: false, error: { code: 'unauthorized', message: 'Name or password is incorrect.' } };
      signedIn = true;
      return { ok: true, value: { ok: true, user: 'ana', roles: ['sales'] } };
    },
    'sync:signOut': () => {
      signedIn = false;
      return { ok: true, value: null };
    },
  };
  window.carteira = {
    invoke: async (channel, ...args) => {
      calls.push([channel, args]);
      return handlers[channel]?.(...args) ?? { ok: false, error: { code: 'unknown_channel', message: channel } };
    },
    on: () => () => {},
  };
  return { calls };
}

function renderSettings() {
  return render(
    <I18nextProvider i18n={createI18n('pt-BR')}>
      <MantineProvider>
        <SyncSettings />
      </MantineProvider>
    </I18nextProvider>,
  );
}

async function fill(user: ReturnType<typeof userEvent.setup>, password: string) {
  await user.type(screen.getByLabelText(/Endereço do servidor/), 'http://127.0.0.1:5984');
  await user.type(screen.getByLabelText(/^Equipe/), 'vendas-sul');
  await user.type(screen.getByLabelText(/^Usuário/), 'ana');
  await user.type(screen.getByLabelText(/^Senha/), password);
}

const refresh = vi.fn(async () => {});
beforeEach(() => {
  resetBridgeForTests();
  refresh.mockClear();
  mode.web = false;
  registerSyncRestart(refresh);
});
afterEach(() => {
  delete window.carteira;
});

describe('team server settings', () => {
  it('explains a wrong password and keeps everything typed, the password too', async () => {
    fakeMain();
    const user = userEvent.setup();
    renderSettings();
    expect(await screen.findByText(/Nenhum servidor configurado/)).toBeVisible();
    await fill(user, 'errada');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Usuário ou senha incorretos.');
    expect(screen.getByRole('alert')).toHaveTextContent('O que você digitou foi mantido.');
    expect(screen.getByLabelText(/Endereço do servidor/)).toHaveValue('http://127.0.0.1:5984');
    expect(screen.getByLabelText(/^Equipe/)).toHaveValue('vendas-sul');
    expect(screen.getByLabelText(/^Usuário/)).toHaveValue('ana');
    expect(screen.getByLabelText(/^Senha/)).toHaveValue('errada');
    expect(screen.queryByText(/Conectado como/)).not.toBeInTheDocument();
  });

  it('signs in, shows who with which roles, restarts sync, and signs out', async () => {
    const { calls } = fakeMain();
    const user = userEvent.setup();
    renderSettings();
    await fill(user, 's3nha');
    await user.click(await screen.findByRole('button', { name: 'Entrar' }));

    expect(await screen.findByText('Conectado como ana na equipe vendas-sul.')).toBeVisible();
    expect(screen.getByText('sales')).toBeVisible();
    // Roles are per team: this team's by name, another team's not at all.
    expect(screen.getByText('Membro da equipe')).toBeVisible();
    expect(screen.getByText('Administra o catálogo')).toBeVisible();
    expect(screen.queryByText(/norte/)).not.toBeInTheDocument();
    expect(screen.queryByText('Gerente de contas')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(refresh).toHaveBeenCalled();
    expect(calls.map(([c]) => c)).toEqual(['sync:status', 'sync:setConfig', 'sync:signIn', 'sync:status']);
    expect(calls[1]![1]).toEqual([{ url: 'http://127.0.0.1:5984', team: 'vendas-sul', user: 'ana' }]);
    expect(screen.getByLabelText(/^Senha/)).toHaveValue('');

    refresh.mockClear();
    await user.click(screen.getByRole('button', { name: 'Sair' }));
    expect(await screen.findByText(/Desconectado/)).toBeVisible();
    expect(refresh).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Sair' })).not.toBeInTheDocument();
  });

  it('points at a bad address or team before asking the server', async () => {
    const { calls } = fakeMain();
    const user = userEvent.setup();
    renderSettings();
    await user.type(await screen.findByLabelText(/Endereço do servidor/), 'ftp://x');
    await user.type(screen.getByLabelText(/^Equipe/), 'Vendas Sul');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));

    expect(await screen.findByText(/Use um endereço http:\/\/ ou https:\/\//)).toBeVisible();
    expect(screen.getByText(/Comece com letra minúscula/)).toBeVisible();
    expect(screen.getAllByText('Preencha este campo.')).toHaveLength(2);
    expect(calls.map(([c]) => c)).toEqual(['sync:status']);
    expect(screen.getByLabelText(/^Equipe/)).toHaveValue('Vendas Sul');
  });

  it('refuses http:// to a server on the internet, saying why, and keeps what was typed', async () => {
    const { calls } = fakeMain();
    const user = userEvent.setup();
    renderSettings();
    await user.type(await screen.findByLabelText(/Endereço do servidor/), 'http://sync.empresa.com.br');
    await user.type(screen.getByLabelText(/^Equipe/), 'vendas-sul');
    await user.type(screen.getByLabelText(/^Usuário/), 'ana');
    await user.type(screen.getByLabelText(/^Senha/), 's3nha');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));

    expect(await screen.findByText(/Use https:\/\/ para um servidor fora deste computador/)).toBeVisible();
    expect(calls.map(([c]) => c)).toEqual(['sync:status']);
    expect(screen.getByLabelText(/Endereço do servidor/)).toHaveValue('http://sync.empresa.com.br');
    expect(screen.getByLabelText(/^Senha/)).toHaveValue('s3nha');
  });

  it('warns that the password travels unencrypted over http:// on a private network, and not over https://', async () => {
    fakeMain();
    const user = userEvent.setup();
    renderSettings();
    const url = await screen.findByLabelText(/Endereço do servidor/);
    await user.type(url, 'http://192.168.0.10:5984');
    expect(screen.getByRole('note')).toHaveTextContent('a senha e os dados passam pela rede em texto aberto');
    await user.clear(url);
    await user.type(url, 'https://sync.empresa.com.br');
    expect(screen.queryByText(/texto aberto/)).not.toBeInTheDocument();
  });

  it('translates each server error code', async () => {
    fakeMain();
    const user = userEvent.setup();
    const codes = {
      unreachable: 'Servidor inacessível',
      missing_databases: 'Esta equipe ainda não foi preparada no servidor',
      timeout: 'O servidor demorou demais',
      invalid_arguments: 'Endereço do servidor ou equipe inválidos',
      something_new: 'Erro inesperado: boom',
    };
    const invoke = window.carteira!.invoke;
    let code = '';
    window.carteira!.invoke = async (channel, ...args) =>
      channel === 'sync:signIn' ? { ok: false, error: { code, message: 'boom' } } : invoke(channel, ...args);
    renderSettings();
    await fill(user, 'x');
    for (const [c, text] of Object.entries(codes)) {
      code = c;
      await user.click(screen.getByRole('button', { name: 'Entrar' }));
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(text));
    }
  });

  it('says when the password lives only in memory: the web host until it stops, an app without OS encryption until it closes', async () => {
    fakeMain({ persistent: false });
    const app = renderSettings();
    expect(await screen.findByText(/fica só na memória até você fechar o Carteira/)).toBeVisible();
    app.unmount();

    mode.web = true;
    renderSettings();
    expect(await screen.findByText(/Modo navegador: a senha fica só na memória/)).toBeVisible();
  });
});
