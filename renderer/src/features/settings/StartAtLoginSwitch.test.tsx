import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import type { AppInfo, AppSettings } from '@shared/ipc';
import { installFakeSettingsMain } from '../../../../tests/helpers/fake-settings-main';
import { createI18n } from '../../i18n';
import { resetBridgeForTests } from '../../platform/bridge';
import { useSettingsStore } from '../../app/settings-store';
import { StartAtLoginSwitch } from './StartAtLoginSwitch';

const initial: AppSettings = {
  locale: 'pt-BR',
  theme: 'light',
  userName: '',
  deviceId: 'dev1',
  welcomed: true,
  syncPaused: false,
  startAtLogin: false,
  updateUrl: '',
};
const info = (mode: AppInfo['mode'], platform: string): AppInfo => ({ name: 'Carteira', version: '0.1.0', mode, platform, userDataDir: '/tmp/x' });

function renderSwitch(locale: 'pt-BR' | 'en' = 'pt-BR') {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <MantineProvider>
        <StartAtLoginSwitch />
      </MantineProvider>
    </I18nextProvider>,
  );
}

beforeEach(() => resetBridgeForTests());
afterEach(() => {
  delete window.carteira;
});

describe('StartAtLoginSwitch', () => {
  it('starts off, and turning it on (then off) saves startAtLogin', async () => {
    const main = installFakeSettingsMain(initial);
    useSettingsStore.setState({ settings: { ...initial }, info: info('electron', 'win32') });
    const user = userEvent.setup();
    renderSwitch();
    const toggle = screen.getByRole('switch', { name: /^Abrir o Carteira ao iniciar sessão no computador/ });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(main.sets).toEqual([{ startAtLogin: true }]);
    await user.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(main.sets).toEqual([{ startAtLogin: true }, { startAtLogin: false }]);
  });

  it('is translated', () => {
    installFakeSettingsMain(initial);
    useSettingsStore.setState({ settings: { ...initial, locale: 'en' }, info: info('electron', 'darwin') });
    renderSwitch('en');
    expect(screen.getByRole('switch', { name: /^Open Carteira when you log in to the computer/ })).toBeInTheDocument();
  });

  it('is not offered in web mode nor on Linux, where the OS cannot be asked', () => {
    installFakeSettingsMain(initial);
    useSettingsStore.setState({ settings: { ...initial }, info: info('web', 'win32') });
    const { unmount } = renderSwitch();
    expect(screen.queryByRole('switch')).toBeNull();
    unmount();
    useSettingsStore.setState({ info: info('electron', 'linux') });
    renderSwitch();
    expect(screen.queryByRole('switch')).toBeNull();
  });
});
