import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { syncProblemNoticeText, watchSyncProblems, type ProblemNotice } from './sync-problem-notices';
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
    expect(shown).toEqual([{ title: 'Sync needs you', body: '2 records refused by the server\nClick to see the sync problems.' }]);
    stop();
    store.set([rejected('a'), rejected('b'), rejected('c')]);
    await settle();
    expect(shown).toHaveLength(1);
  });
});
