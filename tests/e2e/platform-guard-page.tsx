/**
 * A page for platform.e2e.test.ts: a form guarded by useUnsavedChangesGuard inside the app's hash
 * router, in the order App.tsx sets them up, so real Chromium event order is what gets tested.
 */
import { installNavigationGuard, useUnsavedChangesGuard } from '../../renderer/src/app/useUnsavedChangesGuard';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { Link, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { createI18n } from '../../renderer/src/i18n';

installNavigationGuard();

function EditForm() {
  const [name, setName] = useState('Acme');
  useUnsavedChangesGuard(name !== 'Acme');
  return (
    <form aria-label="Editar conta">
      <label>
        Razão social <input value={name} onChange={(e) => setName(e.currentTarget.value)} />
      </label>
    </form>
  );
}

createRoot(document.getElementById('root')!).render(
  <I18nextProvider i18n={createI18n('pt-BR')}>
    <Router hook={useHashLocation}>
      <nav>
        <Link href="/contacts">Contatos (router)</Link> <a href="#/contacts">Contatos (link simples)</a> <Link href="/edit">Editar</Link>
      </nav>
      <Switch>
        <Route path="/edit" component={EditForm} />
        <Route path="/contacts">
          <h1>Lista de contatos</h1>
        </Route>
        <Route>
          <h1>Início</h1>
        </Route>
      </Switch>
    </Router>
  </I18nextProvider>,
);
