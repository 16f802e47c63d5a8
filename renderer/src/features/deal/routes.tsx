import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';

// The screen's code loads when it is first shown (AppRoutes shows the loading state).
const DealPage = lazyScreen(() => import('./DealPage'), 'DealPage');

/** One deal of the pipeline: its header, lines, objections and activities. */
export const dealRoutes: FeatureRoute[] = [{ path: '/pipeline/:id', render: (p) => <DealPage key={p.id} id={decodeURIComponent(p.id ?? '')} /> }];
