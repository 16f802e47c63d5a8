import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDoc } from '@shared/domain/documents';
import type { Account } from '@shared/models';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import { sampleAccountFields } from '../../../../tests/sync/account-fixture';
import type { CarteiraDatabase } from '../../db/types';
import { registerProblemActions, type RetryOutcome } from '../../sync/sync-problem-actions';
import {
  createMemoryProblemStore,
  problemKey,
  setSyncProblemStore,
  type QuarantinedDocument,
  type RejectedChange,
  type SyncProblemStore,
} from '../../sync/sync-problems-store';
import { SyncProblemsPage } from './SyncProblemsPage';

const SCOPE = 'http://127.0.0.1:5984/demo-accounts/';
const AT = Date.UTC(2026, 2, 10, 14);

let db: CarteiraDatabase;
let store: SyncProblemStore;
let unregister: () => void = () => {};
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'activities'] });
  store = createMemoryProblemStore();
  setSyncProblemStore(store);
});
afterEach(async () => {
  unregister();
  await db.close();
});

const quarantinedActivity: QuarantinedDocument = {
  key: problemKey(SCOPE.replace('accounts', 'activities'), 'quarantined', 'act1'),
  scope: SCOPE.replace('accounts', 'activities'),
  collection: 'activities',
  docId: 'act1',
  at: AT,
  kind: 'quarantined',
  rev: '2-abc',
  issues: [{ path: 'at', code: 'time_out_of_range', limit: 7_258_118_400_000 }],
  raw: '{"_id":"act1","summary":"<img src=x onerror=alert(1)>","at":9000000000000000}',
  rawChars: 80_000,
};
const quarantinedAccount: QuarantinedDocument = {
  ...quarantinedActivity,
  key: problemKey(SCOPE, 'quarantined', 'acc9'),
  scope: SCOPE,
  collection: 'accounts',
  docId: 'acc9',
  at: AT - 1000,
  issues: [
    { path: 'name', code: 'invalid_type' },
    { path: 'notes[0].text', code: 'too_long', limit: 20_000 },
  ],
  raw: '{}',
  rawChars: 2,
};
const rejectedAccount: RejectedChange = {
  key: problemKey(SCOPE, 'rejected', 'acc1'),
  scope: SCOPE,
  collection: 'accounts',
  docId: 'acc1',
  at: AT + 1000,
  kind: 'rejected',
  status: 403,
  error: 'forbidden',
  reason: 'Cidade bloqueada pela regra da equipe',
  serverRev: '3-def',
  sent: { _id: 'acc1' },
};

/** The replication's actions for SCOPE as the screen meets them, recording what it asked. */
function actions(retryOutcome: RetryOutcome) {
  const calls: string[] = [];
  unregister = registerProblemActions(SCOPE, {
    async retry(id) {
      calls.push(`retry ${id}`);
      return retryOutcome;
    },
    async discard(id) {
      calls.push(`discard ${id}`);
      await store.remove([problemKey(SCOPE, 'rejected', id)]);
    },
  });
  return calls;
}

describe('sync problems screen', () => {
  it('says so when there is nothing', async () => {
    renderWithApp(<SyncProblemsPage />, { db, path: '/sync/problems' });
    expect(await screen.findByText('Nenhum problema')).toBeVisible();
  });

  it('lists refused documents with the reason per field, and the refused document only as text', async () => {
    await store.put([quarantinedActivity, quarantinedAccount]);
    renderWithApp(<SyncProblemsPage />, { db, path: '/sync/problems' });
    const section = await screen.findByRole('region', { name: 'Recebidos do servidor e recusados' });
    const cards = within(section).getAllByRole('article');
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual(['Atividades · act1', 'Contas · acc9']);
    expect(within(cards[0]!).getByText('at: data e hora impossível (depois de 01/01/2200)')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('Razão social (name): tipo de valor errado')).toBeInTheDocument();
    expect(within(cards[1]!).getByText(/\(notes\[0\]\.text\): texto longo demais \(máximo de 20\.000 caracteres\)$/)).toBeInTheDocument();
    expect(within(cards[0]!).getByText(/onerror=alert/)).toBeInTheDocument();
    expect(cards[0]!.querySelector('img')).toBeNull();
    expect(within(cards[0]!).getByText(`Mostrando ${quarantinedActivity.raw.length} de 80.000 caracteres.`)).toBeInTheDocument();
  });

  it("retries a refused change and shows the server's answer; fix opens the record; discard asks first, then the entry goes", async () => {
    await db.accounts.insert(createDoc<Account>({ ...sampleAccountFields('Ferragens Silva Ltda'), tradeName: 'Ferragens Silva' }, 'ana', AT, 'acc1'));
    await store.put([rejectedAccount, quarantinedAccount]);
    const calls = actions({ ok: false, status: 403, reason: 'Cidade bloqueada pela regra da equipe' });
    const user = userEvent.setup();
    renderWithApp(<SyncProblemsPage />, { db, path: '/sync/problems' });
    const section = await screen.findByRole('region', { name: 'Suas alterações recusadas pelo servidor' });
    const card = within(section).getByRole('article');
    await waitFor(() => expect(within(card).getByRole('heading').textContent).toBe('Contas · Ferragens Silva'));
    expect(within(card).getByText('Recusada por uma regra do servidor')).toBeVisible();
    expect(within(card).getByText('Motivo informado pelo servidor: Cidade bloqueada pela regra da equipe')).toBeVisible();
    expect(within(card).getByRole('link', { name: 'Corrigir' })).toHaveAttribute('href', '/accounts/acc1');

    await user.click(within(card).getByRole('button', { name: 'Enviar de novo' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('O servidor recusou de novo: Cidade bloqueada pela regra da equipe');

    await user.click(within(card).getByRole('button', { name: 'Descartar minha alteração' }));
    const dialog = await screen.findByRole('dialog', { name: 'Descartar a alteração?' });
    expect(within(dialog).getByText(/sua alteração em "Ferragens Silva" se perde/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancelar' }));
    expect(calls).toEqual(['retry acc1']);

    await user.click(within(card).getByRole('button', { name: 'Descartar minha alteração' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Descartar' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Suas alterações recusadas pelo servidor' })).not.toBeInTheDocument());
    expect(calls).toEqual(['retry acc1', 'discard acc1']);
    expect(screen.getByRole('region', { name: 'Recebidos do servidor e recusados' })).toBeVisible();
  });

  it('says sync is not running when no replication holds the database', async () => {
    await store.put([rejectedAccount]);
    const user = userEvent.setup();
    renderWithApp(<SyncProblemsPage />, { db, path: '/sync/problems' });
    await user.click(await screen.findByRole('button', { name: 'Enviar de novo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A sincronização com este servidor não está ativa agora.');
  });

  it('speaks English and European Portuguese', async () => {
    await store.put([rejectedAccount, quarantinedActivity]);
    const { unmount } = renderWithApp(<SyncProblemsPage />, { db, path: '/sync/problems', locale: 'en' });
    expect(await screen.findByRole('heading', { name: 'Sync problems' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Send again' })).toBeVisible();
    expect(screen.getByText('Refused by a server rule')).toBeVisible();
    expect(screen.getByText('at: impossible date and time (after 01/01/2200)')).toBeInTheDocument();
    unmount();
    renderWithApp(<SyncProblemsPage />, { db, path: '/sync/problems', locale: 'pt-PT' });
    expect(await screen.findByRole('button', { name: 'Descartar a minha alteração' })).toBeVisible();
    expect(screen.getByText('As suas alterações recusadas pelo servidor')).toBeVisible();
  });
});
