import { useEffect, useMemo, useState } from 'react';
import type { RxCollection } from 'rxdb';
import type { Activity, ActivityType } from '@shared/models';
import { DAY, dayBounds } from '@shared/domain/activity-fields';
import { AGENDA_TYPES, answerRange, followUpSlices, mergeCapped, newestFirst, oldestFirstBy, type MyDay } from '@shared/domain/activity-my-day';
import { newId } from '@shared/domain/ids';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { useDocuments, type Live } from '../../db/hooks';
import {
  activitiesOf,
  activityQueries,
  countOpenTasksIn,
  distinctOwners,
  dueBetween,
  followUpsOf,
  hasActivityBetween,
  openTasksIn,
  overdueAt,
  ownerActivitiesOfTypes,
  type OpenTaskRange,
} from '../../db/collections/activities';
import { accountQueries } from '../../db/collections/accounts';

/** Open tasks, soonest due first (the ['taskState', 'dueAt'] index), at most `limit`. */
export function useOpenTasks(limit: number): Live<Activity[]> {
  return useDocuments('activities', activityQueries.openTasks(limit));
}

/**
 * Activities logged in the last `days` days, newest first. Ids begin with their creation time, so
 * the primary key serves the range; only that range is read, then ordered by `at` in memory.
 */
export function useRecentActivities(days: number, type: ActivityType | null): Live<Activity[]> {
  const since = useMemo(() => newId(Date.now() - days * DAY).slice(0, 9), [days]);
  const docs = useDocuments('activities', activityQueries.createdSince(since, type));
  return useMemo(() => docs && [...docs].sort((a, b) => b.at - a.at), [docs]);
}

/** Marks a task done or open again; edits other fields of an activity. */
export function useUpdateActivity() {
  const repo = useRepository('activities');
  return repo.update;
}

/**
 * Everyone who owns activities (for My day's owner filter): read once per mount, then an owner new to
 * the list (a colleague's first synced activity) is added as it arrives.
 */
export function useActivityOwners(): Live<string[]> {
  const { db } = useDatabaseContext();
  const [owners, setOwners] = useState<Live<string[]>>(undefined);
  useEffect(() => {
    let stopped = false;
    const collection = activitiesOf(db);
    let known: string[] | undefined;
    const seen: string[] = []; // owners the stream brought before the first read ended
    distinctOwners(collection)
      .then((list) => {
        if (stopped) return;
        known = [...new Set([...list, ...seen])].sort();
        setOwners(known);
      })
      .catch(() => !stopped && setOwners([]));
    const sub = collection.$.subscribe((ev) => {
      if (ev.operation === 'DELETE') return;
      const ownerId = (ev.documentData as unknown as Activity).ownerId;
      if (known === undefined) seen.push(ownerId);
      else if (!known.includes(ownerId)) {
        known = [...known, ownerId].sort();
        setOwners(known);
      }
    });
    return () => {
      stopped = true;
      sub.unsubscribe();
    };
  }, [db]);
  return owners;
}

/** My day's data; `more*` say how many items the capped lists leave out (null: "at least one more"). */
export type MyDayData = MyDay & { moreAgenda: number | null; moreOverdue: number | null; moreDueToday: number | null };

/**
 * Follow-ups still waiting, newest first, at most `limit`: reads the owners' activities marked
 * 'follow_up' a slice of time at a time going back (followUpSlices), and for each asks the
 * ['accountId', 'atInv'] index whether a later activity on its account answered it; stops once it has
 * `limit`. With one owner, only that owner's later activities count (as My day always did).
 */
async function readFollowUps(
  collection: RxCollection<Activity>,
  ownerIds: readonly string[],
  owner: string | null,
  now: number,
  limit: number,
): Promise<Activity[]> {
  const found: Activity[] = [];
  const answered = async (a: Activity) => {
    if (!a.accountId) return false;
    const { atInvAbove, atInvBelow } = answerRange(a, now);
    return hasActivityBetween(collection, a.accountId, atInvAbove, atInvBelow, owner);
  };
  for (const { from, to } of followUpSlices(now)) {
    const lists = await Promise.all(ownerIds.map((ownerId) => followUpsOf(collection, ownerId, from, to)));
    const candidates = lists.flat().sort(newestFirst);
    // Many small index reads at once: their latency overlaps (64 at a time halved the time at M).
    for (let i = 0; i < candidates.length; i += 64) {
      const batch = candidates.slice(i, i + 64);
      const done = await Promise.all(batch.map(answered));
      batch.forEach((a, j) => !done[j] && found.push(a));
      if (found.length >= limit) return found.slice(0, limit);
    }
  }
  return found;
}

/**
 * What My day shows for one owner (or everyone: null), reading only what it shows, with indexes:
 * today's meetings, visits and presentations per owner (['ownerId', 'at'], today only, `limit + 1`
 * each); open tasks due today and overdue (['taskState', 'dueAt'], `limit + 1` each, counted over the
 * index for everyone); and the newest waiting follow-ups (readFollowUps). Re-read when activities
 * change (debounced) and when the day turns; `now` is taken at each read.
 */
export function useMyDay(owner: string | null, owners: readonly string[] | undefined, limit = 50): Live<MyDayData> {
  const { db } = useDatabaseContext();
  const [day, setDay] = useState<Live<MyDayData>>(undefined);
  const ownersKey = owners?.join('\u0000');
  useEffect(() => {
    if (owners === undefined) return;
    const collection = activitiesOf(db);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let midnight: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let again = false;
    const read = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const now = Date.now();
        const { start, end } = dayBounds(now);
        const ownerIds = owner === null ? owners : [owner];
        const more = async (list: unknown[], range: OpenTaskRange) =>
          list.length <= limit
            ? 0
            : // A count over the index range only (ownerId is not in it: RxDB refuses slow counts).
              owner === null
              ? (await countOpenTasksIn(collection, range)) - limit
              : null;
        const dueToday = dueBetween(start, end);
        const overdueRange = overdueAt(start);
        const [agendaLists, today, overdue, followUps] = await Promise.all([
          Promise.all(ownerIds.map((ownerId) => ownerActivitiesOfTypes(collection, ownerId, start, end, AGENDA_TYPES, limit + 1))),
          openTasksIn(collection, dueToday, owner, limit + 1),
          openTasksIn(collection, overdueRange, owner, limit + 1),
          readFollowUps(collection, ownerIds, owner, now, limit),
        ]);
        const [moreDueToday, moreOverdue] = await Promise.all([more(today, dueToday), more(overdue, overdueRange)]);
        if (stopped) return;
        const agenda = mergeCapped(agendaLists, limit, oldestFirstBy('at'));
        setDay({
          agenda: agenda.items,
          moreAgenda: agenda.more,
          dueToday: today.slice(0, limit),
          moreDueToday,
          overdue: overdue.slice(0, limit),
          moreOverdue,
          followUps,
        });
        clearTimeout(midnight);
        midnight = setTimeout(() => void read(), end - now + 1000);
      } catch {
        // closed database (tests, shutdown)
      } finally {
        running = false;
        if (again && !stopped) {
          again = false;
          void read();
        }
      }
    };
    setDay(undefined);
    void read();
    const sub = collection.$.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void read(), 250);
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(midnight);
      sub.unsubscribe();
    };
    // owners is compared by value (ownersKey)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, owner, ownersKey, limit]);
  return day;
}

/** Account names for a list's rows, in one indexed read (not one subscription per row). */
export function useAccountNames(ids: readonly string[]): Map<string, string> {
  const unique = useMemo(() => [...new Set(ids.filter(Boolean))].sort(), [ids]);
  const accounts = useDocuments('accounts', unique.length ? accountQueries.byIds(unique) : null);
  return useMemo(() => new Map((accounts ?? []).map((a) => [a.id, a.tradeName || a.name])), [accounts]);
}
