import { META_FIELDS, type BaseDoc } from '../models/common';
import { newId } from './ids';

type Fields<T extends BaseDoc> = Omit<T, keyof BaseDoc>;

/** A new document: id made on the device, every field stamped with the creation time. */
export function createDoc<T extends BaseDoc>(fields: Fields<T>, by: string, now: number = Date.now(), id: string = newId(now)): T {
  const fieldTimes: Record<string, number> = {};
  for (const key of Object.keys(fields)) fieldTimes[key] = now;
  return { ...(fields as object), id, createdAt: now, updatedAt: now, updatedBy: by, fieldTimes } as T;
}

/**
 * The document after an edit: only fields whose value really changed get a new edit time, so a
 * later three-way merge can tell which side touched which field.
 */
export function editDoc<T extends BaseDoc>(doc: T, patch: Partial<Fields<T>>, by: string, now: number = Date.now()): T {
  const fieldTimes = { ...doc.fieldTimes };
  const next: Record<string, unknown> = { ...doc };
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if ((META_FIELDS as readonly string[]).includes(key) || value === undefined) continue;
    if (sameValue((doc as Record<string, unknown>)[key], value)) continue;
    next[key] = value;
    fieldTimes[key] = now;
    changed = true;
  }
  if (!changed) return doc;
  return { ...next, fieldTimes, updatedAt: now, updatedBy: by } as T;
}

/** Structural equality for JSON values (documents hold nothing else). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
