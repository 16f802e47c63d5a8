import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Account } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { accountFieldsFromForm, emptyAccountForm } from '@shared/domain/account-form';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { useAccount } from '../../db/hooks';
import { ReliabilityPanel, seenOnFromText } from './ReliabilityPanel';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts'] });
  localStorage.clear(); // drafts left by an earlier test's unsaved typing
});
afterEach(async () => {
  await db.close();
});

function Panel({ id }: { id: string }) {
  const account = useAccount(id);
  return account ? <ReliabilityPanel account={account} /> : null;
}

async function seed() {
  const account = createDoc<Account>(
    accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name: 'Prospect Duvidoso Ltda', status: 'prospect' }),
    'seed',
  );
  await db.accounts.insert(account);
  return account;
}
const signals = async (id: string) => (await db.accounts.findOne(id).exec())!.risk.signals;
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const todayShown = `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;

describe('reliability panel: the "seen on" date', () => {
  it('shows and takes dates day first in Portuguese, typed from the keyboard', async () => {
    const { id } = await seed();
    const user = userEvent.setup();
    renderWithApp(<Panel id={id} />, { db, path: `/accounts/${id}` });
    const panel = await screen.findByRole('region', { name: 'Confiabilidade' });
    const date = within(panel).getByLabelText('Visto em');
    expect(date).toHaveValue(todayShown);
    expect(date).toHaveAttribute('placeholder', 'dd/mm/aaaa');

    await user.clear(date);
    await user.type(date, '07/03/2025');
    // The calendar under the field follows what is typed, in Portuguese.
    expect(await screen.findByText('março 2025')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Registrar sinal' }));
    await waitFor(async () => expect(await signals(id)).toHaveLength(1));
    expect((await signals(id))[0]!.seenAt).toBe(Date.UTC(2025, 2, 7, 12));
    expect(await within(panel).findByText('Atrasos de pagamento · 07/03/2025')).toBeVisible();
    expect(date).toHaveValue('07/03/2025');
  });

  it('refuses an impossible, future or empty date with a translated message and keeps what was typed', async () => {
    const { id } = await seed();
    const user = userEvent.setup();
    renderWithApp(<Panel id={id} />, { db, path: `/accounts/${id}` });
    const panel = await screen.findByRole('region', { name: 'Confiabilidade' });
    const date = within(panel).getByLabelText('Visto em');
    const add = within(panel).getByRole('button', { name: 'Registrar sinal' });

    await user.clear(date);
    await user.type(date, '31/02/2025');
    await user.click(add);
    expect(await within(panel).findByText('Data inválida. Use dd/mm/aaaa.')).toBeVisible();
    expect(date).toHaveValue('31/02/2025');
    expect(date).toHaveAttribute('aria-invalid', 'true');

    await user.clear(date);
    await user.type(date, `01/01/${now.getFullYear() + 1}`);
    await user.tab();
    expect(await within(panel).findByText('A data não pode estar no futuro.')).toBeVisible();

    await user.clear(date);
    await user.click(add);
    expect(await within(panel).findByText('Informe a data.')).toBeVisible();
    expect(await signals(id)).toEqual([]);

    // Fixing it clears the message and records the sign.
    await user.type(date, '2/1/2024');
    expect(within(panel).queryByText('Informe a data.')).toBeNull();
    await user.click(add);
    await waitFor(async () => expect(await signals(id)).toHaveLength(1));
    expect((await signals(id))[0]!.seenAt).toBe(Date.UTC(2024, 0, 2, 12));
  });

  it("speaks the user's language in pt-PT and English", async () => {
    const { id } = await seed();
    const user = userEvent.setup();
    const pt = renderWithApp(<Panel id={id} />, { db, path: `/accounts/${id}`, locale: 'pt-PT' });
    let panel = await screen.findByRole('region', { name: 'Fiabilidade' });
    await user.clear(within(panel).getByLabelText('Visto em'));
    await user.click(within(panel).getByRole('button', { name: 'Registar sinal' }));
    expect(await within(panel).findByText('Indique a data.')).toBeVisible();
    pt.unmount();

    renderWithApp(<Panel id={id} />, { db, path: `/accounts/${id}`, locale: 'en' });
    panel = await screen.findByRole('region', { name: 'Reliability' });
    const date = within(panel).getByLabelText('Seen on');
    expect(date).toHaveValue(todayShown);
    await user.clear(date);
    await user.type(date, '99/99/2024');
    await user.tab();
    expect(await within(panel).findByText('Invalid date. Use dd/mm/yyyy.')).toBeVisible();
  });
});

describe('seenOnFromText', () => {
  it('reads day-first dates and ISO, and says what is wrong otherwise', () => {
    expect(seenOnFromText('7/3/2025', '2026-01-01')).toEqual({ day: '2025-03-07' });
    expect(seenOnFromText('07.03.25', '2026-01-01')).toEqual({ day: '2025-03-07' });
    expect(seenOnFromText('2025-03-07', '2026-01-01')).toEqual({ day: '2025-03-07' });
    expect(seenOnFromText('2026-01-01', '2026-01-01')).toEqual({ day: '2026-01-01' });
    expect(seenOnFromText('02/01/2026', '2026-01-01')).toEqual({ error: 'future' });
    expect(seenOnFromText('29/02/2025', '2026-01-01')).toEqual({ error: 'invalid' });
    expect(seenOnFromText(' ', '2026-01-01')).toEqual({ error: 'required' });
  });
});

describe('reliability panel: nothing typed is lost', () => {
  it('keeps the signal being typed when the window dies, and forgets it once recorded', async () => {
    const { id } = await seed();
    const user = userEvent.setup();
    const first = renderWithApp(<Panel id={id} />, { db, path: `/accounts/${id}` });
    let panel = await screen.findByRole('region', { name: 'Confiabilidade' });
    await user.selectOptions(within(panel).getByLabelText('Sinal de alerta'), 'legal_disputes');
    await user.type(within(panel).getByLabelText('Observação'), 'Dois processos trabalhistas em 2025');
    first.unmount();

    renderWithApp(<Panel id={id} />, { db, path: `/accounts/${id}` });
    panel = await screen.findByRole('region', { name: 'Confiabilidade' });
    expect(within(panel).getByText('Recuperamos o que você digitou.')).toBeVisible();
    expect(within(panel).getByLabelText('Sinal de alerta')).toHaveValue('legal_disputes');
    expect(within(panel).getByLabelText('Observação')).toHaveValue('Dois processos trabalhistas em 2025');
    await user.click(within(panel).getByRole('button', { name: 'Registrar sinal' }));
    await waitFor(async () => expect(await signals(id)).toHaveLength(1));
    expect((await signals(id))[0]).toMatchObject({ kind: 'legal_disputes', note: 'Dois processos trabalhistas em 2025' });
    expect(Object.keys(localStorage).filter((k) => k.startsWith('carteira.draft.'))).toEqual([]);
  });
});
