import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';

// Each screen's code loads when it is first shown (AppRoutes shows the loading state).
const AccountMergePage = lazyScreen(() => import('./AccountMergePage'), 'AccountMergePage');
const ContactMergePage = lazyScreen(() => import('./ContactMergePage'), 'ContactMergePage');

/** Merging a duplicate account or contact (the second id) into the one that stays (the first). */
export const duplicatesRoutes: FeatureRoute[] = [
  { path: '/accounts/:id/merge/:otherId', render: (p) => <AccountMergePage id={p.id!} otherId={p.otherId!} /> },
  { path: '/contacts/:id/merge/:otherId', render: (p) => <ContactMergePage id={p.id!} otherId={p.otherId!} /> },
];
