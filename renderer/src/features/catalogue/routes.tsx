import type { FeatureRoute } from '../../app/feature-route';

/** The catalogue screens (none yet: the area shows its placeholder until a route for its path exists). */
export const catalogueRoutes: FeatureRoute[] = [];
