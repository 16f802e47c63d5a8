import type { FeatureRoute } from '../../app/feature-route';
import { ActivitiesPage } from './ActivitiesPage';
import { ActivityPage } from './ActivityPage';
import { MyDayPage } from './MyDayPage';

/** The activities screens: My day, the task and activity list, one activity with its notes. */
export const activitiesRoutes: FeatureRoute[] = [
  { path: '/today', render: () => <MyDayPage /> },
  { path: '/activities', render: () => <ActivitiesPage /> },
  { path: '/activities/:id', render: (p) => <ActivityPage id={p.id!} /> },
];
