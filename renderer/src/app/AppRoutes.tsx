import { Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { accountRoutes } from '../features/accounts/routes';
import { activitiesRoutes } from '../features/activities/routes';
import { catalogueRoutes } from '../features/catalogue/routes';
import { contactsRoutes } from '../features/contacts/routes';
import { duplicatesRoutes } from '../features/duplicates/routes';
import { pipelineRoutes } from '../features/pipeline/routes';
import { dealRoutes } from '../features/deal/routes';
import { ordersRoutes } from '../features/orders/routes';
import { casesRoutes } from '../features/cases/routes';
import { contractsRoutes } from '../features/contracts/routes';
import { eventsRoutes } from '../features/events/routes';
import { competitorsRoutes } from '../features/competitors/routes';
import { AREAS } from './areas';
import { AreaPlaceholder } from './AreaPlaceholder';
import type { FeatureRoute } from './feature-route';
import { lazyScreen, preloadScreenAt } from './lazy-screen';
import { LoadingState } from '../ui/states';
import { paths } from './paths';

// Screens load on first visit: the first screen does not wait for every area's code.
const ConflictsPage = lazyScreen(() => import('../features/conflicts/ConflictsPage'), 'ConflictsPage');
const SettingsPage = lazyScreen(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const SyncProblemsPage = lazyScreen(() => import('../features/sync-problems/SyncProblemsPage'), 'SyncProblemsPage');

/** Every feature's screens; each feature owns its routes.tsx. */
const FEATURE_ROUTES: FeatureRoute[] = [
  ...accountRoutes,
  ...duplicatesRoutes,
  ...contactsRoutes,
  ...catalogueRoutes,
  ...activitiesRoutes,
  ...pipelineRoutes,
  ...dealRoutes,
  ...ordersRoutes,
  ...casesRoutes,
  ...contractsRoutes,
  ...eventsRoutes,
  ...competitorsRoutes,
  { path: '/settings', render: () => <SettingsPage /> },
  { path: '/conflicts', render: () => <ConflictsPage /> },
  { path: '/sync/problems', render: () => <SyncProblemsPage /> },
];

/** Hash routes (#/accounts/…): they work the same under app:// in Electron and http:// in web mode. */
export function AppRoutes() {
  const served = new Set(FEATURE_ROUTES.map((r) => r.path));
  return (
    <Suspense fallback={<LoadingState />}>
      <Switch>
        {FEATURE_ROUTES.map((r) => (
          <Route key={r.path} path={r.path}>
            {(params: Record<string, string | undefined>) => r.render(params)}
          </Route>
        ))}
        {AREAS.filter((a) => !served.has(a.path)).map((area) => (
          <Route key={area.id} path={area.path}>
            {() => <AreaPlaceholder area={area} />}
          </Route>
        ))}
        <Route>
          <Redirect to={paths.accounts()} />
        </Route>
      </Switch>
    </Suspense>
  );
}

/** At boot: fetch the first screen's code while the database opens (`#/today` → My day). */
export function preloadFirstScreen(hash: string): void {
  const path = hash.replace(/^#/, '');
  preloadScreenAt(FEATURE_ROUTES, path && path !== '/' ? path : paths.accounts());
}
