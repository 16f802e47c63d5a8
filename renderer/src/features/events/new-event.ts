import type { NewFields } from '../../db/repository';
import { localIsoDay } from '@shared/domain/local-day';

/** A blank event starting today (the user's local day), to be filled on its page. */
export function blankEvent(name: string, ownerId: string): NewFields<'events'> {
  const today = localIsoDay();
  return {
    name,
    kind: 'trade_fair',
    startDate: today,
    endDate: today,
    venue: '',
    city: '',
    state: '',
    invitations: [],
    leadAccountIds: [],
    ownerId: ownerId.slice(0, 80),
    notes: [],
    questions: [],
    consentText: '',
    consentRequired: false,
    captures: [],
  };
}
