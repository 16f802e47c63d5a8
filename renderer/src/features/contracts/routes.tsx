import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';

// The screens' code loads when first shown (AppRoutes shows the loading state).
const ContractsPage = lazyScreen(() => import('./ContractsPage'), 'ContractsPage');
const ContractPage = lazyScreen(() => import('./ContractPage'), 'ContractPage');

/** The contracts list and one contract's page. */
export const contractsRoutes: FeatureRoute[] = [
  { path: '/contracts', render: () => <ContractsPage /> },
  { path: '/contracts/:id', render: (p) => <ContractPage key={p.id} id={decodeURIComponent(p.id ?? '')} /> },
];
