import { keyUnder } from '../../i18n/app-messages';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@shared/models';
import { planContactMerge, type ContactMergeChoices, type ContactMergeTexts, type ContactRelatedDocs } from '@shared/domain/record-merge-contacts';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { useContact, type Live } from '../../db/hooks';
import { loadContactRelated, runContactMerge } from './run-merge';
import { formatInstant } from '../../ui/formats';

/** The two contacts of a merge, what names the one that goes, and the action itself. */
export function useContactMerge(survivorId: string, duplicateId: string) {
  const { db, author } = useDatabaseContext();
  const { t, i18n } = useTranslation();
  const survivor = useContact(survivorId);
  const duplicate = useContact(duplicateId);
  const [related, setRelated] = useState<Live<ContactRelatedDocs>>(undefined);
  const ready = survivor && duplicate ? `${duplicate.id}|${duplicate.accountId}|${survivor.accountId}` : '';
  useEffect(() => {
    if (!survivor || !duplicate) return;
    let live = true;
    setRelated(undefined);
    const empty: ContactRelatedDocs = { activities: [], cases: [], deals: [], campaigns: [], events: [] };
    loadContactRelated(db, duplicate, survivor.accountId).then(
      (r) => live && setRelated(r),
      () => live && setRelated(empty),
    );
    return () => {
      live = false;
    };
    // Reload only when who points where changes, not on every edit of either contact.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, ready]);

  const merge = useCallback(
    async (s: Contact, d: Contact, choices: ContactMergeChoices) => {
      const chosenAccount = choices.accountId === 'duplicate' ? d.accountId : s.accountId;
      const fresh = await loadContactRelated(db, d, chosenAccount);
      const date = { format: (at: number) => formatInstant(at, i18n.language, { dateStyle: 'short', timeStyle: 'short' }) };
      const texts: ContactMergeTexts = {
        summary: (name) => t('duplicates.contactRecord.summary', { name }),
        intro: (p) => t('duplicates.contactRecord.intro', p),
        chosenHeading: t('duplicates.contactRecord.chosen'),
        discardedHeading: t('duplicates.contactRecord.discarded'),
        combinedHeading: t('duplicates.record.combined'),
        movedHeading: t('duplicates.contactRecord.moved'),
        snapshotHeading: t('duplicates.contactRecord.snapshot'),
        label: (key) => t(keyUnder('duplicates.contactFields', key)),
      };
      const plan = planContactMerge({
        survivor: s,
        duplicate: d,
        related: fresh,
        choices,
        now: Date.now(),
        by: author(),
        texts,
        formatTime: (ms) => date.format(ms),
      });
      await runContactMerge(db, plan, author());
      return plan;
    },
    [db, author, t, i18n.language],
  );
  return { survivor, duplicate, related, merge };
}
