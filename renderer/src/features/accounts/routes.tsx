import type { FeatureRoute } from '../../app/feature-route';
import { AccountDetailPage } from './AccountDetailPage';
import { AccountEditPage } from './AccountEditPage';
import { AccountsPage } from './AccountsPage';

export const accountRoutes: FeatureRoute[] = [
  { path: '/accounts', render: () => <AccountsPage /> },
  { path: '/accounts/new', render: () => <AccountEditPage /> },
  { path: '/accounts/:id/edit', render: (p) => <AccountEditPage id={p.id} /> },
  { path: '/accounts/:id', render: (p) => <AccountDetailPage id={p.id!} /> },
];
