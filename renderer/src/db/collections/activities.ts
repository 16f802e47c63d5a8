import type { MangoQuery, MangoQuerySelector, RxCollection } from 'rxdb';
import type { Activity, ActivityType } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf, indexSort } from './access';

/** The activities collection (timelines, My day, reminders). */
export const activitiesOf = (db: CarteiraDatabase): RxCollection<Activity> => collectionOf(db, 'activities');

/** Index ['accountId', 'atInv']: an account's activities newest first (ascending inverted time: no `desc` sort). */
const BY_ACCOUNT_NEWEST = indexSort('activities', 'accountId', 'atInv');
/** Index ['taskState', 'dueAt']: open tasks, soonest due first. */
const BY_TASK_DUE = indexSort('activities', 'taskState', 'dueAt');
/** Index ['ownerId', 'at']: one owner's activities in a time range (it serves a range only within one owner). */
const BY_OWNER_AT = indexSort('activities', 'ownerId', 'at');
/** The primary key: ids begin with their creation time. */
const BY_ID = indexSort('activities', 'id');

const json = (d: { toMutableJSON(): unknown }) => d.toMutableJSON() as Activity;
const ownedBy = (owner: string | null) => (owner === null ? {} : { ownerId: owner });

export const activityQueries = {
  /** Open tasks, soonest due first, at most `limit` (index ['taskState', 'dueAt']). */
  openTasks: (limit: number): MangoQuery<Activity> => ({ selector: { taskState: 'open' }, sort: BY_TASK_DUE, limit }),
  /** Activities created since id prefix `since` (of one type when given), by id (the primary key serves the range). */
  createdSince: (since: string, type: ActivityType | null): MangoQuery<Activity> => ({
    selector: { id: { $gte: since }, ...(type ? { type } : {}) },
    sort: BY_ID,
  }),
  /** An account's newest activities first, the first `limit` (index ['accountId', 'atInv']). */
  accountTimeline: (accountId: string, limit: number): MangoQuery<Activity> => ({ selector: { accountId }, sort: BY_ACCOUNT_NEWEST, limit }),
  /** A contact's newest activities first: its account's range of ['accountId', 'atInv'], keeping the contact's. */
  contactTimeline: (accountId: string, contactId: string, limit: number): MangoQuery<Activity> => ({
    selector: { accountId, contactId },
    sort: BY_ACCOUNT_NEWEST,
    limit,
  }),
  /** A deal's newest activities first: its account's range of ['accountId', 'atInv'], keeping the deal's. */
  dealTimeline: (accountId: string, dealId: string, limit: number): MangoQuery<Activity> => ({
    selector: { accountId, dealId },
    sort: BY_ACCOUNT_NEWEST,
    limit,
  }),
};

/**
 * Everyone who owns activities, by skipping along the ['ownerId', 'at'] index one owner at a time
 * (a handful of tiny queries instead of reading every activity).
 */
export async function distinctOwners(collection: RxCollection<Activity>): Promise<string[]> {
  const owners: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 500; i++) {
    const selector: MangoQuerySelector<Activity> = after === null ? { ownerId: { $gte: '' } } : { ownerId: { $gt: after } };
    const next = await collection.findOne({ selector, sort: BY_OWNER_AT }).exec();
    if (!next) break;
    owners.push(next.ownerId);
    after = next.ownerId;
  }
  return owners;
}

/** Whether an activity on `accountId` lies inside the inverted-time range (of `owner` when given) (index ['accountId', 'atInv']). */
export async function hasActivityBetween(
  collection: RxCollection<Activity>,
  accountId: string,
  atInvAbove: number,
  atInvBelow: number,
  owner: string | null,
): Promise<boolean> {
  const later = await collection
    .findOne({ selector: { accountId, atInv: { $gt: atInvAbove, $lt: atInvBelow }, ...ownedBy(owner) }, sort: BY_ACCOUNT_NEWEST })
    .exec();
  return later !== null;
}

/** One owner's activities marked 'follow_up' in [from, to) (index ['ownerId', 'at']). */
export async function followUpsOf(collection: RxCollection<Activity>, ownerId: string, from: number, to: number): Promise<Activity[]> {
  const docs = await collection.find({ selector: { ownerId, at: { $gte: from, $lt: to }, outcome: 'follow_up' }, sort: BY_OWNER_AT }).exec();
  return docs.map(json);
}

/** One owner's activities of `types` in [start, end), at most `limit` (index ['ownerId', 'at']). */
export async function ownerActivitiesOfTypes(
  collection: RxCollection<Activity>,
  ownerId: string,
  start: number,
  end: number,
  types: Iterable<ActivityType>,
  limit: number,
): Promise<Activity[]> {
  const docs = await collection.find({ selector: { ownerId, at: { $gte: start, $lt: end }, type: { $in: [...types] } }, sort: BY_OWNER_AT, limit }).exec();
  return docs.map(json);
}

/** A due-date range of open tasks (index ['taskState', 'dueAt']). */
export type OpenTaskRange = { taskState: 'open'; dueAt: { $gte?: number; $gt?: number; $lt?: number; $lte?: number } };
/** Open tasks due in [start, end). */
export const dueBetween = (start: number, end: number): OpenTaskRange => ({ taskState: 'open', dueAt: { $gte: start, $lt: end } });
/** Open tasks with a due date before `start`. */
export const overdueAt = (start: number): OpenTaskRange => ({ taskState: 'open', dueAt: { $gt: 0, $lt: start } });

/** Open tasks in `range` (of `owner` when given), soonest due first, at most `limit` (index ['taskState', 'dueAt']). */
export async function openTasksIn(collection: RxCollection<Activity>, range: OpenTaskRange, owner: string | null, limit: number): Promise<Activity[]> {
  const docs = await collection.find({ selector: { ...range, ...ownedBy(owner) }, sort: BY_TASK_DUE, limit }).exec();
  return docs.map(json);
}

/** How many open tasks `range` holds: a count over the index range only (RxDB refuses counts it cannot serve from an index). */
export const countOpenTasksIn = (collection: RxCollection<Activity>, range: OpenTaskRange): Promise<number> => collection.count({ selector: range }).exec();

/** Open tasks with a reminder due in [from, to] (index ['taskState', 'dueAt']). */
export async function remindedTasksDue(collection: RxCollection<Activity>, from: number, to: number): Promise<Activity[]> {
  const docs = await collection.find({ selector: { taskState: 'open', dueAt: { $gte: from, $lte: to }, reminderAt: { $gt: 0 } }, sort: BY_TASK_DUE }).exec();
  return docs.map((d) => d.toJSON() as Activity);
}

/** One owner's activities with a reminder, happening in [from, to] (index ['ownerId', 'at']). */
export async function remindedActivitiesOf(collection: RxCollection<Activity>, ownerId: string, from: number, to: number): Promise<Activity[]> {
  const docs = await collection.find({ selector: { ownerId, at: { $gte: from, $lte: to }, reminderAt: { $gt: 0 } }, sort: BY_OWNER_AT }).exec();
  return docs.map((d) => d.toJSON() as Activity);
}
