import type { CollectionName } from '../models';
import { activityAtInv } from './activity-fields';
import { sortKey } from './text';

type Doc = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The name an account is listed and sorted by: its trade name, else its legal name. */
export const accountSortKey = (a: { tradeName?: string; name?: string }) => sortKey(str(a.tradeName) || str(a.name));

/**
 * Fields computed from others (sort keys). They follow their source on every write: a merge or a
 * restore recomputes them, and they never get a conflict record of their own.
 */
const DERIVATIONS: { [C in CollectionName]?: Record<string, (doc: Doc) => unknown> } = {
  accounts: { nameSort: (d) => accountSortKey(d) },
  contacts: { nameSort: (d) => sortKey(`${str(d.firstName)} ${str(d.lastName)}`) },
  products: { nameSort: (d) => sortKey(str(d.name)) },
  competitors: { nameSort: (d) => sortKey(str(d.name)) },
  // The newest-first index key follows the activity's time (a merge of `at` must move it too).
  activities: { atInv: (d) => activityAtInv(typeof d.at === 'number' ? d.at : 0) },
};

export function isDerivedField(collection: CollectionName, field: string): boolean {
  return Boolean(DERIVATIONS[collection]?.[field]);
}

/** The derived fields' values for a (live) document; {} for deletions and collections without any. */
export function derivedValues(collection: CollectionName, doc: Doc): Doc {
  const derivations = DERIVATIONS[collection];
  if (!derivations || doc._deleted === true) return {};
  return Object.fromEntries(Object.entries(derivations).map(([field, derive]) => [field, derive(doc)]));
}
