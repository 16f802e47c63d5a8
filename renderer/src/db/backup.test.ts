import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName } from '@shared/models';
import { generateSampleData } from '@shared/sample-data';
import { BackupProblem } from '@shared/files/backup/format';
import { openTestDatabase } from '../../../tests/helpers/test-database';
import { anyCollectionOf } from './collections/access';
import { backupDatabase, checkBackup, restoreBackup } from './backup';
import type { CarteiraDatabase } from './types';

const open: CarteiraDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) if (!db.closed) await db.close();
});

const NOW = Date.UTC(2026, 10, 27, 15, 30);
const data = generateSampleData({
  size: 'S',
  seed: 12,
  now: NOW,
  counts: {
    accounts: 40,
    contacts: 60,
    products: 30,
    deals: 40,
    activities: 120,
    orders: 30,
    contracts: 15,
    cases: 20,
    events: 5,
    competitors: 4,
    campaigns: 3,
  },
});
const conflict = {
  id: 'cf1',
  collectionName: 'accounts',
  docId: 'x',
  field: 'name',
  keptValue: '"A"',
  lostValue: '"B"',
  keptAt: 2,
  lostAt: 1,
  keptBy: 'ana',
  lostBy: 'rui',
  detectedAt: 3,
  newestFirst: 9,
  restoredAt: 0,
};

async function openDb(name: string, collections?: readonly CollectionName[]): Promise<CarteiraDatabase> {
  const db = await openTestDatabase('dexie', name, collections ? { collections } : {});
  open.push(db);
  return db;
}

async function fill(db: CarteiraDatabase): Promise<void> {
  for (const c of COLLECTION_NAMES) for (const batch of data.batches(c, 200)) await anyCollectionOf(db, c).bulkInsert(batch);
  await db.conflicts.insert(conflict);
}

/** Every live document of every collection, as plain JSON sorted by id. */
async function contents(db: CarteiraDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const c of [...COLLECTION_NAMES, 'conflicts'] as (CollectionName | 'conflicts')[]) {
    const docs = await anyCollectionOf(db, c)
      .find({ sort: [{ id: 'asc' }] })
      .exec();
    out[c] = docs.map((d) => d.toJSON());
  }
  return out;
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const streamOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();

describe('full backup and restore of the local database', () => {
  it('backup → wipe → restore gives identical documents, every field of every collection', async () => {
    const name = `backup-${Date.now()}`;
    let db = await openDb(name);
    await fill(db);
    const before = await contents(db);
    const progress: number[] = [];
    const file = await bytesOf(backupDatabase(db, { appVersion: '1.2.3', onProgress: (n) => progress.push(n) }));
    const total = Object.values(before).reduce((n, docs) => n + docs.length, 0);
    expect(total).toBe(368);
    expect(progress.at(-1)).toBe(total);

    await db.remove();
    db = await openDb(name);
    expect((await contents(db)).accounts).toEqual([]);

    const summary = await checkBackup(db, streamOf(file));
    expect(summary.count).toBe(total);
    expect(summary.counts).toMatchObject({ accounts: 40, activities: 120, conflicts: 1 });
    expect(summary.header).toMatchObject({ appVersion: '1.2.3', database: name });
    const result = await restoreBackup(db, () => streamOf(file));
    expect(result).toEqual({ written: total, removed: 0 });
    const after = await contents(db);
    for (const c of Object.keys(before)) expect(after[c], c).toEqual(before[c]);
    // The same documents as the generator made them, field by field.
    expect(after.deals).toEqual([...data.docs('deals')].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('restoring over a changed database brings it back to the file: edits undone, new documents removed, deleted ones back', async () => {
    const db = await openDb(`backup-over-${Date.now()}`);
    await fill(db);
    const before = await contents(db);
    const file = await bytesOf(backupDatabase(db));
    const [first, second] = await db.accounts.find({ sort: [{ id: 'asc' }], limit: 2 }).exec();
    await first!.incrementalPatch({ name: 'Mudado depois' });
    await second!.remove();
    await db.competitors.insert({ ...data.doc('competitors', 0), id: 'novo-depois' });

    await checkBackup(db, streamOf(file));
    const result = await restoreBackup(db, () => streamOf(file));
    expect(result.removed).toBe(1);
    expect(await contents(db)).toEqual(before);
  });

  it('refuses a truncated, a foreign or another database’s file before anything changes', async () => {
    const db = await openDb(`backup-refuse-${Date.now()}`);
    await fill(db);
    const file = await bytesOf(backupDatabase(db));
    await db.accounts.insert({ ...data.doc('accounts', 0), id: 'depois' });
    const before = await contents(db);
    // RxDB allows 13 collections per process: the other database opens only one.
    const other = await openDb(`backup-other-${Date.now()}`, ['competitors']);
    await other.competitors.insert(data.doc('competitors', 1));
    const foreign = await bytesOf(backupDatabase(other));
    const cases: [Uint8Array, string][] = [
      [file.subarray(0, Math.floor(file.length / 2)), 'damaged'],
      [file.subarray(0, file.length - 4), 'damaged'],
      [new TextEncoder().encode('nome;telefone\nAna;+55 11 1234\n'), 'not_backup'],
      [new Uint8Array(), 'empty'],
      [foreign, 'other_database'],
    ];
    for (const [bytes, code] of cases) {
      const error = await checkBackup(db, streamOf(bytes)).catch((e: unknown) => e);
      expect(error, code).toBeInstanceOf(BackupProblem);
      expect((error as BackupProblem).code).toBe(code);
    }
    expect(await contents(db)).toEqual(before);
  });

  it('leaves alone an area the file does not have (a backup made before it existed)', async () => {
    const name = `backup-areas-${Date.now()}`;
    const partial = await openDb(name, ['competitors']);
    await partial.competitors.insert(data.doc('competitors', 0));
    const file = await bytesOf(backupDatabase(partial));
    await partial.close();
    const db = await openDb(name);
    await db.competitors.insert(data.doc('competitors', 1));
    await db.accounts.bulkInsert([...data.docs('accounts', 0, 5)]);
    await checkBackup(db, streamOf(file));
    expect(await restoreBackup(db, () => streamOf(file))).toEqual({ written: 1, removed: 1 });
    const after = await contents(db);
    expect(after.competitors).toEqual([data.doc('competitors', 0)]);
    expect(after.accounts).toHaveLength(5);
  });

  it('refuses a document with a field this version does not know, or an invalid value', async () => {
    const db = await openDb(`backup-invalid-${Date.now()}`);
    await db.competitors.insert(data.doc('competitors', 0));
    const file = await bytesOf(backupDatabase(db));
    const text = await new Response(new Blob([file]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    const lines = text.split('\n');
    // Rewrite the document line and the hash so only the document's content is wrong.
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    for (const change of [(d: Record<string, unknown>) => ({ ...d, hacked: 1 }), (d: Record<string, unknown>) => ({ ...d, name: 42 })]) {
      const entry = JSON.parse(lines[1]!) as { c: string; d: Record<string, unknown> };
      const body = `${lines[0]}\n${JSON.stringify({ c: entry.c, d: change(entry.d) })}\n`;
      const end = { ...(JSON.parse(lines[2]!) as object), sha256: bytesToHex(sha256(new TextEncoder().encode(body))) };
      const gz = await bytesOf(new Blob([`${body}${JSON.stringify(end)}\n`]).stream().pipeThrough(new CompressionStream('gzip')));
      await expect(checkBackup(db, streamOf(gz))).rejects.toMatchObject({ code: 'invalid_document' });
    }
  });
});
