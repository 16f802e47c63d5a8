import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '@shared/models';
import { generateSampleData } from '@shared/sample-data';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import type { CarteiraDatabase } from '../types';
import { accountsByName, accountsOf, type AccountKey } from '../collections/accounts';
import { LiveRows, LiveWindow, type KeysetSource, type SeekableSource } from '.';

/*
 * The engine's own behaviour, on a real RxDB: a list of accounts by name with the smallest row
 * (the accounts, contacts and catalogue lists' own tests sit next to their adapters).
 */

interface NameRow {
  id: string;
  nameSort: string;
  name: string;
}
const toRow = (a: Account): NameRow => ({ id: a.id, nameSort: a.nameSort, name: a.name });
const compare = (a: NameRow, b: NameRow) => (a.nameSort === b.nameSort ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.nameSort < b.nameSort ? -1 : 1);
const keyOf = (r: NameRow): AccountKey => ({ nameSort: r.nameSort, id: r.id });

const data = generateSampleData({ size: 'S', seed: 5, now: Date.UTC(2026, 10, 1), counts: { accounts: 120 } });
const accounts = () => [...data.docs('accounts')];
const byName = (docs: Account[]) => docs.map(toRow).sort(compare);

let db: CarteiraDatabase;
let lists: { stop(): void }[] = [];
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts'] });
});
afterEach(async () => {
  lists.forEach((l) => l.stop());
  lists = [];
  await db.close();
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

/** The source, with every keyset page held until `release()` and the reads counted. */
function watched<K>(source: KeysetSource<Account, K>) {
  const reads = { first: 0, after: 0, seek: 0 };
  let gate: Promise<void> | null = null;
  let open = () => {};
  return {
    reads,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
    source: {
      ...source,
      first: (limit: number) => (reads.first++, source.first(limit)),
      after: async (key: K, limit: number) => {
        reads.after++;
        const page = await source.after(key, limit);
        if (gate) await gate;
        return page;
      },
    },
  };
}

const rowsList = (source: KeysetSource<Account, AccountKey>, read: 'all' | 'on-demand', extra: { matches?: (a: Account) => boolean } = {}) => {
  const list = new LiveRows<Account, NameRow, AccountKey>({ source, toRow, compare, keyOf, read, firstPage: 10, page: 25, ...extra });
  lists.push(list);
  return list;
};

describe('a live list with every row in memory', () => {
  it('reads every row in keyset pages, publishing the first page, the count and the last page only', async () => {
    const all = accounts();
    await db.accounts.bulkInsert(all);
    const { source, reads } = watched(accountsByName(accountsOf(db)));
    const list = rowsList(source, 'all');
    const published: number[] = [];
    list.subscribe(() => published.push(list.getSnapshot().rows.length));
    await list.completed;
    await until(() => list.getSnapshot().complete);
    const s = list.getSnapshot();
    expect(s.rows.map((r) => r.id)).toEqual(byName(all).map((r) => r.id));
    expect(s.total).toBe(all.length);
    expect(s.loading).toBe(false);
    // 10 first, then pages of 25 up to the short one.
    expect(reads).toEqual({ first: 1, after: Math.ceil((all.length - 10 + 1) / 25), seek: 0 });
    expect(published[0]).toBe(10);
    expect(published.at(-1)).toBe(all.length);
    expect(published.length).toBeLessThanOrEqual(3);
  });

  it('keeps a change made while a page is being read, and applies later edits, inserts and deletions', async () => {
    const all = accounts();
    await db.accounts.bulkInsert(all);
    const sorted = byName(all);
    const watch = watched(accountsByName(accountsOf(db)));
    watch.hold();
    const list = rowsList(watch.source, 'all');
    list.start();
    await until(() => watch.reads.after === 1);
    // Row 20 is in the page being read; its rename arrives before the page does.
    const inPage = sorted[20]!;
    await db.accounts.findOne(inPage.id).patch({ name: 'Renamed while reading' });
    watch.release();
    await list.completed;
    await until(() => list.getSnapshot().rows.find((r) => r.id === inPage.id)?.name === 'Renamed while reading');

    const gone = sorted[3]!;
    await db.accounts.findOne(gone.id).remove();
    await db.accounts.insert({ ...all[0]!, id: 'acc-new', name: '000 Primeira', nameSort: '000 primeira' });
    await until(() => list.getSnapshot().rows[0]?.id === 'acc-new' && !list.getSnapshot().rows.some((r) => r.id === gone.id));
    expect(list.getSnapshot().total).toBe(all.length);
    const ids = list.getSnapshot().rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('a live list read as far as the view asks', () => {
  it('reads pages only up to what is wanted, and leaves changes past the read to the read', async () => {
    const all = accounts();
    await db.accounts.bulkInsert(all);
    const sorted = byName(all);
    const watch = watched(accountsByName(accountsOf(db)));
    const list = rowsList(watch.source, 'on-demand');
    list.ensure(30);
    await until(() => list.getSnapshot().rows.length >= 30 && !list.getSnapshot().loading);
    // 10, then one page of 25.
    expect(list.getSnapshot().rows.map((r) => r.id)).toEqual(sorted.slice(0, 35).map((r) => r.id));
    expect(list.getSnapshot().complete).toBe(false);
    expect(list.getSnapshot().total).toBe(all.length);

    // Past the read: not in memory until the read gets there, then in its place.
    const later = sorted[100]!;
    await db.accounts.findOne(later.id).patch({ name: 'Edited further down' });
    await new Promise((r) => setTimeout(r, 80));
    expect(list.getSnapshot().rows.some((r) => r.id === later.id)).toBe(false);
    list.ensure(1000);
    await until(() => list.getSnapshot().complete);
    const rows = list.getSnapshot().rows;
    expect(rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    expect(rows.find((r) => r.id === later.id)?.name).toBe('Edited further down');
  });

  it('filters page by page and counts the index range, and fills rows from a lookup that answers late', async () => {
    const all = accounts();
    await db.accounts.bulkInsert(all);
    const clients = byName(all.filter((a) => a.status === 'client'));
    const labels = new Map<string, string>();
    const list = new LiveRows<Account, NameRow & { label: string }, AccountKey>({
      source: accountsByName(accountsOf(db)),
      toRow: (a) => ({ ...toRow(a), label: labels.get(a.id) ?? '' }),
      compare,
      keyOf,
      read: 'on-demand',
      matches: (a) => a.status === 'client',
      page: 40,
      lookup: {
        load: async (docs) => {
          await new Promise((r) => setTimeout(r, 5));
          for (const d of docs) labels.set(d.id, `label ${d.name}`);
          return true;
        },
        refresh: (row) => (labels.get(row.id) === row.label ? row : { ...row, label: labels.get(row.id) ?? '' }),
      },
    });
    lists.push(list);
    list.ensure(1000);
    await until(() => list.getSnapshot().complete);
    const s = list.getSnapshot();
    expect(s.rows.map((r) => r.id)).toEqual(clients.map((r) => r.id));
    expect(s.rows.every((r) => r.label === `label ${r.name}`)).toBe(true);
    // Filtered: the count is of the documents walked, not of the matches.
    expect(s.total).toBe(all.length);

    const lead = all.find((a) => a.status === 'lead')!;
    labels.delete(lead.id);
    await db.accounts.findOne(lead.id).patch({ status: 'client' });
    await until(() => list.getSnapshot().rows.find((r) => r.id === lead.id)?.label === `label ${lead.name}`);
  });

  it('reads nothing and tells no one after it is stopped', async () => {
    await db.accounts.bulkInsert(accounts());
    const watch = watched(accountsByName(accountsOf(db)));
    const list = rowsList(watch.source, 'on-demand');
    let calls = 0;
    list.subscribe(() => calls++);
    list.stop();
    calls = 0;
    list.ensure(50);
    await db.accounts.findOne(accounts()[0]!.id).patch({ name: 'After stop' });
    await new Promise((r) => setTimeout(r, 80));
    expect(watch.reads).toEqual({ first: 0, after: 0, seek: 0 });
    expect(calls).toBe(0);
  });
});

describe('a live paged window', () => {
  /** By name with a seek that lands exactly (the catalogue's seek by counts has its own tests). */
  const seekable = (): SeekableSource<Account, AccountKey> & { seeks: number[] } => {
    const base = accountsByName(accountsOf(db));
    const seeks: number[] = [];
    return {
      ...base,
      seeks,
      seek: async (target) => {
        seeks.push(target);
        const before = byName(accounts()).slice(0, target);
        const key = before.at(-1)!;
        return { before: target, read: (limit) => base.after(keyOf(key), limit) };
      },
    };
  };
  const open = (source: SeekableSource<Account, AccountKey>) => {
    const w = new LiveWindow<Account, NameRow, AccountKey>({
      source,
      toRow,
      keyOf,
      idOf: (r) => r.id,
      unmoved: (row, doc) => row.nameSort === doc.nameSort,
      pageSize: 10,
      maxPages: 3,
      walkPages: 2,
      refreshDelayMs: 20,
    });
    w.start();
    lists.push(w);
    return w;
  };

  it('walks near pages by key, seeks far ones, and holds only a few pages', async () => {
    const all = accounts();
    await db.accounts.bulkInsert(all);
    const sorted = byName(all);
    const source = seekable();
    const w = open(source);
    await until(() => w.getSnapshot().total === all.length && w.row(0) !== undefined);
    expect(w.row(0)!.id).toBe(sorted[0]!.id);
    w.ensure(25, 34);
    await until(() => w.row(34) !== undefined);
    expect(source.seeks).toEqual([]);
    w.ensure(100, 105);
    await until(() => w.row(105) !== undefined);
    expect(source.seeks).toEqual([100]);
    for (const i of [25, 34]) expect(w.row(i) === undefined || w.row(i)!.id === sorted[i]!.id).toBe(true);
    for (let i = 100; i <= 105; i++) expect(w.row(i)!.id).toBe(sorted[i]!.id);
    expect(w.rowsInMemory).toBeLessThanOrEqual(30);
  });

  it('patches an edit in place and reads the window again after an insert', async () => {
    const all = accounts().slice(0, 15);
    await db.accounts.bulkInsert(all);
    const w = open(seekable());
    await until(() => w.row(9) !== undefined);
    w.ensure(0, 14);
    await until(() => w.row(14) !== undefined);
    const versions = w.getSnapshot().version;
    await db.accounts.findOne(w.row(3)!.id).patch({ name: 'Same place' });
    await until(() => w.row(3)?.name === 'Same place');
    expect(w.getSnapshot().version).toBe(versions + 1);
    await db.accounts.insert({ ...all[0]!, id: 'acc-first', name: '000', nameSort: '000' });
    await until(() => w.getSnapshot().total === 16 && w.row(0)?.id === 'acc-first');
  });
});
