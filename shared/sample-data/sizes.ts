import type { CollectionName } from '../models';

export const SAMPLE_SIZE_NAMES = ['S', 'M', 'L'] as const;
/** S: a demo a manager can browse; M: a busy team; L: the largest base the app must stay fast with. */
export type SampleSize = (typeof SAMPLE_SIZE_NAMES)[number];
export type SampleCounts = Record<CollectionName, number>;

/** Documents generated per collection at each size. */
export const SAMPLE_SIZES: Record<SampleSize, SampleCounts> = {
  S: {
    accounts: 500,
    contacts: 1_500,
    products: 400,
    deals: 300,
    activities: 3_000,
    orders: 500,
    contracts: 100,
    cases: 200,
    events: 10,
    competitors: 8,
    campaigns: 5,
  },
  M: {
    accounts: 10_000,
    contacts: 30_000,
    products: 8_000,
    deals: 6_000,
    activities: 60_000,
    orders: 10_000,
    contracts: 2_000,
    cases: 4_000,
    events: 100,
    competitors: 20,
    campaigns: 30,
  },
  L: {
    accounts: 50_000,
    contacts: 150_000,
    products: 20_000,
    deals: 30_000,
    activities: 300_000,
    orders: 50_000,
    contracts: 5_000,
    cases: 10_000,
    events: 200,
    competitors: 30,
    campaigns: 50,
  },
};
