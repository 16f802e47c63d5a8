import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { createI18n } from '../i18n';
import { ErrorReportContext, PanelBoundary } from './ErrorBoundary';

/** A panel that fails to render while `broken.now` is set, as a record with a bad value would. */
const broken = { now: true };
function Orders() {
  if (broken.now) throw new RangeError('Invalid time value');
  return <p>Pedido P-100</p>;
}

function renderPanels(locale: 'pt-BR' | 'pt-PT' | 'en' = 'pt-BR') {
  const location = memoryLocation({ path: '/accounts/acc-1', record: true });
  const result = render(
    <I18nextProvider i18n={createI18n(locale)}>
      <MantineProvider>
        <ErrorReportContext.Provider value={{ version: '0.1.0 (web, linux)' }}>
          <Router hook={location.hook}>
            <PanelBoundary title="Pedidos">
              <Orders />
            </PanelBoundary>
            <PanelBoundary title="Contatos">
              <p>Maria Souza</p>
            </PanelBoundary>
          </Router>
        </ErrorReportContext.Provider>
      </MantineProvider>
    </I18nextProvider>,
  );
  return { ...result, location };
}

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  broken.now = true;
  // React reports every caught render error on the console; the test asserts on the screen instead.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => consoleError.mockRestore());

describe('panel error boundary', () => {
  it('shows a translated notice in the broken panel only, titled like it, and the others keep rendering', () => {
    renderPanels();
    const orders = screen.getByRole('region', { name: 'Pedidos' });
    expect(within(orders).getByRole('alert')).toHaveTextContent('Não foi possível mostrar esta parte');
    expect(within(orders).getByRole('heading', { name: 'Pedidos' })).toBeVisible();
    expect(screen.getByText('Maria Souza')).toBeVisible();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('copies the error name, message, stack, route and app version', async () => {
    const user = userEvent.setup();
    renderPanels();
    await user.click(screen.getByRole('button', { name: 'Copiar detalhes' }));
    expect(await screen.findByText(/Detalhes copiados/)).toBeVisible();
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain('Carteira 0.1.0 (web, linux)');
    expect(copied).toContain('Route: /accounts/acc-1');
    expect(copied).toContain('Error: RangeError: Invalid time value');
    expect(copied).toMatch(/Stack:\n.*RangeError: Invalid time value/);
    expect(copied).toMatch(/Components:\n[\s\S]*Orders/);
  });

  it('shows the details to copy by hand when the clipboard refuses', async () => {
    const user = userEvent.setup();
    renderPanels();
    // As Electron's session may answer (it denies every permission), and no copy command either.
    const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    document.execCommand = () => false;
    onTestFinished(() => {
      if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
    });
    await user.click(screen.getByRole('button', { name: 'Copiar detalhes' }));
    expect(await screen.findByText('Não foi possível copiar. Selecione o texto abaixo e copie.')).toBeVisible();
    const details = (screen.getByRole('textbox', { name: 'Detalhes do erro' }) as HTMLTextAreaElement).value;
    expect(details).toContain('Route: /accounts/acc-1');
    expect(details).toContain('Error: RangeError: Invalid time value');
  });

  it('renders the panel again on "Tentar novamente" once it can, and keeps the notice while it cannot', async () => {
    const user = userEvent.setup();
    renderPanels();
    await user.click(screen.getByRole('button', { name: 'Tentar novamente' }));
    expect(within(screen.getByRole('region', { name: 'Pedidos' })).getByRole('alert')).toBeVisible();
    broken.now = false;
    await user.click(screen.getByRole('button', { name: 'Tentar novamente' }));
    expect(screen.getByText('Pedido P-100')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('forgets the error when the route changes', () => {
    const { location } = renderPanels();
    broken.now = false;
    expect(screen.getByRole('alert')).toBeVisible();
    act(() => location.navigate('/accounts/acc-2'));
    expect(screen.getByText('Pedido P-100')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks pt-PT and English', () => {
    const { unmount } = renderPanels('pt-PT');
    expect(screen.getByRole('alert')).toHaveTextContent('Não foi possível mostrar esta parte');
    expect(screen.getByRole('button', { name: 'Tentar novamente' })).toBeVisible();
    unmount();
    renderPanels('en');
    expect(screen.getByRole('alert')).toHaveTextContent('This part could not be shown');
    expect(screen.getByRole('button', { name: 'Copy details' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});
