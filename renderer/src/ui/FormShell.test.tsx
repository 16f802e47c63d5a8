import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, MantineProvider, TextInput } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { z } from 'zod';
import { createI18n } from '../i18n';
import { FormShell } from './FormShell';
import { useFormShell } from './form-shell';

const schema = z.object({
  name: z.string().trim().min(1, 'required'),
  email: z.string().trim().email('invalid_email').or(z.literal('')),
  city: z.string(),
});
type Values = z.infer<typeof schema>;

/** An editor as a feature writes one on the shell. */
function Editor({ onSave, initial = { name: 'Acme', email: '', city: '' } }: { onSave(values: Values): void; initial?: Values }) {
  const { form } = useFormShell<Values>({ defaultValues: initial, schema });
  const { register, formState } = form;
  const message = (m?: string) => (m ? (m === 'required' ? 'Obrigatório' : 'E-mail inválido') : undefined);
  return (
    <FormShell form={form} onSubmit={onSave} aria-label="Conta">
      <TextInput label="Razão social" withAsterisk {...register('name')} error={message(formState.errors.name?.message)} />
      <TextInput label="Cidade" {...register('city')} />
      <TextInput label="E-mail" {...register('email')} error={message(formState.errors.email?.message)} />
      <Button type="submit">Salvar</Button>
    </FormShell>
  );
}

function renderEditor(ui: React.ReactNode, locale: 'pt-BR' | 'en' = 'pt-BR') {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <MantineProvider>{ui}</MantineProvider>
    </I18nextProvider>,
  );
}

/** Whether the browser would ask before closing or reloading. */
function unloadPrompts(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

afterEach(() => vi.restoreAllMocks());

describe('FormShell', () => {
  it('lists the fields to fix in pt-BR after a failed save, in screen order, each link focusing its field', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    renderEditor(<Editor onSave={onSave} />);
    expect(screen.queryByRole('alert')).toBeNull();

    await user.clear(screen.getByLabelText(/Razão social/));
    await user.type(screen.getByLabelText('E-mail'), 'nao-e-email');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Corrija os campos destacados. Nada do que você digitou foi perdido.');
    const list = within(summary).getByRole('list', { name: 'Campos a corrigir' });
    // The required mark is not part of the field's name; Cidade has no error and is not listed.
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Razão social', 'E-mail']);
    expect(within(list).getByRole('button', { name: 'E-mail' })).toHaveAccessibleDescription('E-mail inválido');
    expect(onSave).not.toHaveBeenCalled();

    await user.click(within(list).getByRole('button', { name: 'E-mail' }));
    expect(screen.getByLabelText('E-mail')).toHaveFocus();
    await user.click(within(list).getByRole('button', { name: 'Razão social' }));
    expect(screen.getByLabelText(/Razão social/)).toHaveFocus();

    // Fixed as typed: the fields leave the list, and the summary goes with the last one.
    await user.type(screen.getByLabelText(/Razão social/), 'Acme');
    expect(
      within(screen.getByRole('alert'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['E-mail']);
    await user.clear(screen.getByLabelText('E-mail'));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('speaks the summary in the user’s language', async () => {
    const user = userEvent.setup();
    renderEditor(<Editor onSave={vi.fn()} initial={{ name: '', email: '', city: '' }} />, 'en');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Fix the highlighted fields. Nothing you typed was lost.');
    expect(within(summary).getByRole('list', { name: 'Fields to fix' })).toBeInTheDocument();
  });

  it('saves with Ctrl+S or Cmd+S from a field, with the values as typed', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    renderEditor(<Editor onSave={onSave} />);
    await user.type(screen.getByLabelText('Cidade'), 'Recife');
    const ctrl = fireEvent.keyDown(screen.getByLabelText('Cidade'), { key: 's', code: 'KeyS', ctrlKey: true });
    // The browser's "save page" does not open.
    expect(ctrl).toBe(false);
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toEqual({ name: 'Acme', email: '', city: 'Recife' });

    fireEvent.keyDown(screen.getByLabelText(/Razão social/), { key: 'S', code: 'KeyS', metaKey: true });
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    // A plain S is typing, not saving.
    fireEvent.keyDown(screen.getByLabelText('Cidade'), { key: 's', code: 'KeyS' });
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('Ctrl+S with errors saves nothing and shows the summary', async () => {
    const onSave = vi.fn();
    renderEditor(<Editor onSave={onSave} initial={{ name: '', email: '', city: '' }} />);
    fireEvent.keyDown(screen.getByLabelText('Cidade'), { key: 's', ctrlKey: true });
    expect(await screen.findByRole('alert')).toHaveTextContent('Razão social');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('Ctrl+S outside every form saves the form on screen; inside another form, only that one', async () => {
    const first = vi.fn();
    const second = vi.fn();
    renderEditor(
      <>
        <Editor onSave={first} />
        <form aria-label="Outro">
          <input aria-label="Busca" />
        </form>
        <Editor onSave={second} />
      </>,
    );
    fireEvent.keyDown(document.body, { key: 's', ctrlKey: true });
    await waitFor(() => expect(second).toHaveBeenCalledTimes(1));
    expect(first).not.toHaveBeenCalled();

    fireEvent.keyDown(screen.getAllByLabelText('Cidade')[0]!, { key: 's', ctrlKey: true });
    await waitFor(() => expect(first).toHaveBeenCalledTimes(1));
    expect(second).toHaveBeenCalledTimes(1);

    fireEvent.keyDown(screen.getByLabelText('Busca'), { key: 's', ctrlKey: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("a panel's form (saveShortcut: 'inside') saves with Ctrl+S only from inside it", async () => {
    const onSave = vi.fn();
    function Panel() {
      const { form } = useFormShell<Values>({ defaultValues: { name: 'Acme', email: '', city: '' }, schema, guard: false });
      return (
        <FormShell form={form} onSubmit={onSave} saveShortcut="inside">
          <TextInput label="Cidade" {...form.register('city')} />
        </FormShell>
      );
    }
    renderEditor(<Panel />);
    fireEvent.keyDown(document.body, { key: 's', ctrlKey: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.keyDown(screen.getByLabelText('Cidade'), { key: 's', ctrlKey: true });
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  });

  it('guards unsaved changes: closing the window asks once typed, not before, not after going back to the stored values', async () => {
    const user = userEvent.setup();
    renderEditor(<Editor onSave={vi.fn()} />);
    expect(unloadPrompts()).toBe(false);
    await user.type(screen.getByLabelText('Cidade'), 'R');
    expect(unloadPrompts()).toBe(true);
    await user.clear(screen.getByLabelText('Cidade'));
    expect(unloadPrompts()).toBe(false);
  });

  it('asks before an in-app navigation while dirty, with the translated question', async () => {
    const user = userEvent.setup();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    renderEditor(<Editor onSave={vi.fn()} />);
    await user.type(screen.getByLabelText('Cidade'), 'Recife');
    const oldURL = window.location.href;
    window.history.pushState(null, '', '#/contacts');
    const heard = vi.fn();
    window.addEventListener('hashchange', heard);
    window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
    window.removeEventListener('hashchange', heard);
    expect(confirm).toHaveBeenCalledWith('Há alterações não salvas. Sair mesmo assim?');
    expect(heard).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Cidade')).toHaveValue('Recife');
  });

  it('a form whose typing is kept another way (guard: false) never asks', async () => {
    function Unguarded() {
      const { form } = useFormShell<Values>({ defaultValues: { name: 'Acme', email: '', city: '' }, schema, guard: false });
      return (
        <FormShell form={form} onSubmit={vi.fn()}>
          <TextInput label="Cidade" {...form.register('city')} />
        </FormShell>
      );
    }
    const user = userEvent.setup();
    renderEditor(<Unguarded />);
    await user.type(screen.getByLabelText('Cidade'), 'Recife');
    expect(unloadPrompts()).toBe(false);
  });
});
