import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { generateSampleData } from '@shared/sample-data';
import { openTestDatabase } from '../../../tests/helpers/test-database';
import type { CarteiraDatabase } from '../db/types';
import { storageFeedReader } from './feed-reader';
import { feedSources, startIndexFeed } from './index-feed';
import { createIndexHost } from './index-host';
import type { FromIndex } from './protocol';

const data = generateSampleData({ size: 'S', seed: 3, now: Date.UTC(2026, 10, 1), counts: { accounts: 30, contacts: 40, products: 10, deals: 8 } });

let db: CarteiraDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

/** The worker's side, in Node: an index host reading the app's Dexie database through a storage of its own. */
function workerHost() {
  const messages: FromIndex[] = [];
  const handle = createIndexHost((m) => messages.push(m), {
    openReader: storageFeedReader(getRxStorageDexie({ indexedDB, IDBKeyRange }) as never),
    schedule: (run) => queueMicrotask(run),
  });
  const ready = () => expect.poll(() => messages.find((m) => m.type === 'ready' || m.type === 'feed-failed'), { timeout: 10_000 }).toBeTruthy();
  const search = async (query: string) => {
    handle({ type: 'query', seq: messages.length + 1, query, limit: 20 });
    await Promise.resolve();
    const last = messages[messages.length - 1]!;
    if (last.type !== 'results') throw new Error(`no results for ${query}`);
    return last.hits;
  };
  return { handle, messages, ready, search };
}

describe('the search index reading the database on its own', () => {
  it('reads every account, contact, deal and product of the app’s IndexedDB database, deleted ones left out', async () => {
    db = await openTestDatabase('dexie');
    const accounts = [...data.docs('accounts')];
    await db.accounts.bulkInsert(accounts);
    await db.contacts.bulkInsert([...data.docs('contacts')]);
    await db.deals.bulkInsert([...data.docs('deals')]);
    await db.products.bulkInsert([...data.docs('products')]);
    const gone = accounts[4]!;
    await (await db.accounts.findOne(gone.id).exec())!.remove();

    const host = workerHost();
    host.handle({ type: 'feed', sources: feedSources(db) });
    await host.ready();
    const ready = host.messages.find((m) => m.type === 'ready');
    expect(ready).toMatchObject({ records: 30 - 1 + 40 + 8 + 10 });

    const target = accounts[7]!;
    expect((await host.search(target.name)).map((h) => h.id)).toContain(target.id);
    expect((await host.search(gone.name)).map((h) => h.id)).not.toContain(gone.id);
    const product = [...data.docs('products')][2]!;
    expect((await host.search(product.sku)).map((h) => h.id)).toContain(product.id);
  });

  it('keeps a change made while the first read runs, not the older page it read', async () => {
    db = await openTestDatabase('dexie');
    const accounts = [...data.docs('accounts')];
    await db.accounts.bulkInsert(accounts);
    const host = workerHost();
    const stop = startIndexFeed(db, host.handle);
    try {
      // Renamed right away: the change stream's upsert may arrive before or after the page holding the old name.
      const renamed = accounts[0]!;
      await (await db.accounts.findOne(renamed.id).exec())!.incrementalPatch({ name: 'Quitanda Zuleica Ltda' });
      await host.ready();
      await expect.poll(async () => (await host.search('zuleica')).map((h) => h.id), { timeout: 5000 }).toContain(renamed.id);
      // Whatever the old name still matches (its trade name), the record shown is the renamed one.
      const hit = (await host.search(renamed.name)).find((h) => h.id === renamed.id);
      expect(hit?.title ?? 'Quitanda Zuleica Ltda').toBe('Quitanda Zuleica Ltda');
    } finally {
      stop();
    }
  });
});
