import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  createIndexedDbProblemStore,
  createMemoryProblemStore,
  MAX_PROBLEMS_PER_SCOPE,
  problemKey,
  type QuarantinedDocument,
  type SyncProblemStore,
} from './sync-problems-store';

const SCOPE = 'http://127.0.0.1:5984/acme-accounts/';
const entry = (docId: string, at: number, scope = SCOPE): QuarantinedDocument => ({
  key: problemKey(scope, 'quarantined', docId),
  scope,
  collection: 'accounts',
  docId,
  at,
  kind: 'quarantined',
  rev: '1-a',
  issues: [{ path: 'name', code: 'invalid_type' }],
  raw: '{}',
  rawChars: 2,
});

describe.each([
  ['IndexedDB', () => createIndexedDbProblemStore({ name: `problems-test-${Date.now()}-${Math.random()}`, indexedDB, IDBKeyRange })],
  ['memory', () => createMemoryProblemStore()],
] as [string, () => SyncProblemStore][])('the sync problem store (%s)', (_, open) => {
  it('keeps one entry per document and kind, per database, and tells the screen of each change', async () => {
    const store = open();
    let changes = 0;
    store.subscribe(() => changes++);
    await store.put([entry('a', 1), entry('a', 2), entry('a', 3, 'http://127.0.0.1:5984/other-accounts/')]);
    expect((await store.listScope(SCOPE)).map((p) => [p.docId, p.at])).toEqual([['a', 2]]);
    expect(await store.list()).toHaveLength(2);
    await store.remove([problemKey(SCOPE, 'quarantined', 'a')]);
    expect(await store.listScope(SCOPE)).toEqual([]);
    expect(changes).toBe(2);
  });

  it('is bounded per database: past the cap the oldest entries go', async () => {
    const store = open();
    await store.put(Array.from({ length: MAX_PROBLEMS_PER_SCOPE + 5 }, (_, i) => entry(`d${i}`, 1000 + i)));
    const kept = await store.listScope(SCOPE);
    expect(kept).toHaveLength(MAX_PROBLEMS_PER_SCOPE);
    expect(kept.some((p) => p.docId === 'd0' || p.docId === 'd4')).toBe(false);
    expect(kept.some((p) => p.docId === 'd5')).toBe(true);
  });
});
