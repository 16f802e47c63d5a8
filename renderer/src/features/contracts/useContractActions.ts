import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '@shared/models';
import { newId } from '@shared/domain/ids';
import { localIsoDay } from '@shared/domain/local-day';
import { transitionContract, type ContractIssue, type ContractStatus } from '@shared/domain/sales/contracts';
import { contractRevision, contractTermsFromForm, parseTypedAmount, type ContractForm } from '@shared/domain/sales/contract-form';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import type { Patch } from '../../db/repository';
import { useFormats } from '../../ui/useFormats';
import { ensureReferralTask, syncContractReminderTasks, type ContractTaskTexts } from './contract-tasks-sync';

export type SaveTermsResult = { ok: true; version: number | null } | { ok: false };
export type TransitionResult = { ok: true } | { ok: false; issues: ContractIssue[] };

/** The words of a contract's tasks in the user's language. */
export function useContractTaskTexts(): ContractTaskTexts {
  const { t } = useTranslation();
  const f = useFormats();
  return useMemo(
    () => ({
      reminder: (c, plan) => {
        const date = f.isoDay(plan.eventDay);
        return plan.kind === 'expiry'
          ? { summary: t('contracts.tasks.expiry', { number: c.number, date }), body: t('contracts.tasks.expiryBody', { title: c.title, date }) }
          : { summary: t('contracts.tasks.renewal', { number: c.number, date }), body: t('contracts.tasks.renewalBody', { title: c.title, date }) };
      },
      referral: (c, clauseText) => ({
        summary: t('contracts.tasks.referral'),
        body: [t('contracts.tasks.referralBody', { number: c.number }), clauseText ? t('contracts.tasks.referralTerms', { text: clauseText }) : '']
          .filter(Boolean)
          .join('\n'),
      }),
    }),
    [t, f],
  );
}

/**
 * A contract's writes: its terms (each change a new version), its status (with the lifecycle's
 * checks on what is typed), its account; after each, its tasks follow (expiry and renewal
 * reminders; the referral task once signed). A failed write leaves a translated message.
 */
export function useContractActions(contract: Contract) {
  const { t, i18n } = useTranslation();
  const { author } = useDatabaseContext();
  const contracts = useRepository('contracts');
  const activities = useRepository('activities');
  const texts = useContractTaskTexts();
  const [error, setError] = useState<string | null>(null);
  const id = contract.id;

  const write = useCallback(
    async (patch: (current: Contract) => Patch<'contracts'>): Promise<Contract | null> => {
      try {
        const saved = await contracts.update(id, patch);
        setError(null);
        return saved;
      } catch (e) {
        console.error('contract save failed', e);
        setError(t('contracts.saveFailed'));
        return null;
      }
    },
    [contracts, id, t],
  );

  const followTasks = useCallback(
    async (saved: Contract, signedNow: boolean) => {
      try {
        await syncContractReminderTasks(activities, saved, localIsoDay(), texts, author());
        if (signedNow) await ensureReferralTask(activities, saved, localIsoDay(new Date(saved.signedAt || Date.now())), texts, author());
      } catch (e) {
        console.error('contract tasks failed', e);
        setError(t('contracts.saveFailed'));
      }
    },
    [activities, texts, author, t],
  );

  /** Saves the form's terms as a new version; nothing when a field is wrong (the form shows why). */
  const saveTerms = useCallback(
    async (form: ContractForm): Promise<SaveTermsResult> => {
      const parsed = contractTermsFromForm(form, i18n.language);
      if (!parsed.ok) return { ok: false };
      let version: number | null = null;
      const saved = await write((current) => {
        const revision = contractRevision(current, parsed.terms, author(), Date.now());
        version = revision?.version ?? null;
        return revision?.patch ?? {};
      });
      if (!saved) return { ok: false };
      if (version !== null) await followTasks(saved, false);
      return { ok: true, version };
    },
    [i18n.language, write, author, followTasks],
  );

  /** Moves the contract to `to`, checking the terms as typed; valid typed changes are saved with it (as a version). */
  const transition = useCallback(
    async (to: ContractStatus, form: ContractForm, reason?: string): Promise<TransitionResult> => {
      const parsed = contractTermsFromForm(form, i18n.language);
      const typed = parsed.ok
        ? parsed.terms
        : {
            startDate: form.startDate,
            endDate: form.endDate,
            renewalDate: form.renewalDate,
            value: { amount: parseTypedAmount(form.value, i18n.language) ?? contract.value.amount, currency: form.currency },
          };
      const context = { today: localIsoDay(), now: Date.now(), reason };
      const check = transitionContract({ ...contract, ...typed }, to, context);
      if (!check.ok) return check;
      if (!parsed.ok) return { ok: false, issues: [] };
      const saved = await write((current) => {
        const result = transitionContract({ ...current, ...parsed.terms }, to, context);
        if (!result.ok) return {};
        const revision = contractRevision(current, parsed.terms, author(), context.now);
        const notes =
          to === 'terminated' && reason?.trim()
            ? [...current.notes, { id: newId(), at: context.now, by: author(), text: t('contracts.terminate.note', { reason: reason.trim() }) }]
            : current.notes;
        return { ...(revision?.patch ?? {}), ...result.changes, notes };
      });
      if (!saved) return { ok: false, issues: [] };
      // Refused at write time (another window moved it first): what is stored now is what counts.
      if (saved.status !== to) return { ok: false, issues: ['transition_not_allowed'] };
      await followTasks(saved, to === 'signed');
      return { ok: true };
    },
    [contract, i18n.language, write, author, t, followTasks],
  );

  /** Sets the account (its tasks move with it). */
  const setAccount = useCallback(
    async (accountId: string) => {
      const saved = await write(() => ({ accountId }));
      if (saved) await followTasks(saved, false);
    },
    [write, followTasks],
  );

  // A signed or active contract's reminders are brought in line when its page opens (contracts from
  // before the reminders existed, another laptop's edits, a day that has passed).
  const running = contract.status === 'signed' || contract.status === 'active';
  const { status, endDate, renewalDate, accountId } = contract;
  const latest = useRef(contract);
  latest.current = contract;
  useEffect(() => {
    if (running) void followTasks(latest.current, false);
  }, [running, status, endDate, renewalDate, accountId, followTasks]);

  return { saveTerms, transition, setAccount, error };
}
