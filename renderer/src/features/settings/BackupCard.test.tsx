import { File as NodeFile } from 'node:buffer';
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { generateSampleData } from '@shared/sample-data';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { DatabaseProvider } from '../../db/DatabaseProvider';
import { backupDatabase } from '../../db/backup';
import type { CarteiraDatabase } from '../../db/types';
import { createI18n } from '../../i18n';
import { BackupCard } from './BackupCard';

let db: CarteiraDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const data = generateSampleData({ size: 'S', seed: 3, now: Date.UTC(2026, 10, 1), counts: { accounts: 12, activities: 20 } });

async function fixture(): Promise<CarteiraDatabase> {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'activities'] });
  await db.accounts.bulkInsert([...data.docs('accounts')]);
  await db.activities.bulkInsert([...data.docs('activities')]);
  return db;
}

async function snapshot(d: CarteiraDatabase) {
  return {
    accounts: (await d.accounts.find({ sort: [{ id: 'asc' }] }).exec()).map((x) => x.toJSON()),
    activities: (await d.activities.find({ sort: [{ id: 'asc' }] }).exec()).map((x) => x.toJSON()),
  };
}

function renderCard(d: CarteiraDatabase) {
  render(
    <I18nextProvider i18n={createI18n('pt-BR')}>
      <MantineProvider>
        <DatabaseProvider db={d} author={() => 'ana'}>
          <BackupCard />
        </DatabaseProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  return document.querySelector<HTMLInputElement>('input[type=file]')!;
}

// jsdom's File has no stream(); Node's is the same Web API the browser and Electron give.
const fileOf = (bytes: Uint8Array | string, name: string) => new NodeFile([bytes], name) as unknown as File;

describe('Settings → Backup', () => {
  it('refuses a bad file with a translated reason and changes nothing', async () => {
    const d = await fixture();
    const before = await snapshot(d);
    const input = renderCard(d);
    expect(input.accept).toBe('.carteira-backup');
    const user = userEvent.setup({ applyAccept: false });
    const cases: [File, string][] = [
      [fileOf('Razão social;Cidade\nAçúcar;São Paulo\n', 'contas.carteira-backup'), 'Não é uma cópia de segurança do Carteira'],
      [fileOf(new Uint8Array(), 'vazio.carteira-backup'), 'O arquivo está vazio.'],
    ];
    const whole = new Uint8Array(await new Response(backupDatabase(d)).arrayBuffer());
    cases.push([fileOf(whole.subarray(0, whole.length - 10), 'cortado.carteira-backup'), 'O arquivo está incompleto ou danificado']);
    for (const [file, reason] of cases) {
      await user.upload(input, file);
      const alert = await screen.findByText((text) => text.startsWith('Este arquivo não foi restaurado e nada mudou.') && text.includes(reason));
      expect(alert).toBeInTheDocument();
    }
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await snapshot(d)).toEqual(before);
  });

  it('shows what a good file holds, and after the confirmation the data equals the file', async () => {
    const d = await fixture();
    const before = await snapshot(d);
    const file = fileOf(new Uint8Array(await new Response(backupDatabase(d, { now: Date.UTC(2026, 10, 2, 15, 0) })).arrayBuffer()), 'copia.carteira-backup');
    await d.accounts.bulkRemove(before.accounts.slice(0, 3).map((a) => a.id));
    const input = renderCard(d);
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(input, file);
    const dialog = await screen.findByRole('dialog', { name: 'Restaurar esta cópia de segurança?' });
    expect(within(dialog).getByText(/Cópia feita em 2 de novembro de 2026.*com 32 registros/)).toBeInTheDocument();
    const list = within(dialog).getByRole('list', { name: 'O que a cópia contém' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['12 contas', '20 atividades']);
    expect(within(dialog).getByText(/enviados ao servidor como as suas edições/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Restaurar 32 registros' }));
    await waitFor(() => expect(screen.getByText('Cópia restaurada: 32 registros gravados, 0 removidos.')).toBeInTheDocument());
    expect(await snapshot(d)).toEqual(before);
  });
});
