import { toJsonSchema, type CollectionName } from '../models';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  minLength?: number;
  minimum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

const cache = new Map<CollectionName, Record<string, unknown>>();

/**
 * The smallest document of a collection that satisfies its schema. A deletion made by another
 * CouchDB client arrives as a stub (`_id`, `_rev`, `_deleted` only — RxDB issue #7444); filling
 * it with these values lets it apply whatever the schema requires. Deleted, it is never shown.
 */
export function tombstoneFor(collection: CollectionName): Record<string, unknown> {
  let fields = cache.get(collection);
  if (!fields) {
    fields = minimalObject(toJsonSchema(collection) as JsonSchema);
    cache.set(collection, fields);
  }
  return structuredClone(fields);
}

/** A deleted document pulled from the server, completed with tombstone values where fields are missing. */
export function completeDeletionStub<T extends Record<string, unknown>>(collection: CollectionName | 'conflicts', doc: T): T {
  // The team conflict log is never deleted by Carteira; its schema needs no stub filling.
  if (doc._deleted !== true || collection === 'conflicts') return doc;
  const required = toJsonSchema(collection).required;
  if (required.every((field) => field in doc)) return doc;
  return { ...tombstoneFor(collection), ...doc };
}

function minimalObject(schema: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of schema.required ?? []) {
    const prop = schema.properties?.[field];
    if (prop) out[field] = minimalValue(prop);
  }
  return out;
}

function minimalValue(schema: JsonSchema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return '-'.repeat(schema.minLength ?? 0);
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return minimalObject(schema);
    default:
      return null;
  }
}
