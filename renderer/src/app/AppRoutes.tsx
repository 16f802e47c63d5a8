import { Redirect, Route, Switch } from 'wouter';
import { AccountDetailPage } from '../features/accounts/AccountDetailPage';
import { AccountEditPage } from '../features/accounts/AccountEditPage';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { ConflictsPage } from '../features/conflicts/ConflictsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AREAS } from './areas';
import { AreaPlaceholder } from './AreaPlaceholder';

/** Hash routes (#/accounts/…): they work the same under app:// in Electron and http:// in web mode. */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/accounts" component={AccountsPage} />
      <Route path="/accounts/new">{() => <AccountEditPage />}</Route>
      <Route path="/accounts/:id/edit">{(p) => <AccountEditPage id={p.id} />}</Route>
      <Route path="/accounts/:id">{(p) => <AccountDetailPage id={p.id} />}</Route>
      <Route path="/settings" component={SettingsPage} />
      <Route path="/conflicts" component={ConflictsPage} />
      {AREAS.filter((a) => a.id !== 'accounts' && a.id !== 'settings' && a.id !== 'conflicts').map((area) => (
        <Route key={area.id} path={area.path}>{() => <AreaPlaceholder area={area} />}</Route>
      ))}
      <Route><Redirect to="/accounts" /></Route>
    </Switch>
  );
}
