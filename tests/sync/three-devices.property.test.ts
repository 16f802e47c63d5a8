import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editDoc } from '../../shared/domain/documents';
import { derivedValues } from '../../shared/domain/derived-fields';
import { DELETED_FIELD } from '../../shared/domain/sync-merge';
import type { Account } from '../../shared/models';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { localDocs, openDevice, provisionTeam, serverDocs, sleep, withTimeout, type Device } from '../helpers/sync-devices';
import { sampleAccountFields } from './account-fixture';

/**
 * Three devices and the team's server (a real pouchdb-server), each device a real RxDB with the
 * app's merge conflict handler, conflict log and live replication, each behind its own TCP proxy
 * that a partition cuts (connections reset, requests refused) and a heal restores, followed by a
 * re-sync as the app does on reconnect. A few accounts are created and synced to every device
 * first, so random edits hit shared documents. Then fast-check runs random commands.
 *
 * After healing every device and waiting until all are in sync:
 *  1. every device and the server hold the same live documents, field for field;
 *  2. no acknowledged field edit is lost: every edit nobody overwrote knowingly (the last write to
 *     that field on that device before another device saw it and wrote over it) is the final value,
 *     or a conflict record on some device holds it for that document and field (restorable), or,
 *     when the document ended deleted, a deletion-vs-edit record holds it or the device that
 *     deleted had seen it; every tag added (tags merge as a union) is in the final document or in
 *     such a record;
 *  3. deletes are consistent: a document some device deleted is deleted everywhere, or an edit
 *     beat the deletion and some device's log records it (field `_deleted`, kept value false).
 *
 * The deletion rule, from shared/domain/sync-merge.ts decideDeletion: a deletion and a concurrent edit
 * meet in the conflict handler of whichever device pushes second. The deletion's time is the
 * deleted version's `updatedAt` (the time of its last edit; removing keeps the fields), and the
 * edit's time is the latest field edit the live side made since the common base. The edit wins
 * (the document comes back) only when it is later than that; otherwise the deletion wins. Either
 * way the loser goes to a `_deleted` conflict record. Every device resolves the same way, so the
 * outcome is the same on every replica whichever pushes first.
 *
 * Edits are identified by their edit time: one clock shared by the three devices ticks once per
 * write, so a field's edit time names the edit that set it. A device that writes a field over the
 * edit with time t has seen t: that edit was overwritten knowingly and is not required anywhere.
 */

const DEVICES = 3;
const SEEDS = 3;
const USERS = ['ana', 'bruno', 'carla'] as const;
const STATUSES = ['lead', 'prospect', 'client', 'key', 'inactive', 'lost'] as const;
/** Bounded: a run that does not converge in this time fails with the state it reached. */
const CONVERGE_MS = 30_000;
const RUN_MS = 60_000;
const NUM_RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 16);
const SEED = process.env.SYNC_PROPERTY_SEED === undefined ? 20261127 : Number(process.env.SYNC_PROPERTY_SEED);
/** Retries in the test back off from 25 ms up to 400 ms (the app: 1 s up to 60 s) so a heal is noticed at once. */
const fastRetry = (failures: number) => Math.min(400, 25 * 2 ** Math.max(0, failures - 1));

type TextField = 'name' | 'city' | 'status';
type Field = TextField | 'tags';
const FIELDS: readonly Field[] = ['name', 'city', 'status', 'tags'];

type Command =
  | { kind: 'edit'; device: number; doc: number; field: TextField; status: (typeof STATUSES)[number]; pause: number }
  | { kind: 'tag'; device: number; doc: number; pause: number }
  | { kind: 'delete'; device: number; doc: number; pause: number }
  | { kind: 'create'; device: number; pause: number }
  | { kind: 'partition'; device: number; pause: number }
  | { kind: 'heal'; device: number; pause: number }
  | { kind: 'sync' };

const device = fc.integer({ min: 0, max: DEVICES - 1 });
const doc = fc.integer({ min: 0, max: 9 });
const pause = fc.integer({ min: 0, max: 60 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      device,
      doc,
      field: fc.constantFrom<TextField>('name', 'city', 'status'),
      status: fc.constantFrom(...STATUSES),
      pause,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tag' as const), device, doc, pause }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, doc, pause }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create' as const), device, pause }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('partition' as const), device, pause }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('heal' as const), device, pause }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'sync' as const }) },
);

/** A field write some device made, named by its edit time. */
interface Edit {
  doc: string;
  field: Field;
  /** The value written; for tags, the one tag added. */
  value: unknown;
  at: number;
  device: number;
}

interface RunLog {
  edits: Edit[];
  /** `doc|field|time` of edits some device saw and wrote over. */
  overwritten: Set<string>;
  /** `doc|field|time` of field states a device saw when it deleted the document, and `doc|tag|x` of its tags. */
  seenByDeletion: Set<string>;
  deleted: Set<string>;
  trace: string[];
}

const key = (docId: string, field: string, at: unknown) => `${docId}|${field}|${String(at)}`;

let server: TestCouchServer;
let runCounter = 0;

/**
 * One team for every run: provisioning eleven databases per run cost more than the run itself.
 * Each run has fresh devices (fresh databases, so they first pull what earlier runs left, which
 * is settled) and works on documents of its own.
 */
const TEAM = 'prop';

beforeAll(async () => {
  server = await startCouchServer();
  await provisionTeam(server, TEAM, [...USERS]);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe('three devices, random edits, deletes, creates and partitions', () => {
  it(
    'end with the same documents everywhere, no acknowledged edit lost, deletes consistent',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 8, maxLength: 20 }), async (commands) => {
          await withTimeout(run(commands), RUN_MS, `run ${runCounter} (${JSON.stringify(commands)})`);
        }),
        // No shrinking: each run costs seconds against a real server; the failing commands are in the message.
        { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true, verbose: 1 },
      );
    },
    NUM_RUNS * RUN_MS,
  );
});

async function run(commands: Command[]): Promise<void> {
  const team = TEAM;
  const runNumber = ++runCounter;
  const t0 = Date.now();
  const mark = (what: string) => process.env.SYNC_PROPERTY_TIMING && console.log(`run ${runNumber} ${what} +${Date.now() - t0} ms`);
  let now = Date.now();
  const clock = () => ++now;
  const proxies: FaultProxy[] = [];
  const devices: Device[] = [];
  const partitioned = new Set<number>();
  const log: RunLog = { edits: [], overwritten: new Set(), seenByDeletion: new Set(), deleted: new Set(), trace: [] };
  try {
    for (let i = 0; i < DEVICES; i++) {
      const proxy = await startFaultProxy(server.url);
      proxies.push(proxy);
      devices.push(await openDevice({ serverUrl: proxy.url, team, user: USERS[i]!, clock, retryDelay: fastRetry }));
    }
    mark('devices open');
    const ids: string[] = [];
    for (let i = 0; i < SEEDS; i++) ids.push((await devices[0]!.accounts.create(accountFields(`Conta ${i}`))).id);
    await converge(devices, [0, 1, 2], team, 'the seed accounts on every device');
    mark('seeded');

    for (const [index, cmd] of commands.entries()) {
      log.trace.push(`${index}: ${JSON.stringify(cmd)}`);
      await apply(cmd, { devices, proxies, partitioned, ids, log, clock, team });
      if (cmd.kind !== 'sync' && cmd.pause > 0) await sleep(cmd.pause);
    }

    mark('commands done');
    for (const i of [...partitioned]) heal(i, devices, proxies, partitioned);
    await converge(devices, [0, 1, 2], team, 'every device after healing', log.trace);
    mark('converged');
    await checkNothingLost(devices, team, log);
  } finally {
    await Promise.all(devices.map((d) => withTimeout(d.close(), 10_000, 'closing a device').catch(() => undefined)));
    await Promise.all(proxies.map((p) => p.stop()));
    mark('closed');
  }
}

interface RunState {
  devices: Device[];
  proxies: FaultProxy[];
  partitioned: Set<number>;
  ids: string[];
  log: RunLog;
  clock: () => number;
  team: string;
}

async function apply(cmd: Command, s: RunState): Promise<void> {
  switch (cmd.kind) {
    case 'edit': {
      const docId = s.ids[cmd.doc % s.ids.length]!;
      const at = s.clock();
      // Unique values for text fields, so a value names its edit; status has few values.
      const value = cmd.field === 'status' ? cmd.status : `${cmd.field} d${cmd.device} t${at}`;
      await writeField(s, cmd.device, docId, cmd.field, value, at);
      return;
    }
    case 'tag': {
      const docId = s.ids[cmd.doc % s.ids.length]!;
      const at = s.clock();
      await writeField(s, cmd.device, docId, 'tags', `tag-${at}`, at);
      return;
    }
    case 'delete': {
      const docId = s.ids[cmd.doc % s.ids.length]!;
      const doc = await s.devices[cmd.device]!.db.accounts.findOne(docId).exec();
      if (!doc) return;
      let seen: Account | undefined;
      try {
        await doc.incrementalModify((current) => {
          if ((current as { _deleted?: boolean })._deleted) throw new Error('already deleted');
          seen = current as Account;
          // A soft delete keeps the fields, as the repository's remove() does.
          return { ...current, _deleted: true } as never;
        });
      } catch {
        return;
      }
      if (!seen) return;
      s.log.deleted.add(docId);
      for (const field of FIELDS) s.log.seenByDeletion.add(key(docId, field, seen.fieldTimes[field]));
      for (const tag of seen.tags) s.log.seenByDeletion.add(key(docId, 'tag', tag));
      return;
    }
    case 'create': {
      const created = await s.devices[cmd.device]!.accounts.create(accountFields(`Nova d${cmd.device} ${s.ids.length}`));
      s.ids.push(created.id);
      return;
    }
    case 'partition':
      s.partitioned.add(cmd.device);
      s.proxies[cmd.device]!.down();
      return;
    case 'heal':
      if (s.partitioned.has(cmd.device)) heal(cmd.device, s.devices, s.proxies, s.partitioned);
      return;
    case 'sync': {
      const connected = [0, 1, 2].filter((i) => !s.partitioned.has(i));
      if (connected.length > 0) await converge(s.devices, connected, s.team, `sync point of devices ${connected.join(', ')}`, s.log.trace);
      return;
    }
  }
}

/** The app on reconnect: the network is back, replication re-checks the server at once. */
function heal(i: number, devices: Device[], proxies: FaultProxy[], partitioned: Set<number>): void {
  partitioned.delete(i);
  proxies[i]!.up();
  devices[i]!.rep.reSync();
}

/**
 * One field written on one device, through RxDB's incremental write (as the repository does),
 * stamping its edit time. What the device held before is recorded: the edit it overwrote.
 */
async function writeField(s: RunState, deviceIndex: number, docId: string, field: Field, value: string, at: number): Promise<void> {
  const dev = s.devices[deviceIndex]!;
  const doc = await dev.db.accounts.findOne(docId).exec();
  if (!doc) return;
  let before: { at: unknown } | undefined;
  try {
    // The modifier may run again on a write conflict: `before` is from the run that was written.
    await doc.incrementalModify((current) => {
      if ((current as { _deleted?: boolean })._deleted) throw new Error('deleted meanwhile');
      const account = current as Account;
      const patch = field === 'tags' ? { tags: [...account.tags, value] } : { [field]: value };
      const next = editDoc(account, patch as Partial<Account>, USERS[deviceIndex]!, at);
      // The value it already had (a status): no edit, nothing written.
      if (next === account) throw new Error('unchanged');
      before = { at: account.fieldTimes[field] };
      return { ...next, ...derivedValues('accounts', next as unknown as Record<string, unknown>) } as never;
    });
  } catch {
    return;
  }
  if (!before) return;
  if (field !== 'tags') s.log.overwritten.add(key(docId, field, before.at));
  s.log.edits.push({ doc: docId, field, value, at, device: deviceIndex });
}

/**
 * Waits until the given devices are in sync and hold exactly the server's live documents, bounded
 * in time; on timeout, says which documents still differ where.
 */
async function converge(devices: Device[], which: number[], team: string, what: string, trace: string[] = []): Promise<void> {
  const deadline = Date.now() + CONVERGE_MS;
  let last = '';
  while (Date.now() < deadline) {
    const left = Math.max(1, deadline - Date.now());
    const done = new Set<number>();
    await withTimeout(Promise.all(which.map((i) => devices[i]!.rep.awaitInSync().then(() => done.add(i)))), left, `awaitInSync for ${what}`).catch(
      (error: Error) => {
        const stuck = which.filter((i) => !done.has(i));
        const recent = stuck.map((i) => `device ${i}: ${JSON.stringify(devices[i]!.events.filter((e) => e.type === 'error').slice(-3))}`);
        throw new Error(
          `${error.message} (devices ${stuck.join(', ')} not in sync; ${recent.join('; ')}); last difference: ${last || 'none'}\n${trace.join('\n')}`,
        );
      },
    );
    const remote = await serverDocs(server, `${team}-accounts`);
    const differences: string[] = [];
    for (const i of which) {
      const local = await localDocs(devices[i]!.db);
      for (const id of new Set([...local.keys(), ...remote.keys()])) {
        if (!isDeepStrictEqual(local.get(id), remote.get(id)))
          differences.push(`device ${i} ${id}: ${summary(local.get(id))} vs server ${summary(remote.get(id))}`);
      }
    }
    if (differences.length === 0) return;
    last = differences.slice(0, 3).join('; ');
    await sleep(50);
  }
  throw new Error(`${what} did not converge within ${CONVERGE_MS} ms: ${last}\n${trace.join('\n')}`);
}

function summary(doc: Record<string, unknown> | undefined): string {
  if (!doc) return 'absent';
  const { name, city, status, tags } = doc;
  return JSON.stringify({ name, city, status, tags });
}

async function checkNothingLost(devices: Device[], team: string, log: RunLog): Promise<void> {
  const final = await serverDocs(server, `${team}-accounts`);
  const records = (await Promise.all(devices.map(async (d) => (await d.db.conflicts.find().exec()).map((r) => r.toJSON())))).flat();
  const lostValues = (docId: string, field: string) =>
    records.filter((r) => r.docId === docId && r.field === field).map((r) => JSON.parse(r.lostValue) as unknown);
  /** Documents an edit lost to a deletion: restoring the record brings them back with its values. */
  const lostToDeletion = (docId: string) => lostValues(docId, DELETED_FIELD).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
  if (process.env.SYNC_PROPERTY_TIMING) {
    const fields = records.map((r) => r.field).join(',');
    console.log(
      `  edits ${log.edits.length}, deleted ${log.deleted.size}, overwritten ${log.overwritten.size}, conflict records [${fields}], partitions ${log.trace.filter((t) => t.includes('partition')).length}`,
    );
  }
  const context = () =>
    `\nconflict records: ${JSON.stringify(records.map((r) => [r.docId, r.field, r.keptValue, r.lostValue.slice(0, 120)]))}\n${log.trace.join('\n')}`;

  for (const edit of log.edits) {
    const doc = final.get(edit.doc);
    if (edit.field === 'tags') {
      const tagSaved =
        (doc && (doc.tags as string[]).includes(edit.value as string)) ||
        lostToDeletion(edit.doc).some((lost) => Array.isArray(lost.tags) && lost.tags.includes(edit.value)) ||
        (!doc && log.seenByDeletion.has(key(edit.doc, 'tag', edit.value)));
      expect(tagSaved, `tag ${String(edit.value)} added on device ${edit.device} to ${edit.doc} is lost${context()}`).toBe(true);
      continue;
    }
    if (log.overwritten.has(key(edit.doc, edit.field, edit.at))) continue;
    const saved =
      (doc !== undefined && isDeepStrictEqual(doc[edit.field], edit.value)) ||
      lostValues(edit.doc, edit.field).some((v) => isDeepStrictEqual(v, edit.value)) ||
      lostToDeletion(edit.doc).some((lost) => isDeepStrictEqual(lost[edit.field], edit.value)) ||
      (!doc && log.seenByDeletion.has(key(edit.doc, edit.field, edit.at)));
    expect(
      saved,
      `${edit.field} = ${JSON.stringify(edit.value)} (t${edit.at}) on device ${edit.device} for ${edit.doc} is neither final (${summary(doc)}) nor in a conflict record${context()}`,
    ).toBe(true);
  }

  for (const docId of log.deleted) {
    if (!final.has(docId)) continue;
    const editWon = records.some((r) => r.docId === docId && r.field === DELETED_FIELD && r.keptValue === 'false');
    expect(editWon, `${docId} was deleted on some device and is live, but no device recorded an edit beating the deletion${context()}`).toBe(true);
  }
}

function accountFields(name: string) {
  const fields = sampleAccountFields(name);
  return { ...fields, ...derivedValues('accounts', fields as unknown as Record<string, unknown>) } as typeof fields;
}
