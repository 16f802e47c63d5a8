import type { MetricRunner } from './metrics';

/** Global search metrics (issue 4): search.p95.ms, search.naive.p95.ms, search.index_build.ms. */
export const SEARCH_METRICS: MetricRunner[] = [];
