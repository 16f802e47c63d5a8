import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { syncProblemNoticeText, watchSyncProblems, type ProblemNotice, refusedSignInNoticeText, watchRefusedSignIn } from './sync-problem-notices';
import type { QuarantinedDocument, RejectedChange, SyncProblem } from './sync-problems-store';

const rejected = (docId: string): RejectedChange => ({
  kind: 'rejected',
  key: `db rejected ${docId}`,
  scope: 'db',
  collection: 'accounts',
  docId,
  at: 1,
  status: 403,
  error: 'forbidden',
  reason: 'no',
  serverRev: null,
  sent: {},
});
const quarantined = (docId: string, rev: string): QuarantinedDocument => ({
  kind: 'quarantined',
  key: `db quarantined ${docId}`,
  scope: 'db',
  collection: 'accounts',
  docId,
  at: 1,
  rev,
  issues: [],
  raw: '{}',
  rawChars: 2,
});

function fakeStore(initial: SyncProblem[]) {
  let problems = initial;
  const listeners = new Set<() => void>();
  return {
    list: async () => [...problems],
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(next: SyncProblem[]) {
      problems = next;
      listeners.forEach((l) => l());
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('sync problem notices', () => {
  it('tells each new problem once, not the ones known at start nor a retry meeting the same problem', async () => {
    const store = fakeStore([rejected('a')]);
    const shown: ProblemNotice[] = [];
    const t = createI18n('pt-BR').t;
    watchSyncProblems({ store, notify: async (n) => shown.push(n), text: (c) => syncProblemNoticeText(t, c) });
    await settle();
    expect(shown).toEqual([]);

    store.set([rejected('a'), rejected('b'), quarantined('c', '1-x')]);
    await settle();
    expect(shown).toEqual([
      {
        title: 'A sincronização precisa de você',
        body: '1 registro recusado pelo servidor\n1 registro recebido com problema\nClique para ver os problemas de sincronização.',
        action: 'Ver problemas de sincronização',
      },
    ]);

    // A retry: the same problems are stored again.
    store.set([rejected('a'), rejected('b'), quarantined('c', '1-x')]);
    await settle();
    expect(shown).toHaveLength(1);

    // A newer refused revision of the quarantined document is a new problem.
    store.set([rejected('a'), rejected('b'), quarantined('c', '2-y')]);
    await settle();
    expect(shown).toHaveLength(2);
    expect(shown[1]!.body).toBe('1 registro recebido com problema\nClique para ver os problemas de sincronização.');
  });

  it('stops when unsubscribed and is translated', async () => {
    const store = fakeStore([]);
    const shown: ProblemNotice[] = [];
    const t = createI18n('en').t;
    const stop = watchSyncProblems({ store, notify: async (n) => shown.push(n), text: (c) => syncProblemNoticeText(t, c) });
    await settle();
    store.set([rejected('a'), rejected('b')]);
    await settle();
    expect(shown).toEqual([{ title: 'Sync needs you', body: '2 records refused by the server\nClick to see the sync problems.', action: 'See sync problems' }]);
    stop();
    store.set([rejected('a'), rejected('b'), rejected('c')]);
    await settle();
    expect(shown).toHaveLength(1);
  });
});

describe('watchRefusedSignIn', () => {
  it('tells once when the server starts refusing the session, again only after a sign-in worked and it is refused anew', async () => {
    const { useSyncStore } = await import('./sync-store');
    const { INITIAL_SYNC_MACHINE } = await import('@shared/domain/sync-state');
    useSyncStore.setState({ machine: INITIAL_SYNC_MACHINE });
    const told: number[] = [];
    const stop = watchRefusedSignIn({
      refused: () => useSyncStore.getState().machine.unauthorized,
      subscribe: (listener) => useSyncStore.subscribe(listener),
      notify: async () => told.push(Date.now()),
    });
    const refuse = () => useSyncStore.getState().dispatch({ type: 'error', collection: 'accounts', reason: 'unauthorized', detail: '401', at: 1 });
    expect(told).toHaveLength(0);
    refuse();
    expect(told).toHaveLength(1);
    // Every collection's replication meets the same 401: still one notice.
    refuse();
    useSyncStore.getState().dispatch({ type: 'error', collection: 'contacts', reason: 'unauthorized', detail: '401', at: 2 });
    expect(told).toHaveLength(1);
    // Signed in again (replication active again), then refused again later: told again.
    useSyncStore.getState().dispatch({ type: 'active', collection: 'accounts', active: true });
    expect(useSyncStore.getState().machine.unauthorized).toBe(false);
    refuse();
    expect(told).toHaveLength(2);
    stop();
    useSyncStore.getState().dispatch({ type: 'active', collection: 'accounts', active: true });
    refuse();
    expect(told).toHaveLength(2);
  });

  it('the notice says what happened, that nothing is lost, and how to fix it', async () => {
    const i18n = createI18n('pt-BR');
    expect(refusedSignInNoticeText(i18n.t.bind(i18n))).toEqual({
      title: 'Entre de novo no servidor da equipe',
      body: 'O servidor recusou sua sessão (a senha pode ter mudado). Suas alterações ficam guardadas neste computador e são enviadas quando você entrar de novo.',
      action: 'Entrar de novo',
    });
  });
});
