import type { BaseDoc, CollectionName } from '../models';
import { DAY } from './dates';
import { hashString, streamRandom, type Random } from './random';
import { sampleDocId } from './marker';
import type { SampleCounts } from './sizes';

/** The default team the sample data is spread over (ownerId / updatedBy). */
export const DEFAULT_OWNERS = [
  'ana.ribeiro',
  'bruno.carvalho',
  'carla.mendes',
  'diego.almeida',
  'elisa.santos',
  'fabio.rocha',
  'gabriela.lima',
  'henrique.souza',
] as const;
/** Who edits the catalogue (products are written by catalogue admins only). */
export const CATALOGUE_ADMIN = 'admin.catalogo';

/** How far back documents of each collection were created, and how strongly skewed to recent. */
const HISTORY: Partial<Record<CollectionName, { days: number; skew: number }>> = {
  accounts: { days: 6 * 365, skew: 1.4 },
  contacts: { days: 5 * 365, skew: 1.4 },
  products: { days: 4 * 365, skew: 1.2 },
  deals: { days: 540, skew: 1.5 },
  orders: { days: 540, skew: 1.3 },
  contracts: { days: 4 * 365, skew: 1.2 },
  competitors: { days: 3 * 365, skew: 1 },
};
const DEFAULT_HISTORY = { days: 730, skew: 1.5 };

export type Identity = { id: string; createdAt: number };

/** Everything a collection generator needs: the seed, the clock, the counts and the team. */
export class GeneratorContext {
  readonly seedHash: number;

  constructor(
    seed: number | string,
    readonly now: number,
    readonly counts: SampleCounts,
    readonly owners: readonly string[],
  ) {
    this.seedHash = hashString(String(seed));
  }

  /** The random stream of one document's content (see streamRandom). */
  random(label: string, index: number): Random {
    return streamRandom(this.seedHash, label, index);
  }

  /**
   * Id and creation time of document `index` of a collection, from their own stream, so other
   * collections can reference the document without generating it.
   */
  identity(collection: CollectionName, index: number): Identity {
    const random = this.random(`id:${collection}`, index);
    const history = HISTORY[collection] ?? DEFAULT_HISTORY;
    const createdAt = this.now - Math.floor(history.days * DAY * random.next() ** history.skew);
    return { id: sampleDocId(createdAt, random), createdAt };
  }

  id(collection: CollectionName, index: number): string {
    return index < 0 ? '' : this.identity(collection, index).id;
  }

  owner(index: number): string {
    return this.owners[index % this.owners.length]!;
  }
}

/**
 * A document with the bookkeeping createDoc gives it, created at `createdAt`; when it was edited
 * later (`updatedAt`), the listed fields carry that edit time, as the three-way merge expects.
 */
export function stampDoc<T extends BaseDoc>(
  fields: Omit<T, keyof BaseDoc>,
  identity: Identity,
  by: string,
  edit?: { at: number; fields: readonly (keyof T & string)[] },
): T {
  // Same result as shared/domain/documents.ts createDoc, without its copy of every field: at size L
  // that copy was a tenth of the run time. The fields object is fresh, so it is completed in place.
  const { id, createdAt } = identity;
  const fieldTimes: Record<string, number> = {};
  for (const key in fields) fieldTimes[key] = createdAt;
  const doc = fields as unknown as T;
  doc.id = id;
  doc.createdAt = createdAt;
  doc.updatedAt = createdAt;
  doc.updatedBy = by;
  doc.fieldTimes = fieldTimes;
  if (edit && edit.at > createdAt) {
    doc.updatedAt = edit.at;
    for (const field of edit.fields) fieldTimes[field] = edit.at;
  }
  return doc;
}

/** A later edit time between creation and now, or none (about a third of documents are never edited). */
export function laterEdit(random: Random, createdAt: number, now: number): number {
  return random.chance(0.35) ? createdAt : createdAt + Math.floor((now - createdAt) * random.next());
}
