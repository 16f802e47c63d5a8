import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Switch } from 'wouter';
import { openTestDatabase } from '../../../tests/helpers/test-database';
import { renderWithApp } from '../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../db/types';
import { inThreadTransport, SearchEngine } from '../search/search-engine';
import { SearchEngineContext } from '../search/SearchEngineContext';
import { INITIAL_SYNC_MACHINE } from '@shared/domain/sync-state';
import { useSyncStore } from '../sync/sync-store';
import { AppLayout } from './AppLayout';
import { useSettingsStore } from './settings-store';

/** A screen that fails to render, as one meeting a record it cannot show would. */
function BrokenScreen(): never {
  throw new RangeError('Invalid time value');
}

let db: CarteiraDatabase;
let engine: SearchEngine;
let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts', 'products', 'deals', 'activities'] });
  engine = new SearchEngine(db, inThreadTransport(db));
  useSettingsStore.setState({ info: { name: 'Carteira', version: '0.1.0', mode: 'web', platform: 'linux', userDataDir: '/tmp/x' } });
  useSyncStore.setState({ enabled: true, machine: INITIAL_SYNC_MACHINE });
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  consoleError.mockRestore();
  engine.stop();
  useSyncStore.setState({ enabled: false, machine: INITIAL_SYNC_MACHINE });
  useSettingsStore.setState({ info: null });
  await db.close();
});

function renderShell(path: string) {
  return renderWithApp(
    <SearchEngineContext.Provider value={engine}>
      <AppLayout>
        <Switch>
          <Route path="/today">
            <BrokenScreen />
          </Route>
          <Route path="/accounts">
            <p>Lista de contas</p>
          </Route>
        </Switch>
      </AppLayout>
    </SearchEngineContext.Provider>,
    { db, path },
  );
}

describe('a route that fails to render', () => {
  it("keeps the sidebar working, says so in the screen's place, and leaving the route resets it", async () => {
    const user = userEvent.setup();
    const { location } = renderShell('/today');
    const main = screen.getByRole('main');
    expect(within(main).getByRole('alert')).toHaveTextContent('Não foi possível mostrar esta tela');
    expect(within(main).getByRole('button', { name: 'Copiar detalhes' })).toBeVisible();
    const nav = screen.getByRole('navigation', { name: 'Navegação principal' });
    expect(within(nav).getByRole('status', { name: /^Sincronização:/ })).toBeVisible();

    await user.click(within(main).getByRole('button', { name: 'Copiar detalhes' }));
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain('Carteira 0.1.0 (web, linux)');
    expect(copied).toContain('Route: /today');

    await user.click(within(nav).getByRole('link', { name: 'Contas' }));
    expect(location.history?.at(-1)).toBe('/accounts');
    expect(within(main).getByText('Lista de contas')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();

    // Back to the broken screen: it fails again (the data did not change), still only there.
    act(() => location.navigate('/today'));
    expect(within(main).getByRole('alert')).toBeVisible();
    expect(within(nav).getByRole('link', { name: 'Contas' })).toBeVisible();
  });
});
