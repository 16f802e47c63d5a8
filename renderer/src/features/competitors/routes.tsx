import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';

// The screens' code loads when first shown (AppRoutes shows the loading state).
const CompetitorsPage = lazyScreen(() => import('./CompetitorsPage'), 'CompetitorsPage');
const CompetitorReportPage = lazyScreen(() => import('./CompetitorReportPage'), 'CompetitorReportPage');
const CompetitorPage = lazyScreen(() => import('./CompetitorPage'), 'CompetitorPage');

/** The competitors list, the competitor report, and one competitor's page (the report's path comes before `:id`). */
export const competitorsRoutes: FeatureRoute[] = [
  { path: '/competitors', render: () => <CompetitorsPage /> },
  { path: '/competitors/report', render: () => <CompetitorReportPage /> },
  { path: '/competitors/:id', render: (p) => <CompetitorPage key={p.id} id={decodeURIComponent(p.id ?? '')} /> },
];
