import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notifications } from '@mantine/notifications';
import { I18nextProvider } from 'react-i18next';
import type { AppSettings } from '@shared/ipc';
import { installFakeSettingsMain } from '../../../tests/helpers/fake-settings-main';
import { createI18n } from '../i18n';
import { resetBridgeForTests } from '../platform/bridge';
import { AppThemeProvider } from './AppThemeProvider';
import { useSettingsStore } from './settings-store';
import { ThemeToggle } from './ThemeToggle';

const initial: AppSettings = {
  locale: 'pt-BR',
  theme: 'light',
  userName: 'Ana',
  deviceId: 'dev1',
  welcomed: true,
  syncPaused: false,
  startAtLogin: false,
  updateUrl: '',
};

function renderToggle() {
  return render(
    <I18nextProvider i18n={createI18n('pt-BR')}>
      <AppThemeProvider>
        <Notifications />
        <ThemeToggle />
      </AppThemeProvider>
    </I18nextProvider>,
  );
}

const scheme = () => document.documentElement.getAttribute('data-mantine-color-scheme');

beforeEach(() => {
  resetBridgeForTests();
  useSettingsStore.setState({ settings: { ...initial } });
});
afterEach(() => {
  delete window.carteira;
});

describe('ThemeToggle', () => {
  it('steps light → dark → automatic, switching Mantine and saving each choice through settings:set', async () => {
    const main = installFakeSettingsMain(initial);
    const user = userEvent.setup();
    renderToggle();
    expect(scheme()).toBe('light');

    await user.click(screen.getByRole('button', { name: 'Tema: Claro. Mudar para Escuro' }));
    await waitFor(() => expect(scheme()).toBe('dark'));
    expect(main.sets).toEqual([{ theme: 'dark' }]);
    expect(useSettingsStore.getState().settings?.theme).toBe('dark');

    await user.click(screen.getByRole('button', { name: 'Tema: Escuro. Mudar para Automático' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Tema: Automático. Mudar para Claro' })).toBeInTheDocument());
    // Automatic follows the OS; jsdom's matchMedia says "not dark".
    expect(scheme()).toBe('light');
    expect(main.sets).toEqual([{ theme: 'dark' }, { theme: 'auto' }]);
  });

  it('keeps the theme and says why when saving fails', async () => {
    const main = installFakeSettingsMain(initial);
    main.state.fail = true;
    const user = userEvent.setup();
    renderToggle();
    await user.click(screen.getByRole('button', { name: 'Tema: Claro. Mudar para Escuro' }));
    expect(await screen.findByText(/Não foi possível mudar o tema: Erro interno: EACCES/)).toBeInTheDocument();
    expect(scheme()).toBe('light');
    expect(screen.getByRole('button', { name: 'Tema: Claro. Mudar para Escuro' })).toBeInTheDocument();
  });
});
