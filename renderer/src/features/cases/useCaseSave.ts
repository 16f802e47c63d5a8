import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case, CaseStatus } from '@shared/models';
import { becameResolvedWell, caseTransition, rateCase, type CaseError, type CaseResult, type TransitionInput } from '@shared/domain/cases';
import { defaultDueAt } from '@shared/domain/activity-fields';
import { referralAskTask } from '@shared/domain/referrals';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import type { Patch } from '../../db/repository';

export type CasePatch = Patch<'cases'> | ((current: Case) => Patch<'cases'>);
export type StepOutcome = { ok: true } | { ok: false; error: CaseError | 'save_failed' };

/**
 * Writes one case through its repository. Status changes and ratings go through the pure rules
 * (shared/domain/cases.ts), applied to the case as stored at write time; when a change makes the
 * case "resolved well", the referral ask task is created on the account (shared/domain/referrals.ts).
 */
export function useCaseSave(id: string) {
  const { t } = useTranslation();
  const { author } = useDatabaseContext();
  const cases = useRepository('cases');
  const activities = useRepository('activities');
  const [error, setError] = useState<string | null>(null);

  const save = useCallback(
    async (patch: CasePatch): Promise<boolean> => {
      try {
        await cases.update(id, patch);
        setError(null);
        return true;
      } catch (e) {
        console.error('case save failed', e);
        setError(t('cases.saveFailed'));
        return false;
      }
    },
    [cases, id, t],
  );

  const askForReferral = useCallback(
    async (c: Case) => {
      const now = Date.now();
      const { id: taskId, fields } = referralAskTask({
        accountId: c.accountId,
        reason: 'case',
        sourceId: c.id,
        dueAt: defaultDueAt(now),
        contactId: c.contactId,
        summary: t('cases.referral.askSummary'),
        body: t('cases.referral.askBody', { subject: c.subject }),
        ownerId: c.ownerId || author(),
        now,
      });
      // Asked once per case: reopening and resolving again, or another laptop, finds the same task.
      if (await activities.get(taskId)) return;
      await activities.create(fields, { id: taskId });
    },
    [activities, author, t],
  );

  /** Applies a rule to the stored case; on success, asks for a referral if the case just became resolved well. */
  const step = useCallback(
    async (rule: (current: Case) => CaseResult, checked: CaseResult): Promise<StepOutcome> => {
      if (!checked.ok) return checked;
      if (!checked.patch) return { ok: true };
      let before: Case | null = null;
      let refused: CaseError | null = null;
      try {
        const after = await cases.update(id, (current) => {
          before = current;
          const r = rule(current);
          if (!r.ok) refused = r.error;
          return r.ok && r.patch ? r.patch : {};
        });
        if (refused) return { ok: false, error: refused };
        setError(null);
        if (before && after.accountId && becameResolvedWell(before, after)) await askForReferral(after);
        return { ok: true };
      } catch (e) {
        console.error('case save failed', e);
        setError(t('cases.saveFailed'));
        return { ok: false, error: 'save_failed' };
      }
    },
    [cases, id, askForReferral, t],
  );

  const transition = useCallback(
    (shown: Case, to: CaseStatus, input: TransitionInput) => {
      const now = Date.now();
      return step((current) => caseTransition(current, to, input, now), caseTransition(shown, to, input, now));
    },
    [step],
  );

  const rate = useCallback((shown: Case, satisfaction: number) => step((current) => rateCase(current, satisfaction), rateCase(shown, satisfaction)), [step]);

  return { save, transition, rate, error };
}
