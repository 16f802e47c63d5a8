import { z } from 'zod';
import { COLLECTIONS, type CollectionName } from '../models';

/**
 * The top-level array fields of a collection that merge as unions on sync: lists of strings (tags,
 * ids, SWOT items) as sets, and lists of objects with an `id` (notes, deal lines, clauses) by id.
 * Lists of objects without an id (phones, addresses, invitations, campaign recipients, prices)
 * are left out on purpose: an edited item there cannot be told from a removed one plus a new one,
 * so a union would duplicate it. Those fields merge as whole values (later edit wins, the other is
 * kept in a conflict record).
 */
export function listFieldsOf(collection: CollectionName): string[] {
  const shape = COLLECTIONS[collection].schema.shape as Record<string, z.ZodType>;
  return Object.entries(shape)
    .map(([field, schema]) => [field, unwrapOptional(schema)] as const)
    .filter(([, schema]) => schema instanceof z.ZodArray && isUnionItem(schema.element as z.ZodType))
    .map(([field]) => field)
    .sort();
}

/** A field added in a later schema version is optional (older documents lack it): it merges as its list would. */
function unwrapOptional(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

function isUnionItem(item: z.ZodType): boolean {
  if (item instanceof z.ZodString || item instanceof z.ZodEnum) return true;
  return item instanceof z.ZodObject && item.shape.id instanceof z.ZodString;
}
