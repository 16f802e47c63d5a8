import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';

// The screens' code loads when first shown (AppRoutes shows the loading state).
const CasesPage = lazyScreen(() => import('./CasesPage'), 'CasesPage');
const CasePage = lazyScreen(() => import('./CasePage'), 'CasePage');

/** The cases list and one case's page. */
export const casesRoutes: FeatureRoute[] = [
  { path: '/cases', render: () => <CasesPage /> },
  { path: '/cases/:id', render: (p) => <CasePage key={p.id} id={decodeURIComponent(p.id ?? '')} /> },
];
