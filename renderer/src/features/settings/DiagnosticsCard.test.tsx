import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { rm } from 'node:fs/promises';
import { dispatch, type IpcChannel } from '@shared/ipc';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createTestServices } from '../../../../electron/ipc/test-services';
import { resetBridgeForTests } from '../../platform/bridge';
import { createI18n } from '../../i18n';
import { DiagnosticsCard } from './DiagnosticsCard';

let dir = '';
let clipboard: string[] = [];

/** The preload bridge backed by main's real handlers, with a log that mentions a client. */
async function installMain(recentErrors: string[]) {
  const services = await createTestServices();
  dir = services.dir;
  await services.sync.setConfig({ url: 'http://127.0.0.1:5984', team: 'vendas-sul', user: 'ana.souza' });
  const handlers = createHandlers({
    ...services,
    diagnostics: { versions: () => ({ electron: '40.8.5', chrome: '144.0.0.0', node: '22.20.0' }), recentErrors: () => recentErrors },
  });
  window.carteira = { invoke: (channel: IpcChannel, ...args: unknown[]) => dispatch(handlers, channel, args), on: () => () => {} };
}

function renderCard(locale: 'pt-BR' | 'en' = 'pt-BR') {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <MantineProvider>
        <DiagnosticsCard />
      </MantineProvider>
    </I18nextProvider>,
  );
}

/** After userEvent.setup(), which installs a clipboard stub of its own. */
function setClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
}

beforeEach(() => {
  resetBridgeForTests();
  clipboard = [];
});
afterEach(async () => {
  delete window.carteira;
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('DiagnosticsCard', () => {
  it('copies versions, sync state and recent errors without client data, and says so', async () => {
    await installMain(['push failed for contato@padaria-aurora.com.br (CNPJ 12.345.678/0001-95)']);
    const user = userEvent.setup();
    setClipboard(async (text) => void clipboard.push(text));
    renderCard();
    await user.click(screen.getByRole('button', { name: 'Copiar diagnóstico' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Diagnóstico copiado');
    expect(clipboard).toHaveLength(1);
    const text = clipboard[0]!;
    expect(text).toContain('Electron 40.8.5');
    expect(text).toContain('Sincronização: configurada, não conectado');
    expect(text).toContain('push failed for [e-mail] (CNPJ [cnpj])');
    for (const secret of ['padaria-aurora', '12.345.678', '127.0.0.1:5984', 'vendas-sul', 'ana.souza']) expect(text).not.toContain(secret);
  });

  it('explains in the app language when the clipboard refuses', async () => {
    await installMain([]);
    const user = userEvent.setup();
    setClipboard(async () => Promise.reject(new Error('denied')));
    renderCard('en');
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The diagnostics could not be copied');
  });
});
