import { z } from 'zod';
import { accountIndexes, accountSchema } from './accounts';
import { activityIndexes, activitySchema } from './activities';
import { campaignIndexes, campaignSchema } from './campaigns';
import { caseIndexes, caseSchema } from './cases';
import { competitorIndexes, competitorSchema } from './competitors';
import { contactIndexes, contactSchema } from './contacts';
import { contractIndexes, contractSchema } from './contracts';
import { dealIndexes, dealSchema } from './deals';
import { eventIndexes, eventSchema } from './events';
import { orderIndexes, orderSchema } from './orders';
import { productIndexes, productSchema } from './products';

export * from './common';
export * from './accounts';
export * from './activities';
export * from './campaigns';
export * from './cases';
export * from './competitors';
export * from './contacts';
export * from './contracts';
export * from './deals';
export * from './events';
export * from './orders';
export * from './products';

/**
 * Every collection of the domain: its zod schema (the single source of the document's type, of the
 * local JSON schema and of the server's required-field check), its indexes and its schema version.
 * Bump `version` together with a migration strategy in renderer/src/db/migrations.
 */
export const COLLECTIONS = {
  accounts: { schema: accountSchema, indexes: accountIndexes, version: 0 },
  contacts: { schema: contactSchema, indexes: contactIndexes, version: 0 },
  products: { schema: productSchema, indexes: productIndexes, version: 0 },
  deals: { schema: dealSchema, indexes: dealIndexes, version: 1 },
  activities: { schema: activitySchema, indexes: activityIndexes, version: 0 },
  orders: { schema: orderSchema, indexes: orderIndexes, version: 1 },
  contracts: { schema: contractSchema, indexes: contractIndexes, version: 1 },
  cases: { schema: caseSchema, indexes: caseIndexes, version: 1 },
  events: { schema: eventSchema, indexes: eventIndexes, version: 1 },
  competitors: { schema: competitorSchema, indexes: competitorIndexes, version: 1 },
  campaigns: { schema: campaignSchema, indexes: campaignIndexes, version: 0 },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
/** The document type stored in collection C. */
export type DocOf<C extends CollectionName> = z.infer<(typeof COLLECTIONS)[C]['schema']>;

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema> };

/** The JSON schema RxDB stores for collection `name` (plain JSON; no rxdb import in shared/). */
export function toJsonSchema(name: CollectionName) {
  const def = COLLECTIONS[name];
  const json = z.toJSONSchema(def.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  stripPropertyNames(json);
  const indexed = new Set(def.indexes.flat());
  for (const field of indexed) {
    const prop = json.properties?.[field];
    if (!prop) throw new Error(`${name}: index on unknown field ${field}`);
    // RxDB needs bounded, stepped numbers to build index strings.
    if (prop.type === 'integer' || prop.type === 'number') prop.multipleOf = 1;
    if (prop.type === 'string' && prop.maxLength === undefined && Array.isArray(prop.enum)) {
      prop.maxLength = Math.max(...(prop.enum as string[]).map((v) => v.length));
    }
  }
  return {
    title: name,
    version: def.version,
    primaryKey: 'id',
    type: 'object',
    properties: json.properties ?? {},
    required: (json.required as string[]) ?? [],
    indexes: def.indexes.map((i) => (Array.isArray(i) ? [...i] : i)),
  } as const;
}

function stripPropertyNames(node: JsonSchema): void {
  delete node.propertyNames;
  for (const value of Object.values(node)) {
    if (value && typeof value === 'object') stripPropertyNames(value as JsonSchema);
  }
}
