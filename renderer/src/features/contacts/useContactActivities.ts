import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Activity } from '@shared/models';
import { useDocuments, type Live } from '../../db/hooks';
import { activityQueries } from '../../db/collections/activities';

/**
 * The newest activities with a contact: its account's activities along ['accountId', 'atInv']
 * (newest first without a `desc` sort), keeping those of this contact. An account has few
 * activities, so reading its range is cheap; contacts without an account have none listed.
 */
export function useContactActivities(contact: { id: string; accountId: string } | null | undefined, limit = 10): Live<Activity[]> {
  const accountId = contact?.accountId ?? '';
  const contactId = contact?.id ?? '';
  const query = useMemo(
    (): MangoQuery<Activity> | null => (accountId && contactId ? activityQueries.contactTimeline(accountId, contactId, limit) : null),
    [accountId, contactId, limit],
  );
  return useDocuments('activities', query);
}
