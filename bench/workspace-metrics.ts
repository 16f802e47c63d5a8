import type { MetricRunner } from './metrics';

/** Workspace metrics (issue 4): account360.open.p95.ms. */
export const WORKSPACE_METRICS: MetricRunner[] = [];
