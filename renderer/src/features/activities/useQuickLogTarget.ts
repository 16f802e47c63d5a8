import { useMemo } from 'react';
import { useLocation } from 'wouter';
import type { QuickLogTarget } from '../../app/overlays-store';
import { useRepository } from '../../db/DatabaseProvider';
import { useDocument } from '../../db/hooks';
import { routeTarget } from './route-target';

/** A quick log target, which may also be the activity on screen (a follow-up is filed under the same account). */
export type LogTarget = QuickLogTarget & { activityId?: string };

/** The ids an activity is filed under. */
export interface ResolvedTarget {
  accountId: string;
  contactId: string;
  dealId: string;
}

/** The target the store gave, else the one the current route names (an account, contact, deal or activity page). */
export function useRequestedTarget(target: QuickLogTarget | null): LogTarget {
  const [location] = useLocation();
  return useMemo((): LogTarget => {
    if (target && (target.accountId || target.contactId || target.dealId)) return target;
    const route = routeTarget(location);
    const base = { type: target?.type };
    if (!route) return base;
    if (route.kind === 'account') return { ...base, accountId: route.id };
    if (route.kind === 'contact') return { ...base, contactId: route.id };
    if (route.kind === 'deal') return { ...base, dealId: route.id };
    return { ...base, activityId: route.id };
  }, [target, location]);
}

/**
 * Fills in what the target implies: a contact's or a deal's account, or what the activity on screen
 * is filed under. Async so Enter pressed before the screen has loaded still files it right.
 */
export function useResolveTarget() {
  const contacts = useRepository('contacts');
  const deals = useRepository('deals');
  const activities = useRepository('activities');
  return async (t: LogTarget): Promise<ResolvedTarget> => {
    const out: ResolvedTarget = { accountId: t.accountId ?? '', contactId: t.contactId ?? '', dealId: t.dealId ?? '' };
    if (t.activityId) {
      const a = await activities.get(t.activityId);
      if (a) return { accountId: a.accountId, contactId: a.contactId, dealId: a.dealId };
    }
    if (out.contactId && !out.accountId) out.accountId = (await contacts.get(out.contactId))?.accountId ?? '';
    if (out.dealId && !out.accountId) out.accountId = (await deals.get(out.dealId))?.accountId ?? '';
    return out;
  };
}

/** Names to show for the target while the dialog is open (live). */
export function useTargetLabels(t: LogTarget) {
  const activity = useDocument('activities', t.activityId);
  const contactId = t.contactId || activity?.contactId || undefined;
  const contact = useDocument('contacts', contactId);
  const dealId = t.dealId || activity?.dealId || undefined;
  const deal = useDocument('deals', dealId);
  const accountId = t.accountId || contact?.accountId || deal?.accountId || activity?.accountId || undefined;
  const account = useDocument('accounts', accountId);
  return {
    accountId: accountId ?? '',
    account: account ? account.tradeName || account.name : '',
    contact: contact ? `${contact.firstName} ${contact.lastName}`.trim() : '',
    contactId: contactId ?? '',
    deal: deal?.title ?? '',
  };
}
