import { COLLECTIONS, type CollectionName, type Contact, type DocOf } from '@shared/models';
import { editDoc } from '@shared/domain/documents';
import { RELATED_COLLECTIONS, type AccountMergePlan, type RelatedCollection, type RelatedDocs, type Repoint } from '@shared/domain/record-merge-accounts';
import type { ContactMergePlan, ContactRelatedDocs } from '@shared/domain/record-merge-contacts';
import { appClock } from '../../db/edit-clock';
import { createRepository } from '../../db/repository';
import type { CarteiraDatabase } from '../../db/types';
import { docsOfAccount, openCollectionOf } from '../../db/collections/access';
import { allCampaigns } from '../../db/collections/campaigns';
import { allEvents } from '../../db/collections/events';
import { accountKeyIndex } from './useDuplicates';

async function idsWhere(db: CarteiraDatabase, name: RelatedCollection, accountId: string): Promise<string[]> {
  // Tests open only some collections; a collection that is not open has nothing to repoint.
  return (await docsOfAccount(db, name, accountId)).map((d) => d.id);
}

/** Every document pointing at account `accountId` (indexed queries; referrals through the key map). */
export async function loadRelated(db: CarteiraDatabase, accountId: string): Promise<RelatedDocs> {
  const byAccountId: RelatedDocs['byAccountId'] = {};
  await Promise.all(
    RELATED_COLLECTIONS.map(async (c) => {
      byAccountId[c] = await idsWhere(db, c, accountId);
    }),
  );
  // accounts.referredBy has no index: the accounts key map holds "r:<id>" keys; check each hit.
  const index = accountKeyIndex(db);
  await index.ready;
  const referrers = await db.accounts.findByIds(index.lookup([`r:${accountId}`])).exec();
  const referrals = [...referrers.values()].filter((a) => a.referredBy === accountId).map((a) => a.id);
  // Events and campaigns are few (hundreds at most): read them whole.
  const events = (await allEvents(db)).filter((e) => e.leadAccountIds.includes(accountId) || e.invitations.some((i) => i.accountId === accountId));
  const campaigns = (await allCampaigns(db)).filter((c) => c.recipients.some((r) => r.accountId === accountId));
  return {
    byAccountId,
    referrals,
    events: events.map(({ id, leadAccountIds, invitations }) => ({ id, leadAccountIds, invitations })),
    campaigns: campaigns.map(({ id, recipients }) => ({ id, recipients })),
  };
}

/**
 * Applies patches to many documents of one collection in one bulk write, each stamped like a
 * repository edit (editDoc: only changed fields get a new edit time) and schema-checked.
 */
async function bulkPatch<C extends CollectionName>(db: CarteiraDatabase, name: C, patches: Repoint[], author: string, now: number): Promise<void> {
  const collection = openCollectionOf(db, name);
  if (!collection || patches.length === 0) return;
  const schema = COLLECTIONS[name].schema;
  const found = await collection.findByIds(patches.map((p) => p.id)).exec();
  const next: DocOf<C>[] = [];
  for (const p of patches) {
    const doc = found.get(p.id);
    if (!doc) continue; // deleted meanwhile: nothing left to repoint
    const edited = editDoc(doc.toMutableJSON() as DocOf<C>, p.patch as never, author, now);
    schema.parse(edited);
    next.push(edited);
  }
  const CHUNK = 500;
  for (let i = 0; i < next.length; i += CHUNK) {
    const { error } = await collection.bulkUpsert(next.slice(i, i + CHUNK));
    if (error.length) throw new Error(`${name}: ${error.length} documents could not be repointed`);
  }
}

/**
 * Executes a merge plan: repoint the related documents (bulk per collection), update the survivor,
 * write the record, and only then soft-delete the duplicate — so an interruption leaves both
 * records in place and the merge can simply be run again.
 */
async function runMerge(db: CarteiraDatabase, name: 'accounts' | 'contacts', plan: AccountMergePlan | ContactMergePlan, author: string, clock: () => number) {
  const now = clock();
  const groups = new Map<CollectionName, Repoint[]>();
  for (const r of plan.repoint) groups.set(r.collection, [...(groups.get(r.collection) ?? []), r]);
  for (const [collection, patches] of groups) await bulkPatch(db, collection, patches, author, now);
  const repo = createRepository(db, name, () => author, clock);
  await repo.update(plan.survivorId, plan.survivorPatch as never);
  await createRepository(db, 'activities', () => author, clock).create(plan.record);
  await repo.remove(plan.duplicateId);
}

export function runAccountMerge(db: CarteiraDatabase, plan: AccountMergePlan, author: string, clock: () => number = appClock): Promise<void> {
  return runMerge(db, 'accounts', plan, author, clock);
}

export function runContactMerge(db: CarteiraDatabase, plan: ContactMergePlan, author: string, clock: () => number = appClock): Promise<void> {
  return runMerge(db, 'contacts', plan, author, clock);
}

/**
 * What names contact `duplicate`: activities, cases and deals are read through their accountId
 * indexes (at the duplicate's and the survivor's accounts) and filtered; campaigns and events are few.
 */
export async function loadContactRelated(db: CarteiraDatabase, duplicate: Contact, survivorAccountId: string): Promise<ContactRelatedDocs> {
  const accounts = [...new Set([duplicate.accountId, survivorAccountId])];
  const read = async <C extends 'activities' | 'cases' | 'deals'>(name: C, keep: (doc: DocOf<C>) => boolean): Promise<DocOf<C>[]> => {
    const lists = await Promise.all(accounts.map((accountId) => docsOfAccount(db, name, accountId)));
    return lists.flat().filter(keep);
  };
  const id = duplicate.id;
  const [activities, cases, deals] = await Promise.all([
    read('activities', (a) => a.contactId === id),
    read('cases', (c) => c.contactId === id),
    read('deals', (d) => d.contactIds.includes(id)),
  ]);
  const events = (await allEvents(db)).filter((e) => e.invitations.some((i) => i.contactId === id));
  const campaigns = (await allCampaigns(db)).filter((c) => c.recipients.some((r) => r.contactId === id));
  return {
    activities: activities.map((a) => a.id),
    cases: cases.map((c) => c.id),
    deals: deals.map(({ id: dealId, contactIds }) => ({ id: dealId, contactIds })),
    campaigns: campaigns.map(({ id: campaignId, recipients }) => ({ id: campaignId, recipients })),
    events: events.map(({ id: eventId, invitations }) => ({ id: eventId, invitations })),
  };
}
