import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDoc, editDoc } from '@shared/domain/documents';
import type { Account } from '@shared/models';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import { sampleAccountFields } from '../../../../tests/sync/account-fixture';
import type { CarteiraDatabase } from '../../db/types';
import { recordConflicts } from '../../sync/conflict-log';
import { ConflictsPage } from './ConflictsPage';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts'] });
});
afterEach(async () => {
  await db.close();
});

const account = createDoc<Account>({ ...sampleAccountFields(), name: 'Ferragens Silva Ltda', tradeName: 'Ferragens Silva' }, 'ana', 1000, 'acc1');

describe('conflicts screen', () => {
  it('says so when nothing was lost', async () => {
    renderWithApp(<ConflictsPage />, { db, path: '/conflicts' });
    expect(await screen.findByText('Nenhum conflito')).toBeVisible();
  });

  it('lists lost edits newest first and restores one with one click', async () => {
    await db.accounts.insert(editDoc(account, { city: 'Braga' }, 'ana', 3000));
    await recordConflicts(
      db,
      [
        {
          collection: 'accounts',
          docId: 'acc1',
          field: 'city',
          keptValue: 'Braga',
          lostValue: 'Lisboa',
          keptAt: 3000,
          lostAt: 2000,
          keptBy: 'ana',
          lostBy: 'bia',
        },
      ],
      5000,
    );
    await recordConflicts(
      db,
      [
        {
          collection: 'accounts',
          docId: 'acc1',
          field: 'tags',
          keptValue: ['vip'],
          lostValue: ['vip', 'norte'],
          keptAt: 3000,
          lostAt: 2500,
          keptBy: 'ana',
          lostBy: 'bia',
        },
      ],
      6000,
    );

    const user = userEvent.setup();
    renderWithApp(<ConflictsPage />, { db, path: '/conflicts' });
    const cards = await screen.findAllByRole('article');
    await waitFor(() =>
      expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual([
        'Contas · Ferragens Silva — Etiquetas',
        'Contas · Ferragens Silva — Cidade',
      ]),
    );
    expect(within(cards[1]!).getByRole('link', { name: 'Ferragens Silva' })).toHaveAttribute('href', '/accounts/acc1');
    expect(screen.getByText('2 conflitos · 2 por revisar')).toBeVisible();
    const city = cards[1]!;
    expect(within(city).getByText('Braga')).toBeVisible();
    expect(within(city).getByText('Lisboa')).toBeVisible();
    expect(within(city).getByText(/^bia, /)).toBeVisible();
    expect(within(cards[0]!).getByText('vip, norte')).toBeVisible();

    await user.click(within(city).getByRole('button', { name: 'Restaurar' }));
    await waitFor(async () => expect((await db.accounts.findOne('acc1').exec())?.city).toBe('Lisboa'));
    expect((await db.accounts.findOne('acc1').exec())?.updatedBy).toBe('tester');
    const restored = screen.getAllByRole('article')[1]!;
    expect(await within(restored).findByText(/^Restaurado em/)).toBeVisible();
    expect(within(restored).queryByRole('button', { name: 'Restaurar' })).not.toBeInTheDocument();
    expect(within(restored).getByText('Valor restaurado')).toBeVisible();
    expect(screen.getByText('2 conflitos · 1 por revisar')).toBeVisible();
  });

  it('tells the person whose value lost that it was replaced, by name, and never shows a device id', async () => {
    await db.accounts.insert(editDoc(account, { city: 'Braga' }, 'bruno', 3000));
    // Pulled from the team's conflict log: bruno's device resolved it, this user ("tester") lost.
    await recordConflicts(
      db,
      [
        {
          collection: 'accounts',
          docId: 'acc1',
          field: 'city',
          keptValue: 'Braga',
          lostValue: 'Lisboa',
          keptAt: 3000,
          lostAt: 2000,
          keptBy: 'bruno',
          lostBy: 'tester',
        },
      ],
      5000,
    );
    // Between two colleagues, one stamped with a device id (data from before authors were names).
    await recordConflicts(
      db,
      [
        {
          collection: 'accounts',
          docId: 'acc1',
          field: 'name',
          keptValue: 'A',
          lostValue: 'B',
          keptAt: 3000,
          lostAt: 2500,
          keptBy: 'carla',
          lostBy: '0mx567lanemg9rzfb8bso',
        },
      ],
      6000,
    );

    const user = userEvent.setup();
    renderWithApp(<ConflictsPage />, { db, path: '/conflicts' });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
    const [names, city] = screen.getAllByRole('article');
    expect(within(city!).getByRole('note')).toHaveTextContent('Seu valor foi substituído pelo de bruno.');
    expect(within(city!).getByText(/^Você, /)).toBeVisible();
    expect(within(names!).getByText(/^outro dispositivo, /)).toBeVisible();
    expect(within(names!).queryByRole('note')).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain('0mx567lanemg9rzfb8bso');

    await user.click(screen.getByRole('radio', { name: 'Os meus' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.getByRole('note')).toHaveTextContent('Seu valor foi substituído pelo de bruno.');
  });
});
