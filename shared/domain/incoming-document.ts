import { COLLECTIONS, toJsonSchema, type CollectionName } from '../models';
import { CONFLICTS_COLLECTION, conflictRecordJsonSchema, conflictRecordSchema } from '../models/conflicts';

/** What a team database holds: a domain collection, or the team's conflict log (checked the same way). */
export type IncomingKind = CollectionName | typeof CONFLICTS_COLLECTION;

/**
 * The check every document pulled from the team's server passes before RxDB stores it.
 *
 * The server's own validation only checks that required fields exist, and another CouchDB client
 * (an older app, a script, a person with curl) can write anything. The model (shared/models) is
 * the base; this adds what a trustworthy document also needs, without touching the stored JSON
 * schema (tightening the zod models would change every collection's schema hash and need a
 * migration each): times a `Date` can show, calendar dates that exist, bounded lists and size, no
 * keys that pollute prototypes, and no fields this version does not know.
 *
 * Unknown fields are refused, not stripped: the local JSON schema lets extra properties through
 * (so kept, they would reach screens unchecked), and a stripped copy would be pushed back on the
 * next local edit, silently dropping the field on the server for whoever wrote it. Refused, the
 * server's copy stays intact and the user sees why the document is not shown.
 */

/** 2200-01-01T00:00:00Z: later than any real meeting, due date or edit; `new Date()` works to 8.64e15. */
export const MAX_TIME = 7_258_118_400_000;
/**
 * The whole document, in characters of its JSON text (about 1–3 bytes each). The largest real
 * ones are accounts with years of notes; a meeting's notes may be 200k characters on their own.
 */
export const MAX_DOCUMENT_CHARS = 2_000_000;
/** Items in one list (notes, lines, tags…); the audience lists below may be longer. */
export const MAX_LIST = 2_000;
const LONG_LISTS: Record<string, number> = { recipients: 20_000, invitations: 20_000, leadAccountIds: 20_000 };
/** Keys of a map field (`fieldTimes` has one per top-level field). */
const MAX_MAP_KEYS = 500;
const MAX_DEPTH = 12;
/** At most this many issues are kept per document: enough to fix it, bounded to store. */
const MAX_ISSUES = 20;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** CouchDB's own top-level fields: bookkeeping of the server, not data of the model. */
const COUCH_FIELDS = new Set(['_id', '_rev', '_deleted', '_revisions', '_conflicts', '_attachments', '_deleted_conflicts', '_local_seq']);
const ISO_DATE_PATTERN = '^(\\d{4}-\\d{2}-\\d{2})?$';

export const INCOMING_ISSUE_CODES = [
  'not_object',
  'forbidden_key',
  'unknown_field',
  'document_too_large',
  'too_deep',
  'id_mismatch',
  'invalid_type',
  'invalid_value',
  'too_long',
  'too_short',
  'too_big',
  'too_small',
  'invalid_format',
  'time_out_of_range',
  'date_invalid',
  'list_too_long',
  'invalid',
] as const;
export type IncomingIssueCode = (typeof INCOMING_ISSUE_CODES)[number];

/** One reason a document was refused: where (`notes[2].text`; '' for the whole document) and what. */
export interface IncomingIssue {
  path: string;
  code: IncomingIssueCode;
  /** The bound that was crossed (a length, a size, a time), when there is one. */
  limit?: number;
}

export type IncomingCheck = { ok: true; doc: Record<string, unknown> } | { ok: false; issues: IncomingIssue[] };

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  pattern?: string;
  anyOf?: unknown;
  oneOf?: unknown;
};

const schemas = new Map<IncomingKind, JsonSchema>();
const schemaOf = (collection: IncomingKind): JsonSchema => {
  let schema = schemas.get(collection);
  if (!schema) {
    schema = (collection === CONFLICTS_COLLECTION ? conflictRecordJsonSchema : toJsonSchema(collection)) as unknown as JsonSchema;
    schemas.set(collection, schema);
  }
  return schema;
};

/**
 * Checks a document as CouchDB sent it (`_id`, `_rev`, maybe `_deleted`). A valid one comes back
 * unchanged. A deletion is always accepted: a bare stub (see tombstone.ts) as it is, a deleted
 * document whose content fails reduced to its stub, so the deletion applies and nothing of the
 * content is kept.
 */
export function checkIncomingDocument(collection: IncomingKind, raw: unknown): IncomingCheck {
  if (!isPlainObject(raw)) return { ok: false, issues: [{ path: '', code: 'not_object' }] };
  const issues: IncomingIssue[] = [];
  const size = walkRaw(raw, '', 0, issues);
  if (size > MAX_DOCUMENT_CHARS) issues.unshift({ path: '', code: 'document_too_large', limit: MAX_DOCUMENT_CHARS });
  if (typeof raw._id !== 'string') issues.push({ path: '_id', code: 'invalid_type' });
  if ('id' in raw && raw.id !== raw._id) issues.push({ path: 'id', code: 'id_mismatch' });
  const deleted = raw._deleted === true;
  if (deleted && (issues.length > 0 || isStub(raw))) {
    if (typeof raw._id !== 'string' || FORBIDDEN_KEYS.has(raw._id)) return { ok: false, issues: cap(issues) };
    return { ok: true, doc: stubOf(raw) };
  }
  // Past a forbidden key or a runaway depth nothing else is read: the model's parse copies keys.
  if (issues.some((i) => i.code !== 'document_too_large')) return { ok: false, issues: cap(issues) };

  const data: Record<string, unknown> = { id: raw._id };
  for (const [key, value] of Object.entries(raw)) {
    if (COUCH_FIELDS.has(key) || key === 'id') continue;
    data[key] = value;
  }
  const model = collection === CONFLICTS_COLLECTION ? conflictRecordSchema : COLLECTIONS[collection].schema;
  const parsed = model.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push(fromZodIssue(issue));
  }
  checkBounds(schemaOf(collection), data, '', issues, true);
  if (issues.length > 0) {
    if (deleted) return { ok: true, doc: stubOf(raw) };
    return { ok: false, issues: cap(dedupe(issues)) };
  }
  return { ok: true, doc: raw };
}

/** Only CouchDB's fields: a deletion written by another client (RxDB issue #7444). */
function isStub(raw: Record<string, unknown>): boolean {
  return Object.keys(raw).every((key) => COUCH_FIELDS.has(key));
}

function stubOf(raw: Record<string, unknown>): Record<string, unknown> {
  const stub: Record<string, unknown> = { _id: raw._id, _deleted: true };
  if (typeof raw._rev === 'string') stub._rev = raw._rev;
  return stub;
}

/**
 * Every key at any depth (a `__proto__` key from JSON.parse is an own property that a later
 * spread or merge turns into the object's prototype), the nesting depth, and the size: string
 * lengths plus a little per key and value, near the JSON length without serialising each of a
 * pull's hundreds of thousands of documents again.
 */
function walkRaw(value: unknown, path: string, depth: number, issues: IncomingIssue[]): number {
  if (typeof value === 'string') return value.length + 2;
  if (value === null || typeof value !== 'object') return 8;
  if (depth > MAX_DEPTH) {
    issues.push({ path, code: 'too_deep', limit: MAX_DEPTH });
    return 0;
  }
  let size = 2;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      size += walkRaw(item, `${path}[${i}]`, depth + 1, issues) + 1;
    });
    return size;
  }
  for (const key of Object.keys(value)) {
    const at = join(path, key);
    if (FORBIDDEN_KEYS.has(key)) issues.push({ path: at, code: 'forbidden_key' });
    size += key.length + 4 + walkRaw((value as Record<string, unknown>)[key], at, depth + 1, issues);
  }
  return size;
}

/**
 * The bounds the model leaves open, walked along the collection's JSON schema: unknown fields,
 * list lengths, map sizes, times (`at`, `…At`, `fieldTimes`) between 1970 and 2200 or 0 for
 * "none", and ISO dates that exist on the calendar.
 */
function checkBounds(schema: JsonSchema, value: unknown, path: string, issues: IncomingIssue[], top = false): void {
  if (schema.anyOf || schema.oneOf) return;
  if (Array.isArray(value)) {
    const limit = LONG_LISTS[lastKey(path)] ?? MAX_LIST;
    if (value.length > limit) issues.push({ path, code: 'list_too_long', limit });
    else if (schema.items) value.forEach((item, i) => checkBounds(schema.items!, item, `${path}[${i}]`, issues));
    return;
  }
  if (isPlainObject(value)) {
    const map = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : null;
    const keys = Object.keys(value);
    if (map && !schema.properties) {
      if (keys.length > MAX_MAP_KEYS) issues.push({ path, code: 'list_too_long', limit: MAX_MAP_KEYS });
      else
        for (const key of keys) {
          const at = join(path, key);
          if (key.length > 80) issues.push({ path: at, code: 'too_long', limit: 80 });
          checkValue(map, value[key], at, path === 'fieldTimes', issues);
        }
      return;
    }
    for (const key of keys) {
      const prop = schema.properties?.[key];
      const at = join(path, key);
      if (!prop) {
        if (!(top && key === 'id')) issues.push({ path: at, code: 'unknown_field' });
        continue;
      }
      checkValue(prop, value[key], at, isTimeKey(key), issues);
    }
  }
}

function checkValue(schema: JsonSchema, value: unknown, path: string, isTime: boolean, issues: IncomingIssue[]): void {
  if (typeof value === 'number') {
    if (isTime && value !== 0 && !(value >= 0 && value <= MAX_TIME)) issues.push({ path, code: 'time_out_of_range', limit: MAX_TIME });
    return;
  }
  if (typeof value === 'string') {
    if (schema.pattern === ISO_DATE_PATTERN && value !== '' && !isRealDate(value)) issues.push({ path, code: 'date_invalid' });
    return;
  }
  checkBounds(schema, value, path, issues);
}

/** `at`, `dueAt`, `updatedAt`…: milliseconds since 1970 (not `atInv`, its inverted index twin). */
const isTimeKey = (key: string) => key === 'at' || /[a-z]At$/.test(key);

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2200) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

type ZodIssueLike = { code: string; path: PropertyKey[]; origin?: string; maximum?: unknown; minimum?: unknown; format?: string };

function fromZodIssue(issue: ZodIssueLike): IncomingIssue {
  const path = issue.path.reduce<string>((p, key) => (typeof key === 'number' ? `${p}[${key}]` : join(p, String(key))), '');
  const limit = (bound: unknown) => (typeof bound === 'number' || typeof bound === 'bigint' ? Number(bound) : undefined);
  const withLimit = (code: IncomingIssueCode, bound: unknown): IncomingIssue => {
    const value = limit(bound);
    return value === undefined ? { path, code } : { path, code, limit: value };
  };
  switch (issue.code) {
    case 'invalid_type':
      return { path, code: 'invalid_type' };
    case 'invalid_value':
    case 'invalid_union':
      return { path, code: 'invalid_value' };
    case 'invalid_format':
      return { path, code: 'invalid_format' };
    case 'unrecognized_keys':
      return { path, code: 'unknown_field' };
    case 'too_big':
      if (issue.origin === 'string') return withLimit('too_long', issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return withLimit('list_too_long', issue.maximum);
      return withLimit('too_big', issue.maximum);
    case 'too_small':
      if (issue.origin === 'string') return withLimit('too_short', issue.minimum);
      return withLimit('too_small', issue.minimum);
    default:
      return { path, code: 'invalid' };
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const lastKey = (path: string) => path.slice(path.lastIndexOf('.') + 1);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dedupe(issues: IncomingIssue[]): IncomingIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const cap = (issues: IncomingIssue[]) => issues.slice(0, MAX_ISSUES);
