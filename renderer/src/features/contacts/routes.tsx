import type { FeatureRoute } from '../../app/feature-route';

/** The contacts screens (none yet: the area shows its placeholder until a route for its path exists). */
export const contactsRoutes: FeatureRoute[] = [];
