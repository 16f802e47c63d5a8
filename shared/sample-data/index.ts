import type { CollectionName, DocOf } from '../models';
import { COLLECTION_NAMES } from '../models';
import { accountAt } from './accounts';
import { activityAt } from './activities';
import { campaignAt } from './campaigns';
import { caseAt } from './cases';
import { competitorAt } from './competitors';
import { contactAt } from './contacts';
import { contractAt } from './contracts';
import { DEFAULT_OWNERS, GeneratorContext } from './context';
import { dealAt } from './deals';
import { eventAt } from './events';
import { orderAt } from './orders';
import { productAt } from './products';
import { SAMPLE_SIZES, type SampleCounts, type SampleSize } from './sizes';
import { World } from './world';

export { SAMPLE_SIZES, SAMPLE_SIZE_NAMES, type SampleCounts, type SampleSize } from './sizes';
export { DEFAULT_OWNERS } from './context';
export { SAMPLE_ID_SUFFIX, isSampleDocument, isSampleId } from './marker';

export type SampleDataOptions = {
  size: SampleSize;
  /** Same seed, same documents (ids included), in Node and in the browser. */
  seed: number | string;
  /** The clock the data is relative to (tasks due today, overdue orders…), ms since the epoch. */
  now: number;
  /** ownerId / updatedBy values to spread the base over; defaults to DEFAULT_OWNERS. */
  owners?: readonly string[];
  /** Override counts of some collections (benchmarks at other sizes, small tests). */
  counts?: Partial<SampleCounts>;
};

/** Lazily generated sample data: nothing is generated until a collection's documents are asked for. */
export type SampleData = {
  readonly counts: SampleCounts;
  readonly owners: readonly string[];
  /** Document `index` of a collection (0 ≤ index < counts[collection]); any order, same result. */
  doc<C extends CollectionName>(collection: C, index: number): DocOf<C>;
  /** The documents of a collection one at a time. */
  docs<C extends CollectionName>(collection: C, from?: number, to?: number): Generator<DocOf<C>>;
  /** The documents of a collection in arrays of `batchSize`, ready for bulkInsert. */
  batches<C extends CollectionName>(collection: C, batchSize?: number): Generator<DocOf<C>[]>;
};

type Generators = { [C in CollectionName]: (world: World, index: number) => DocOf<C> };
const GENERATORS: Generators = {
  accounts: (world, i) => accountAt(world.ctx, i),
  contacts: contactAt,
  products: (world, i) => productAt(world.ctx, i),
  deals: dealAt,
  activities: activityAt,
  orders: orderAt,
  contracts: contractAt,
  cases: caseAt,
  events: eventAt,
  competitors: competitorAt,
  campaigns: campaignAt,
};

export function generateSampleData(options: SampleDataOptions): SampleData {
  const counts = { ...SAMPLE_SIZES[options.size], ...options.counts };
  const owners = options.owners?.length ? options.owners : DEFAULT_OWNERS;
  const world = new World(new GeneratorContext(options.seed, options.now, counts, owners));

  function doc<C extends CollectionName>(collection: C, index: number): DocOf<C> {
    if (!Number.isInteger(index) || index < 0 || index >= counts[collection]) throw new RangeError(`${collection}[${index}] is out of range`);
    return (GENERATORS[collection] as (world: World, index: number) => DocOf<C>)(world, index);
  }

  function* docs<C extends CollectionName>(collection: C, from = 0, to = counts[collection]): Generator<DocOf<C>> {
    for (let i = from; i < Math.min(to, counts[collection]); i++) yield doc(collection, i);
  }

  function* batches<C extends CollectionName>(collection: C, batchSize = 1000): Generator<DocOf<C>[]> {
    for (let from = 0; from < counts[collection]; from += batchSize) yield [...docs(collection, from, from + batchSize)];
  }

  return { counts, owners, doc, docs, batches };
}

/** Every document of every collection in memory: for S and M (L would hold ~600k documents at once). */
export function generateAll(options: SampleDataOptions): { [C in CollectionName]: DocOf<C>[] } {
  if (options.size === 'L' && !options.counts) throw new Error('generateAll holds everything in memory; stream size L with batches()');
  const data = generateSampleData(options);
  const all = {} as { [C in CollectionName]: DocOf<C>[] };
  for (const name of COLLECTION_NAMES) (all as Record<CollectionName, unknown[]>)[name] = [...data.docs(name)];
  return all;
}
