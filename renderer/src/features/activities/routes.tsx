import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';

// Each screen's code loads when it is first shown (AppRoutes shows the loading state).
const ActivitiesPage = lazyScreen(() => import('./ActivitiesPage'), 'ActivitiesPage');
const ActivityPage = lazyScreen(() => import('./ActivityPage'), 'ActivityPage');
const MyDayPage = lazyScreen(() => import('./MyDayPage'), 'MyDayPage');

/** The activities screens: My day, the task and activity list, one activity with its notes. */
export const activitiesRoutes: FeatureRoute[] = [
  { path: '/today', render: () => <MyDayPage /> },
  { path: '/activities', render: () => <ActivitiesPage /> },
  { path: '/activities/:id', render: (p) => <ActivityPage id={p.id!} /> },
];
