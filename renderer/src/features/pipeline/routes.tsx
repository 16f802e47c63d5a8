import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';

const PipelinePage = lazyScreen(() => import('./PipelinePage'), 'PipelinePage');

/** The pipeline's board and list (a deal's own page is the deal feature's). */
export const pipelineRoutes: FeatureRoute[] = [{ path: '/pipeline', render: () => <PipelinePage /> }];
