import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';

// Each screen's code loads when it is first shown (AppRoutes shows the loading state).
const Account360Page = lazyScreen(() => import('./Account360Page'), 'Account360Page');
const AccountEditPage = lazyScreen(() => import('./AccountEditPage'), 'AccountEditPage');
const AccountsPage = lazyScreen(() => import('./AccountsPage'), 'AccountsPage');

export const accountRoutes: FeatureRoute[] = [
  { path: '/accounts', render: () => <AccountsPage /> },
  { path: '/accounts/new', render: () => <AccountEditPage /> },
  // Keyed by id: another account's editor starts over (its draft, baseline and guard are its own).
  { path: '/accounts/:id/edit', render: (p) => <AccountEditPage key={p.id} id={p.id} /> },
  { path: '/accounts/:id', render: (p) => <Account360Page id={p.id!} /> },
];
