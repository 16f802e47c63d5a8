import type { FeatureRoute } from '../../app/feature-route';
import { Account360Page } from './Account360Page';
import { AccountEditPage } from './AccountEditPage';
import { AccountsPage } from './AccountsPage';

export const accountRoutes: FeatureRoute[] = [
  { path: '/accounts', render: () => <AccountsPage /> },
  { path: '/accounts/new', render: () => <AccountEditPage /> },
  { path: '/accounts/:id/edit', render: (p) => <AccountEditPage id={p.id} /> },
  { path: '/accounts/:id', render: (p) => <Account360Page id={p.id!} /> },
];
