import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider, TextInput } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Locale } from '@shared/ipc';
import { createI18n } from '../i18n';
import { ShortcutsHelp, ShortcutsHelpButton, useShortcutsHelpStore } from './ShortcutsHelp';
import { GO_SEQUENCE_MS, useGoShortcuts } from './useGoShortcuts';

function Shortcuts() {
  useGoShortcuts();
  return (
    <>
      <ShortcutsHelpButton />
      <TextInput label="Nome" />
      <ShortcutsHelp />
    </>
  );
}

function renderShortcuts(locale: Locale = 'pt-BR') {
  const location = memoryLocation({ path: '/today', record: true });
  render(
    <I18nextProvider i18n={createI18n(locale)}>
      <MantineProvider>
        <Router hook={location.hook}>
          <Shortcuts />
        </Router>
      </MantineProvider>
    </I18nextProvider>,
  );
  return location;
}

afterEach(() => {
  act(() => useShortcutsHelpStore.getState().close());
  vi.restoreAllMocks();
});

describe('ShortcutsHelp', () => {
  it('opens with ? and lists the shortcuts; Esc closes it', async () => {
    const user = userEvent.setup();
    renderShortcuts();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Atalhos de teclado' });
    for (const label of [
      'Buscar e comandos',
      'Registrar atividade rápida',
      'Salvar o formulário',
      'Fechar diálogo ou menu',
      'Ir para Contas',
      'Ir para Contatos',
      'Ir para Meu dia',
      'Ir para Catálogo',
    ]) {
      expect(within(dialog).getByText(label)).toBeInTheDocument();
    }
    const row = within(dialog).getByText('Ir para Contas').closest('tr')!;
    expect(row).toHaveTextContent(/G.*depois.*A/);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('opens from the header button too, in the chosen language', async () => {
    const user = userEvent.setup();
    renderShortcuts('en');
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts (?)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Go to Accounts')).toBeInTheDocument();
  });

  it('does not open while typing a ? in a field', async () => {
    const user = userEvent.setup();
    renderShortcuts();
    await user.type(screen.getByLabelText('Nome'), 'Quem?');
    expect(screen.getByLabelText('Nome')).toHaveValue('Quem?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('useGoShortcuts', () => {
  it.each([
    ['a', '/accounts'],
    ['c', '/contacts'],
    ['p', '/catalogue'],
    ['f', '/pipeline'],
    ['s', '/settings'],
  ])('g then %s goes to %s', async (letter, path) => {
    const user = userEvent.setup();
    const location = renderShortcuts();
    await user.keyboard(`g${letter}`);
    expect(location.history.at(-1)).toBe(path);
  });

  it('g then t goes back to today from elsewhere', async () => {
    const user = userEvent.setup();
    const location = renderShortcuts();
    await user.keyboard('ga');
    await user.keyboard('gt');
    expect(location.history).toEqual(['/today', '/accounts', '/today']);
  });

  it('ignores the keys while typing in a field, and a lone letter without g', async () => {
    const user = userEvent.setup();
    const location = renderShortcuts();
    await user.type(screen.getByLabelText('Nome'), 'ga');
    await user.keyboard('{Tab}');
    await user.keyboard('a');
    expect(location.history).toEqual(['/today']);
  });

  it('leaves letters to an open dialog', async () => {
    const user = userEvent.setup();
    const location = renderShortcuts();
    await user.keyboard('?');
    await screen.findByRole('dialog', { name: 'Atalhos de teclado' });
    await user.keyboard('ga');
    expect(location.history).toEqual(['/today']);
  });

  it('forgets the g after a pause, and ignores Ctrl+G', async () => {
    const user = userEvent.setup();
    const location = renderShortcuts();
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    await user.keyboard('g');
    now.mockReturnValue(1_000_000 + GO_SEQUENCE_MS + 1);
    await user.keyboard('a');
    await user.keyboard('{Control>}g{/Control}a');
    expect(location.history).toEqual(['/today']);
  });
});
