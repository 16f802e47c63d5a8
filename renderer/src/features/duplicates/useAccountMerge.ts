import { keyUnder } from '../../i18n/app-messages';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/models';
import { planAccountMerge, type MergeChoices, type MergeRecordTexts, type RelatedDocs } from '@shared/domain/record-merge-accounts';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { useAccount, type Live } from '../../db/hooks';
import { loadRelated, runAccountMerge } from './run-merge';
import { formatInstant } from '../../ui/formats';

/** The two accounts of a merge, what points at the one that goes, and the action itself. */
export function useAccountMerge(survivorId: string, duplicateId: string) {
  const { db, author } = useDatabaseContext();
  const { t, i18n } = useTranslation();
  const survivor = useAccount(survivorId);
  const duplicate = useAccount(duplicateId);
  const [related, setRelated] = useState<Live<RelatedDocs>>(undefined);
  useEffect(() => {
    let live = true;
    setRelated(undefined);
    loadRelated(db, duplicateId).then(
      (r) => live && setRelated(r),
      () => live && setRelated({ byAccountId: {}, referrals: [], events: [], campaigns: [] }),
    );
    return () => {
      live = false;
    };
  }, [db, duplicateId]);

  const merge = useCallback(
    async (s: Account, d: Account, choices: MergeChoices) => {
      // Read again right before planning: what points at the duplicate may have changed (sync).
      const fresh = await loadRelated(db, d.id);
      const date = { format: (at: number) => formatInstant(at, i18n.language, { dateStyle: 'short', timeStyle: 'short' }) };
      const texts: MergeRecordTexts = {
        summary: (name) => t('duplicates.record.summary', { name }),
        intro: (p) => t('duplicates.record.intro', p),
        chosenHeading: t('duplicates.record.chosen'),
        discardedHeading: t('duplicates.record.discarded'),
        combinedHeading: t('duplicates.record.combined'),
        movedHeading: t('duplicates.record.moved'),
        snapshotHeading: t('duplicates.record.snapshot'),
        label: (key) => t(keyUnder('duplicates.fields', key.replace('.', '_'))),
      };
      const plan = planAccountMerge({
        survivor: s,
        duplicate: d,
        related: fresh,
        choices,
        now: Date.now(),
        by: author(),
        texts,
        formatTime: (ms) => date.format(ms),
      });
      await runAccountMerge(db, plan, author());
      return plan;
    },
    [db, author, t, i18n.language],
  );
  return { survivor, duplicate, related, merge };
}
