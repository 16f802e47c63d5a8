import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Locale } from '../../shared/ipc';
import { DatabaseProvider } from '../../renderer/src/db/DatabaseProvider';
import type { CarteiraDatabase } from '../../renderer/src/db/types';
import { createI18n } from '../../renderer/src/i18n';

/** Renders UI with the app's providers around a real test database, at an in-memory route. */
export function renderWithApp(ui: ReactNode, { db, path = '/', locale = 'pt-BR' }: { db: CarteiraDatabase; path?: string; locale?: Locale }) {
  const location = memoryLocation({ path, record: true });
  const result = render(
    <I18nextProvider i18n={createI18n(locale)}>
      <MantineProvider>
        <DatabaseProvider db={db} author={() => 'tester'}>
          <Router hook={location.hook}>{ui}</Router>
        </DatabaseProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  return { ...result, location };
}
