import { Redirect, Route, Switch } from 'wouter';
import { accountRoutes } from '../features/accounts/routes';
import { activitiesRoutes } from '../features/activities/routes';
import { catalogueRoutes } from '../features/catalogue/routes';
import { ConflictsPage } from '../features/conflicts/ConflictsPage';
import { contactsRoutes } from '../features/contacts/routes';
import { duplicatesRoutes } from '../features/duplicates/routes';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncProblemsPage } from '../features/sync-problems/SyncProblemsPage';
import { AREAS } from './areas';
import { AreaPlaceholder } from './AreaPlaceholder';
import type { FeatureRoute } from './feature-route';

/** Every feature's screens; each feature owns its routes.tsx. */
const FEATURE_ROUTES: FeatureRoute[] = [
  ...accountRoutes,
  ...duplicatesRoutes,
  ...contactsRoutes,
  ...catalogueRoutes,
  ...activitiesRoutes,
  { path: '/settings', render: () => <SettingsPage /> },
  { path: '/conflicts', render: () => <ConflictsPage /> },
  { path: '/sync/problems', render: () => <SyncProblemsPage /> },
];

/** Hash routes (#/accounts/…): they work the same under app:// in Electron and http:// in web mode. */
export function AppRoutes() {
  const served = new Set(FEATURE_ROUTES.map((r) => r.path));
  return (
    <Switch>
      {FEATURE_ROUTES.map((r) => (
        <Route key={r.path} path={r.path}>{(params: Record<string, string | undefined>) => r.render(params)}</Route>
      ))}
      {AREAS.filter((a) => !served.has(a.path)).map((area) => (
        <Route key={area.id} path={area.path}>{() => <AreaPlaceholder area={area} />}</Route>
      ))}
      <Route><Redirect to="/accounts" /></Route>
    </Switch>
  );
}
