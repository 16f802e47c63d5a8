import { createContext, useContext, useEffect, useRef, type FormHTMLAttributes, type ReactNode, type RefObject } from 'react';
import { Alert, Anchor, List, Text } from '@mantine/core';
import type { FieldValues, SubmitErrorHandler, SubmitHandler, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldProblems, type FieldProblem } from './form-shell';

interface ShellContext {
  form: UseFormReturn<FieldValues>;
  formRef: RefObject<HTMLFormElement | null>;
  fieldLabels?: Record<string, string>;
}
const FormShellContext = createContext<ShellContext | null>(null);

/** The shells on screen, newest last: a Ctrl/Cmd+S pressed outside every form saves the newest. */
const mounted: HTMLFormElement[] = [];

export interface FormShellProps<V extends FieldValues> extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'onInvalid' | 'children'> {
  form: UseFormReturn<V>;
  /** Called with valid values (by the submit button, Enter in a field, or Ctrl/Cmd+S). */
  onSubmit: SubmitHandler<V>;
  onInvalid?: SubmitErrorHandler<V>;
  /** Field path → its label in the error summary; fields left out are named by their label on screen. */
  fieldLabels?: Partial<Record<string, string>>;
  /**
   * Where the error summary goes: at the top of the form (the default), or wherever the form puts
   * `<FormErrorSummary />` (`'manual'`).
   */
  summary?: 'top' | 'manual';
  /**
   * Ctrl/Cmd+S submits: from anywhere on the screen when this is its newest form (`true`, the
   * default, for an editor page), only with focus inside the form (`'inside'`, for a panel on a page
   * that is not about it), or never (`false`).
   */
  saveShortcut?: boolean | 'inside';
  children: ReactNode;
}

/**
 * A form on `useFormShell`: `noValidate` (the schema checks, in the user's language), Ctrl/Cmd+S
 * saves wherever focus is in the form (or outside every form, for the newest form on screen), and
 * after a submit with errors a summary lists the fields to fix, each a link that focuses its field.
 */
export function FormShell<V extends FieldValues>({
  form,
  onSubmit,
  onInvalid,
  fieldLabels,
  summary = 'top',
  saveShortcut = true,
  children,
  ...rest
}: FormShellProps<V>) {
  const formRef = useRef<HTMLFormElement>(null);
  const submit = form.handleSubmit(onSubmit, onInvalid);
  const submitRef = useRef(submit);
  submitRef.current = submit;

  useEffect(() => {
    const el = formRef.current;
    if (!el || !saveShortcut) return;
    mounted.push(el);
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 's') return;
      const target = e.target instanceof Element ? e.target : null;
      if (!target || !el.contains(target)) {
        if (saveShortcut === 'inside') return;
        // From outside: not when focus is in another form, and only the newest form, unless it sits under an open dialog.
        if (target?.closest('form') || mounted[mounted.length - 1] !== el) return;
        const dialog = document.querySelector('[aria-modal="true"]');
        if (dialog && !dialog.contains(el)) return;
      }
      e.preventDefault();
      void submitRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      mounted.splice(mounted.indexOf(el), 1);
    };
  }, [saveShortcut]);

  const context: ShellContext = { form: form as unknown as UseFormReturn<FieldValues>, formRef, fieldLabels: fieldLabels as Record<string, string> };
  return (
    <FormShellContext.Provider value={context}>
      <form ref={formRef} noValidate {...rest} onSubmit={(e) => void submit(e)}>
        {summary === 'top' && <FormErrorSummary />}
        {children}
      </form>
    </FormShellContext.Provider>
  );
}

/** The element react-hook-form focuses for a field: the one named by its path, else a labelled element with that id. */
function fieldElement(form: HTMLFormElement | null, name: string): HTMLElement | null {
  if (!form) return null;
  const escaped = name.replace(/["\\]/g, '\\$&');
  return form.querySelector<HTMLElement>(`[name="${escaped}"]`);
}

/** What a screen reader calls the field: its label (without the hidden required mark), else its aria-label. */
function fieldLabel(el: HTMLElement | null): string | undefined {
  if (!el) return undefined;
  const label = (el as HTMLInputElement).labels?.[0];
  if (label) {
    const copy = label.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
    const text = copy.textContent?.trim();
    if (text) return text;
  }
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  const by = el.getAttribute('aria-labelledby');
  return by ? document.getElementById(by)?.textContent?.trim() || undefined : undefined;
}

export interface FormErrorSummaryProps {
  /** The sentence above the list (defaults to `formShell.summaryTitle`). */
  title?: string;
}

/**
 * After a submit with errors: an alert with the form's sentence and the fields to fix, in the
 * order they appear, each a link that moves focus to its field. Nothing before the first submit.
 */
export function FormErrorSummary({ title }: FormErrorSummaryProps) {
  const { t } = useTranslation();
  const shell = useContext(FormShellContext);
  if (!shell) throw new Error('FormErrorSummary is rendered inside a FormShell');
  const { form, formRef, fieldLabels } = shell;
  const { errors, submitCount } = form.formState;
  const problems = fieldProblems(errors);
  if (submitCount === 0 || problems.length === 0) return null;

  const fields = [...(formRef.current?.querySelectorAll('[name]') ?? [])].map((el) => el.getAttribute('name'));
  const order = (p: FieldProblem) => {
    const i = fields.indexOf(p.name);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const entries = problems
    .map((p) => {
      const el = fieldElement(formRef.current, p.name);
      return { ...p, el, label: fieldLabels?.[p.name] ?? fieldLabel(el) ?? p.name };
    })
    .sort((a, b) => order(a) - order(b));
  const focus = (name: string, el: HTMLElement | null) => {
    if (el) {
      el.focus();
      el.scrollIntoView?.({ block: 'center' });
    } else form.setFocus(name);
  };

  return (
    <Alert color="red" role="alert" aria-label={t('formShell.summaryLabel')}>
      <Text size="sm">{title ?? t('formShell.summaryTitle')}</Text>
      <List size="sm" mt={4} aria-label={t('formShell.fieldsToFix')}>
        {entries.map((e) => (
          <List.Item key={e.name}>
            <Anchor
              component="button"
              type="button"
              size="sm"
              c="red.9"
              td="underline"
              // The field's own message (Mantine's `<id>-error`) describes the link.
              aria-describedby={e.el?.id ? `${e.el.id}-error` : undefined}
              aria-controls={e.el?.id || undefined}
              onClick={() => focus(e.name, e.el)}
            >
              {e.label}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
