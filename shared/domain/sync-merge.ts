import { META_FIELDS } from '../models/common';
import { sameValue } from './documents';

/**
 * Three-way merge of two concurrent versions of one document (sync conflict resolution).
 * Pure and symmetric: swapping `fork` and `realMaster` gives the same result, so whichever device
 * resolves a conflict, every replica ends with the same document.
 */

/** A document as replication sees it: domain fields plus RxDB/CouchDB underscore fields. */
export type SyncDoc = Record<string, unknown> & { _deleted?: boolean };

/** A concurrent edit that lost: kept in the local conflict log so the user can restore it. */
export interface FieldConflict {
  collection?: string;
  docId: string;
  /** A top-level field, or `_deleted` when a deletion and an edit met (see DELETED_FIELD). */
  field: string;
  keptValue: unknown;
  lostValue: unknown;
  keptAt: number;
  lostAt: number;
  keptBy: string;
  lostBy: string;
}

/**
 * Conflict field for deletion vs edit. When the edit won: keptValue false, lostValue true.
 * When the deletion won: keptValue true, lostValue = the edited document (its domain fields),
 * so restoring it brings the document back.
 */
export const DELETED_FIELD = '_deleted';

export interface MergeInput<T extends SyncDoc> {
  fork: T;
  /** The server state the fork was based on; missing on the first push of a document. */
  assumedMaster?: T | undefined;
  realMaster: T;
  /** Top-level array fields merged as unions instead of later-wins (see listFieldsOf). */
  listFields?: readonly string[];
  /** Copied into each conflict record. */
  collection?: string;
}

export interface MergeResult<T extends SyncDoc> {
  merged: T;
  conflicts: FieldConflict[];
}

/** One side of the merge, normalised so stubs and partial documents need no special cases later. */
interface Side {
  doc: SyncDoc;
  fieldTimes: Record<string, number>;
  updatedAt: number;
  by: string;
  /** A CouchDB deletion stub (`_id`, `_rev`, `_deleted` only, RxDB issue #7444): it carries no field edits. */
  stub: boolean;
  deleted: boolean;
}

const BOOKKEEPING = new Set<string>(META_FIELDS);

export function mergeDocuments<T extends SyncDoc>(input: MergeInput<T>): MergeResult<T> {
  const base = input.assumedMaster ? toSide(input.assumedMaster) : undefined;
  const a = toSide(input.fork);
  const b = toSide(input.realMaster);
  const docId = String(input.fork.id ?? input.realMaster.id ?? input.fork._id ?? input.realMaster._id ?? '');
  const lists = new Set(input.listFields ?? []);
  const conflicts: FieldConflict[] = [];
  const record = (c: Omit<FieldConflict, 'docId' | 'collection'>) =>
    conflicts.push({ ...(input.collection === undefined ? {} : { collection: input.collection }), docId, ...c });

  const merged: SyncDoc = {};
  for (const field of domainFields(a, b, base)) {
    const value = mergeField(field, a, b, base, lists.has(field), record);
    if (value !== undefined) merged[field] = value;
  }
  Object.assign(merged, mergeBookkeeping(a, b, base, docId));
  merged._deleted = decideDeletion(a, b, base, record);
  conflicts.sort((x, y) => (x.field < y.field ? -1 : x.field > y.field ? 1 : 0));
  return { merged: merged as T, conflicts };
}

function toSide(doc: SyncDoc): Side {
  const fieldTimes = isRecordOfNumbers(doc.fieldTimes) ? doc.fieldTimes : {};
  return {
    doc,
    fieldTimes,
    updatedAt: typeof doc.updatedAt === 'number' ? doc.updatedAt : 0,
    by: typeof doc.updatedBy === 'string' ? doc.updatedBy : '',
    stub: doc.fieldTimes === undefined,
    deleted: doc._deleted === true,
  };
}

function isRecordOfNumbers(value: unknown): value is Record<string, number> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'number');
}

function domainFields(...sides: (Side | undefined)[]): string[] {
  const fields = new Set<string>();
  for (const side of sides) {
    if (!side) continue;
    for (const key of Object.keys(side.doc)) if (!key.startsWith('_') && !BOOKKEEPING.has(key)) fields.add(key);
  }
  return [...fields].sort();
}

/** A stub says nothing about fields: it shows the base's values, so it never counts as an edit. */
function valueOf(side: Side, field: string, base: Side | undefined): unknown {
  return side.stub ? base?.doc[field] : side.doc[field];
}

function timeOf(side: Side, field: string): number {
  return side.fieldTimes[field] ?? side.updatedAt;
}

/**
 * Did this side edit the field since the base? A changed value, or a newer edit time: an edit that
 * set the field back to the base value is still an edit, and may be the latest one.
 */
function changedSince(side: Side, field: string, base: Side | undefined): boolean {
  if (side.stub) return false;
  const value = side.doc[field];
  if (!base) return value !== undefined;
  return !sameValue(value, base.doc[field]) || timeOf(side, field) > timeOf(base, field);
}

interface Edit {
  at: number;
  by: string;
  value: unknown;
}

/** Positive when `x` wins: later time, then author, then value, so every replica picks the same. */
export function compareEdits(x: Edit, y: Edit): number {
  if (x.at !== y.at) return x.at - y.at;
  if (x.by !== y.by) return x.by < y.by ? -1 : 1;
  const jx = stableJson(x.value);
  const jy = stableJson(y.value);
  return jx === jy ? 0 : jx < jy ? -1 : 1;
}

function mergeField(
  field: string,
  a: Side,
  b: Side,
  base: Side | undefined,
  isList: boolean,
  record: (c: Omit<FieldConflict, 'docId' | 'collection'>) => void,
): unknown {
  const va = valueOf(a, field, base);
  const vb = valueOf(b, field, base);
  const changedA = changedSince(a, field, base);
  const changedB = changedSince(b, field, base);
  if (!changedA && !changedB) return base ? base.doc[field] : (va ?? vb);
  if (!changedB) return va;
  if (!changedA) return vb;
  if (sameValue(va, vb)) return va;
  const editA: Edit = { at: timeOf(a, field), by: a.by, value: va };
  const editB: Edit = { at: timeOf(b, field), by: b.by, value: vb };
  const aWins = compareEdits(editA, editB) >= 0;
  if (isList && Array.isArray(va) && Array.isArray(vb)) {
    const baseList = base && Array.isArray(base.doc[field]) ? (base.doc[field] as unknown[]) : [];
    return aWins ? mergeLists(baseList, editA, editB) : mergeLists(baseList, editB, editA);
  }
  const [kept, lost] = aWins ? [editA, editB] : [editB, editA];
  const [keptSide, lostSide] = aWins ? [a, b] : [b, a];
  record({ field, keptValue: kept.value, lostValue: lost.value, keptAt: kept.at, lostAt: lost.at, keptBy: keptSide.by, lostBy: lostSide.by });
  return kept.value;
}

/**
 * Union of two edited lists against their base. Items are identified by `id` (objects) or by value
 * (strings). An item added on either side is kept; an item removed on one side stays removed
 * unless the other side edited it (an edit is worth more than a deletion of the old version).
 * The winner's order comes first, then the other side's additions.
 */
function mergeLists(base: unknown[], winner: Edit, loser: Edit): unknown[] {
  const baseItems = byKey(base);
  const win = byKey(winner.value as unknown[]);
  const lose = byKey(loser.value as unknown[]);
  const result: unknown[] = [];
  const seen = new Set<string>();
  for (const [key] of [...win, ...lose]) {
    if (seen.has(key)) continue;
    seen.add(key);
    const item = mergeItem(key, baseItems, win, lose);
    if (item !== undefined) result.push(item);
  }
  return result;
}

function mergeItem(key: string, base: Map<string, unknown>, win: Map<string, unknown>, lose: Map<string, unknown>): unknown {
  const inBase = base.has(key);
  const w = win.get(key);
  const l = lose.get(key);
  const old = base.get(key);
  if (!inBase) return w !== undefined && l !== undefined ? pickItem(old, w, l, false) : (w ?? l);
  if (w === undefined) return l !== undefined && !sameValue(l, old) ? l : undefined;
  if (l === undefined) return !sameValue(w, old) ? w : undefined;
  return pickItem(old, w, l, true);
}

/**
 * The same item on both sides: the one that changed, else the later by the item's own time
 * (`updatedAt`, else `at`), else the side whose list edit won.
 */
function pickItem(old: unknown, w: unknown, l: unknown, inBase: boolean): unknown {
  if (sameValue(w, l)) return w;
  if (inBase && sameValue(l, old)) return w;
  if (inBase && sameValue(w, old)) return l;
  const tw = itemTime(w);
  const tl = itemTime(l);
  return tw === tl ? w : tw > tl ? w : l;
}

function itemTime(item: unknown): number {
  if (typeof item !== 'object' || item === null) return 0;
  const { updatedAt, at } = item as { updatedAt?: unknown; at?: unknown };
  return typeof updatedAt === 'number' ? updatedAt : typeof at === 'number' ? at : 0;
}

function byKey(list: unknown[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const item of list) {
    const key = itemKey(item);
    if (!map.has(key)) map.set(key, item);
  }
  return map;
}

function itemKey(item: unknown): string {
  if (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string') return `id:${(item as { id: string }).id}`;
  return `v:${stableJson(item)}`;
}

function mergeBookkeeping(a: Side, b: Side, base: Side | undefined, docId: string): SyncDoc {
  const full = [a, b, base].filter((s): s is Side => s !== undefined && !s.stub);
  if (full.length === 0) return { id: docId };
  const fieldTimes: Record<string, number> = {};
  for (const side of full) {
    for (const [field, at] of Object.entries(side.fieldTimes)) fieldTimes[field] = Math.max(fieldTimes[field] ?? 0, at);
  }
  const latest = full.reduce((x, y) => (compareEdits({ at: y.updatedAt, by: y.by, value: null }, { at: x.updatedAt, by: x.by, value: null }) > 0 ? y : x));
  const created = full.map((s) => s.doc.createdAt).filter((v): v is number => typeof v === 'number');
  return {
    id: docId,
    ...(created.length ? { createdAt: Math.min(...created) } : {}),
    updatedAt: latest.updatedAt,
    updatedBy: latest.by,
    fieldTimes,
  };
}

/**
 * Deletion vs edit: the deletion wins unless the live side edited a field after the deletion.
 * A deletion's time is the deleted document's `updatedAt` (RxDB keeps the fields of a removed
 * document); a stub has none, so it is taken as the base's `updatedAt`: any edit the deleting
 * client had not seen then brings the document back. Data is never dropped silently: the loser
 * goes into a `_deleted` conflict record either way.
 */
function decideDeletion(a: Side, b: Side, base: Side | undefined, record: (c: Omit<FieldConflict, 'docId' | 'collection'>) => void): boolean {
  if (a.deleted === b.deleted) return a.deleted;
  const [dead, live] = a.deleted ? [a, b] : [b, a];
  const deletedAt = dead.stub ? (base?.updatedAt ?? 0) : dead.updatedAt;
  const editedAt = lastEditSince(live, base);
  if (editedAt === undefined) return true;
  if (editedAt > deletedAt) {
    record({ field: DELETED_FIELD, keptValue: false, lostValue: true, keptAt: editedAt, lostAt: deletedAt, keptBy: live.by, lostBy: dead.by });
    return false;
  }
  record({
    field: DELETED_FIELD,
    keptValue: true,
    lostValue: withoutUnderscoreFields(live.doc),
    keptAt: deletedAt,
    lostAt: editedAt,
    keptBy: dead.by,
    lostBy: live.by,
  });
  return true;
}

function lastEditSince(side: Side, base: Side | undefined): number | undefined {
  let last: number | undefined;
  for (const field of domainFields(side, base)) {
    if (changedSince(side, field, base)) last = Math.max(last ?? 0, timeOf(side, field));
  }
  return last;
}

function withoutUnderscoreFields(doc: SyncDoc): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
}

/** JSON with sorted keys, so equal values always compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
