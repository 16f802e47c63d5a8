import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxStorage } from 'rxdb';
import { databaseNameOf, type DataScope } from '@shared/domain/data-scope';
import { generateSampleData, isSampleId } from '@shared/sample-data';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { sampleAccountFields } from '../../../../tests/sync/account-fixture';
import { DatabaseProvider } from '../../db/DatabaseProvider';
import { createRepository } from '../../db/repository';
import type { CarteiraDatabase } from '../../db/types';
import { createI18n } from '../../i18n';
import { SampleDataButton } from '../sample-data/SampleDataButton';
import { LocalDataCard } from './LocalDataCard';

const collections = ['accounts', 'activities'] as const;
const demo: DataScope = { kind: 'team', url: 'http://127.0.0.1:5984', team: 'demo' };
let open: CarteiraDatabase[] = [];
let run = 0;
afterEach(async () => {
  await Promise.all(open.map((db) => db.close()));
  open = [];
});

/** This computer's no-server data: two accounts of mine and one sample account (closed again, as when a team's is open). */
async function localComputerData(): Promise<string> {
  const name = `test-local-${process.pid}-${++run}`;
  const db = await openTestDatabase('memory', name, { collections });
  const accounts = createRepository(db, 'accounts', () => 'ana');
  await accounts.create(sampleAccountFields('Padaria Aurora Ltda'));
  await accounts.create(sampleAccountFields('Ferragens Boa Vista Ltda'));
  await db.accounts.insert(generateSampleData({ size: 'S', seed: 5, now: Date.now() }).doc('accounts', 0));
  await db.close();
  return name;
}

function renderWith(ui: React.ReactNode, db: CarteiraDatabase, scope: DataScope, localName: string) {
  return render(
    <I18nextProvider i18n={createI18n('pt-BR')}>
      <MantineProvider>
        <DatabaseProvider
          db={db}
          author={() => 'ana'}
          scope={scope}
          localData={{ storage: getRxStorageMemory() as RxStorage<unknown, unknown>, name: localName }}
        >
          {ui}
        </DatabaseProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}

describe("Settings → this computer's data", () => {
  it('copies the no-server data into the team only after showing what goes and a confirmation, sample data left out', async () => {
    const localName = await localComputerData();
    const team = await openTestDatabase('memory', `${databaseNameOf(demo)}-${run}`, { collections });
    open.push(team);
    const user = userEvent.setup();
    renderWith(<LocalDataCard />, team, demo, localName);
    expect(screen.getByText('Abertos agora: os dados da equipe demo em http://127.0.0.1:5984.')).toBeInTheDocument();
    expect(await team.accounts.count().exec()).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Copiar os dados deste computador para a equipe demo…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Copiar os dados deste computador para a equipe demo?' });
    expect(within(dialog).getByText('2 registros serão copiados:')).toBeInTheDocument();
    expect(within(dialog).getByRole('list', { name: 'O que será copiado' })).toHaveTextContent('2 contas');
    expect(within(dialog).getByText('1 registro de exemplo fica de fora.')).toBeInTheDocument();
    // Nothing is written before the confirmation.
    expect(await team.accounts.count().exec()).toBe(0);

    await user.click(within(dialog).getByRole('button', { name: 'Copiar 2 registros' }));
    await screen.findByText('2 registros copiados para a equipe demo; eles serão enviados ao servidor.');
    const copied = await team.accounts.find().exec();
    expect(copied.map((d) => d.name).sort()).toEqual(['Ferragens Boa Vista Ltda', 'Padaria Aurora Ltda']);
    expect(copied.some((d) => isSampleId(d.primary))).toBe(false);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('offers no copy while the no-server data itself is open', async () => {
    const localName = await localComputerData();
    const db = await openTestDatabase('memory', localName, { collections });
    open.push(db);
    renderWith(<LocalDataCard />, db, { kind: 'local' }, localName);
    expect(screen.getByText('Abertos agora: os dados deste computador, sem servidor.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Copiar/ })).not.toBeInTheDocument();
  });
});

describe('sample data in a team', () => {
  it('is not offered: the empty state says why instead', async () => {
    const team = await openTestDatabase('memory', `${databaseNameOf(demo)}-s${++run}`, { collections });
    open.push(team);
    renderWith(<SampleDataButton />, team, demo, 'unused');
    expect(screen.queryByRole('button', { name: 'Carregar dados de exemplo' })).not.toBeInTheDocument();
    expect(screen.getByText(/Dados de exemplo só existem nos dados deste computador, sem servidor/)).toBeInTheDocument();
  });
});
