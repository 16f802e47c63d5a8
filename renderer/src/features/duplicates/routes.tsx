import type { FeatureRoute } from '../../app/feature-route';
import { AccountMergePage } from './AccountMergePage';

/** Merging a duplicate account (the second id) into the one that stays (the first). */
export const duplicatesRoutes: FeatureRoute[] = [
  { path: '/accounts/:id/merge/:otherId', render: (p) => <AccountMergePage id={p.id!} otherId={p.otherId!} /> },
];
