import { useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, MantineProvider, TextInput } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { navigate as hashNavigate, useHashLocation } from 'wouter/use-hash-location';
import { createI18n } from '../i18n';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';

/** A form with the guard, as a feature would write it: dirty once typed into, saved by a button. */
function EditForm() {
  const [name, setName] = useState('Acme');
  const [saved, setSaved] = useState('Acme');
  const [, navigate] = useLocation();
  const guard = useUnsavedChangesGuard(name !== saved);
  return (
    <form aria-label="Editar conta">
      <TextInput label="Razão social" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <Button
        onClick={() => {
          setSaved(name);
          guard.allowNavigation();
          navigate('/accounts/1');
        }}
      >
        Salvar e sair
      </Button>
      <Button onClick={() => guard.confirmLeave() && navigate('/accounts/1')}>Cancelar</Button>
    </form>
  );
}

/**
 * A form that reports dirtiness through a callback (as AccountForm/ContactForm do) and, like the
 * editors, saves asynchronously and then navigates. `stay` keeps it mounted (and dirty, as a form
 * whose screen has not changed yet) after saving; `reset` keeps it mounted with what was saved as
 * its new baseline.
 */
function CallbackForm({ after = 'navigate' }: { after?: 'navigate' | 'stay' | 'reset' }) {
  const [name, setName] = useState('Acme');
  const [saved, setSaved] = useState('Acme');
  const [, navigate] = useLocation();
  const guard = useUnsavedChangesGuard();
  const dirty = name !== saved;
  useEffect(() => guard.setDirty(dirty), [dirty, guard]);
  return (
    <form aria-label="Editar contato">
      <TextInput label="Nome" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <Button
        onClick={async () => {
          await new Promise((r) => setTimeout(r, 5));
          guard.allowNavigation();
          if (after === 'reset') setSaved(name);
          if (after === 'navigate') navigate('/accounts/1');
        }}
      >
        Salvar
      </Button>
    </form>
  );
}

function renderApp(form: () => React.ReactNode = () => <EditForm />) {
  return render(
    <I18nextProvider i18n={createI18n('pt-BR')}>
      <MantineProvider>
        <Router hook={useHashLocation}>
          <nav>
            <Link href="/contacts">Contatos</Link>
          </nav>
          <Switch>
            <Route path="/accounts/1/edit">{form()}</Route>
            <Route path="/accounts/1">
              <h1>Detalhe da conta</h1>
            </Route>
            <Route path="/contacts">
              <h1>Lista de contatos</h1>
            </Route>
          </Switch>
        </Router>
      </MantineProvider>
    </I18nextProvider>,
  );
}

const UNSAVED = 'Há alterações não salvas. Sair mesmo assim?';
let confirmAnswer = false;
let confirm: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  window.history.replaceState(null, '', '#/accounts/1/edit');
  confirmAnswer = false;
  confirm = vi.spyOn(window, 'confirm').mockImplementation(() => confirmAnswer);
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function typeChange(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Razão social'), ' Ltda');
}

/** A native hash change, as the Back button or a typed address makes. */
function nativeHashChange(hash: string) {
  const oldURL = window.location.href;
  window.history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
}

describe('useUnsavedChangesGuard', () => {
  it('lets a clean form be left without asking', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('link', { name: 'Contatos' }));
    expect(screen.getByRole('heading', { name: 'Lista de contatos' })).toBeInTheDocument();
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks before a link leaves a dirty form; "no" keeps the form, its text and the address', async () => {
    const user = userEvent.setup();
    renderApp();
    await typeChange(user);
    await user.click(screen.getByRole('link', { name: 'Contatos' }));
    expect(confirm).toHaveBeenCalledWith(UNSAVED);
    expect(screen.getByLabelText('Razão social')).toHaveValue('Acme Ltda');
    expect(screen.queryByRole('heading', { name: 'Lista de contatos' })).not.toBeInTheDocument();
    expect(window.location.hash).toBe('#/accounts/1/edit');
  });

  it('"yes" leaves', async () => {
    const user = userEvent.setup();
    renderApp();
    await typeChange(user);
    confirmAnswer = true;
    await user.click(screen.getByRole('link', { name: 'Contatos' }));
    expect(screen.getByRole('heading', { name: 'Lista de contatos' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/contacts');
  });

  it('guards navigation that does not come from a link: the router, Back, a typed address', async () => {
    const user = userEvent.setup();
    renderApp();
    await typeChange(user);
    act(() => hashNavigate('/contacts'));
    act(() => nativeHashChange('#/accounts/1'));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(screen.getByLabelText('Razão social')).toHaveValue('Acme Ltda');
    expect(window.location.hash).toBe('#/accounts/1/edit');
  });

  it('asks the browser to confirm closing or reloading only while dirty', async () => {
    const user = userEvent.setup();
    renderApp();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await typeChange(user);
    expect(unload()).toBe(true);
    await user.clear(screen.getByLabelText('Razão social'));
    await user.type(screen.getByLabelText('Razão social'), 'Acme');
    expect(unload()).toBe(false);
  });

  it('lets a save navigate away without asking', async () => {
    const user = userEvent.setup();
    renderApp();
    await typeChange(user);
    await user.click(screen.getByRole('button', { name: 'Salvar e sair' }));
    expect(confirm).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'Detalhe da conta' })).toBeInTheDocument();
  });

  it('asks again on the next navigation when the form is still there after one was allowed', async () => {
    const user = userEvent.setup();
    renderApp();
    await typeChange(user);
    confirmAnswer = true;
    act(() => nativeHashChange('#/accounts/1/edit'));
    await new Promise((r) => setTimeout(r, 10));
    confirmAnswer = false;
    await user.click(screen.getByRole('link', { name: 'Contatos' }));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(screen.getByLabelText('Razão social')).toHaveValue('Acme Ltda');
  });

  it("confirmLeave asks for the form's own Cancel", async () => {
    const user = userEvent.setup();
    renderApp();
    await typeChange(user);
    await user.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Razão social')).toHaveValue('Acme Ltda');
    confirmAnswer = true;
    await user.click(screen.getByRole('button', { name: 'Cancelar' }));
    // Cancel asked once; the navigation it then made is not asked about again.
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('heading', { name: 'Detalhe da conta' })).toBeInTheDocument();
  });

  it('a form that reports dirtiness by callback is guarded the same way, and released by its save', async () => {
    const user = userEvent.setup();
    renderApp(() => <CallbackForm />);
    await user.type(screen.getByLabelText('Nome'), ' Ltda');
    await user.click(screen.getByRole('link', { name: 'Contatos' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Nome')).toHaveValue('Acme Ltda');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(await screen.findByRole('heading', { name: 'Detalhe da conta' })).toBeInTheDocument();
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('after a save, setting location.hash passes even while the form is still mounted and dirty', async () => {
    const user = userEvent.setup();
    renderApp(() => <CallbackForm after="stay" />);
    await user.type(screen.getByLabelText('Nome'), ' Ltda');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    await new Promise((r) => setTimeout(r, 20));
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(false);
    act(() => nativeHashChange('#/contacts'));
    expect(confirm).not.toHaveBeenCalled();
    expect(await screen.findByRole('heading', { name: 'Lista de contatos' })).toBeInTheDocument();
  });

  it('a form kept open after saving, with the saved values as its baseline, guards its next change', async () => {
    const user = userEvent.setup();
    renderApp(() => <CallbackForm after="reset" />);
    await user.type(screen.getByLabelText('Nome'), ' Ltda');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    await new Promise((r) => setTimeout(r, 20));
    await user.clear(screen.getByLabelText('Nome'));
    await user.type(screen.getByLabelText('Nome'), 'Outra');
    await user.click(screen.getByRole('link', { name: 'Contatos' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Nome')).toHaveValue('Outra');
  });

  it('stops guarding once the form is gone', async () => {
    const user = userEvent.setup();
    const { unmount } = renderApp();
    await typeChange(user);
    unmount();
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(false);
    nativeHashChange('#/contacts');
    expect(confirm).not.toHaveBeenCalled();
  });
});
