import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INT_MAX, type Account, type Activity, type Order } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { accountFieldsFromForm, emptyAccountForm } from '@shared/domain/account-form';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { Account360Page } from './Account360Page';

/**
 * One record with a value no calendar holds (`at` = 9e15 ms, past the year 275 760, which the
 * schema's bounds let through) must not blank the account's page. The formatters show it as "—";
 * and should a panel still throw (`unguarded`: formatting straight through Intl, as the timeline
 * did before), its error boundary keeps it to that panel.
 */
const formats = vi.hoisted(() => ({ unguarded: false }));
vi.mock('../../ui/formats', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ui/formats')>();
  return {
    ...actual,
    formatInstant: (at: number, locale: string, options?: Intl.DateTimeFormatOptions) =>
      formats.unguarded
        ? new Intl.DateTimeFormat(locale, options ?? { dateStyle: 'short', timeStyle: 'short' }).format(at)
        : actual.formatInstant(at, locale, options),
  };
});

Element.prototype.scrollIntoView ??= function scrollIntoView() {};

let db: CarteiraDatabase;
let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'activities', 'contacts', 'deals', 'orders', 'contracts', 'cases'] });
  formats.unguarded = false;
  // React reports each caught render error on the console; the assertions are on the screen.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  consoleError.mockRestore();
  await db.close();
});

const NOW = Date.now();
const BAD_AT = 9e15;

async function seed() {
  const account = {
    ...createDoc<Account>(
      accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name: 'Ferragens Silva Ltda', paymentTerms: '30/60 dias' }),
      'seed',
    ),
  };
  await db.accounts.insert(account);
  const activity = (summary: string, at: number) =>
    createDoc<Activity>(
      {
        type: 'call',
        accountId: account.id,
        contactId: '',
        dealId: '',
        at,
        atInv: INT_MAX - at,
        summary,
        body: '',
        outcome: '',
        durationMin: 10,
        taskState: 'none',
        dueAt: 0,
        reminderAt: 0,
        ownerId: 'ana',
      },
      'seed',
    );
  const bad = activity('Ligação do futuro distante', BAD_AT);
  // Straight into the database, as a sync or import with a bad value would put it.
  await db.activities.bulkInsert([activity('Visita à loja', NOW - 86_400_000), bad]);
  await db.orders.insert(
    createDoc<Order>(
      {
        number: 'P-100',
        accountId: account.id,
        dealId: '',
        contractId: '',
        status: 'delivered',
        lines: [],
        currency: 'BRL',
        total: 50_000,
        orderedAt: NOW,
        promisedDate: '2026-03-10',
        deliveredDate: '2026-03-09',
        ownerId: 'ana',
        notes: [],
      },
      'seed',
    ),
  );
  return { account, bad };
}

describe('account 360° page with a bad value', { timeout: 60_000 }, () => {
  it('shows the activity with "—" for its date, and every section', async () => {
    const { account } = await seed();
    renderWithApp(<Account360Page id={account.id} />, { db, path: `/accounts/${account.id}` });
    const timeline = await screen.findByRole('region', { name: 'Linha do tempo' });
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(2));
    const bad = within(timeline).getByRole('link', { name: 'Ligação do futuro distante' }).closest('[role="listitem"]')!;
    expect(within(bad as HTMLElement).getByText('Ligação · —')).toBeVisible();
    expect(await within(screen.getByRole('region', { name: 'Pedidos' })).findByText('P-100')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps a panel that still throws to itself: the other sections show, the notice is translated, details copy, retry works once fixed', async () => {
    formats.unguarded = true;
    const { account, bad } = await seed();
    const user = userEvent.setup();
    renderWithApp(<Account360Page id={account.id} />, { db, path: `/accounts/${account.id}` });

    expect(await screen.findByRole('heading', { level: 2, name: 'Ferragens Silva Ltda' })).toBeVisible();
    const timeline = await screen.findByRole('region', { name: 'Linha do tempo' });
    expect(within(timeline).getByRole('alert')).toHaveTextContent('Não foi possível mostrar esta parte');
    expect(within(timeline).getByText(/Seus dados continuam guardados neste computador/)).toBeVisible();
    // The rest of the page works: conditions, orders, contacts, the actions.
    expect(within(screen.getByRole('region', { name: 'Condições comerciais' })).getByText('30/60 dias')).toBeVisible();
    expect(await within(screen.getByRole('region', { name: 'Pedidos' })).findByText('P-100')).toBeVisible();
    expect(await within(screen.getByRole('region', { name: 'Contatos' })).findByText('Nenhum contato.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Registrar atividade' })).toBeEnabled();
    expect(screen.getAllByRole('alert')).toHaveLength(1);

    await user.click(within(timeline).getByRole('button', { name: 'Copiar detalhes' }));
    expect(await within(timeline).findByText(/Detalhes copiados/)).toBeVisible();
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain('Error: RangeError: Invalid time value');
    expect(copied).toContain(`Route: /accounts/${account.id}`);
    expect(copied).toMatch(/Components:[\s\S]*AccountTimeline/);
    // Nothing of the client beyond the error's own words: no account name, no activity summary.
    expect(copied).not.toContain('Ferragens');
    expect(copied).not.toContain('Ligação do futuro distante');

    // Same data, same failure: the notice stays.
    await user.click(within(timeline).getByRole('button', { name: 'Tentar novamente' }));
    expect(within(screen.getByRole('region', { name: 'Linha do tempo' })).getByRole('alert')).toBeVisible();
    // The bad record fixed (here: removed), "Tentar novamente" shows the timeline.
    await (await db.activities.findOne(bad.id).exec())!.remove();
    await user.click(within(screen.getByRole('region', { name: 'Linha do tempo' })).getByRole('button', { name: 'Tentar novamente' }));
    const healed = screen.getByRole('region', { name: 'Linha do tempo' });
    expect(await within(healed).findByRole('link', { name: 'Visita à loja' })).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
