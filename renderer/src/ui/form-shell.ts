import { useEffect } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { useDraftBinding } from '../app/drafts/useFormDraft';
import { useUnsavedChangesGuard, type UnsavedChangesGuard } from '../app/useUnsavedChangesGuard';

export interface FormShellOptions<V extends FieldValues> {
  /** What the form opens with: the baseline of "dirty". */
  defaultValues: V;
  /** The zod schema the values are checked against on submit (its messages are i18n keys). */
  schema?: z.ZodType<unknown, V>;
  /** A hand-written resolver instead of a schema (rare; prefer `schema`). */
  resolver?: Resolver<V>;
  /**
   * After the first submit, when a field is checked again: as it is changed (the default), or only
   * at the next submit (the field's error then stays until the form calls `clearErrors`).
   */
  reValidateMode?: 'onChange' | 'onSubmit';
  /**
   * The unsaved-changes guard: left out, the form has its own, fed with its dirtiness; a guard
   * held by the page (which also calls `confirmLeave`/`allowNavigation`) is told instead; `false`
   * for a form whose unsaved typing is kept some other way (a draft, a panel that stays mounted).
   */
  guard?: UnsavedChangesGuard | false;
  /** Told whenever the form gains or loses unsaved changes. */
  onDirtyChange?(dirty: boolean): void;
  /** Values restored from the drafts journal, shown over `defaultValues` on mount. */
  restored?: V | null;
  /** Told of every change as it happens (the drafts journal's `record`). */
  onValuesChange?(values: V): void;
}

export interface FormShellState<V extends FieldValues> {
  form: UseFormReturn<V>;
  /** The guard the form reports to (its own unless one was passed). */
  guard: UnsavedChangesGuard;
}

/**
 * A react-hook-form form as every Carteira editor wants it: zod-validated on submit and then as
 * you fix, nothing typed ever cleared, the unsaved-changes guard told of its dirtiness, the drafts
 * journal bound. Render it with `<FormShell form={…}>` for Ctrl/Cmd+S and the error summary.
 */
export function useFormShell<V extends FieldValues>(options: FormShellOptions<V>): FormShellState<V> {
  const { defaultValues, schema, resolver, reValidateMode = 'onChange', guard: given, onDirtyChange, restored, onValuesChange } = options;
  const form = useForm<V>({
    defaultValues: defaultValues as DefaultValues<V>,
    resolver: resolver ?? (schema ? (zodResolver(schema) as Resolver<V>) : undefined),
    mode: 'onSubmit',
    reValidateMode,
  });
  useDraftBinding(form, restored, onValuesChange);
  const { isDirty } = form.formState;
  // The own guard hears of dirtiness only when no other guard (nor `false`) was given.
  const own = useUnsavedChangesGuard(given === undefined ? isDirty : undefined);
  const guard = given || own;
  useEffect(() => {
    if (given) given.setDirty(isDirty);
  }, [given, isDirty]);
  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange]);
  return { form, guard };
}

/** One field with an error: its path (`phones.0.number`) and the error. */
export interface FieldProblem {
  name: string;
  message: string | undefined;
  type: string;
}

/** The errors react-hook-form holds, flattened to one entry per field path (arrays and nested objects included). */
export function fieldProblems(errors: FieldErrors, prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object' || key === 'ref') continue;
    const name = prefix ? `${prefix}.${key}` : key;
    const v = value as Record<string, unknown>;
    if (typeof v.type === 'string' && (typeof v.message === 'string' || v.message === undefined) && !hasNestedErrors(v)) {
      out.push({ name, message: v.message as string | undefined, type: v.type });
    } else {
      out.push(...fieldProblems(v as FieldErrors, name));
    }
  }
  return out;
}

/** An array field's own error (`root`) sits beside its items' errors. */
function hasNestedErrors(v: Record<string, unknown>): boolean {
  return Object.entries(v).some(([k, x]) => k !== 'ref' && k !== 'types' && x !== null && typeof x === 'object' && 'type' in x);
}
