import { useEffect, useMemo, useState } from 'react';
import type { MangoQuerySortPart, RxCollection } from 'rxdb';
import type { Activity, ActivityType } from '@shared/models';
import { DAY, dayBounds } from '@shared/domain/activity-fields';
import { followUpSince, selectMyDay, type MyDay } from '@shared/domain/activity-my-day';
import { newId } from '@shared/domain/ids';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { useDocuments, type Live } from '../../db/hooks';

/** Open tasks, soonest due first (the ['taskState', 'dueAt'] index), at most `limit`. */
export function useOpenTasks(limit: number): Live<Activity[]> {
  return useDocuments('activities', { selector: { taskState: 'open' }, sort: [{ taskState: 'asc' }, { dueAt: 'asc' }], limit });
}

/**
 * Activities logged in the last `days` days, newest first. Ids begin with their creation time, so
 * the primary key serves the range; only that range is read, then ordered by `at` in memory.
 */
export function useRecentActivities(days: number, type: ActivityType | null): Live<Activity[]> {
  const since = useMemo(() => newId(Date.now() - days * DAY).slice(0, 9), [days]);
  const docs = useDocuments('activities', { selector: { id: { $gte: since }, ...(type ? { type } : {}) }, sort: [{ id: 'asc' }] });
  return useMemo(() => docs && [...docs].sort((a, b) => b.at - a.at), [docs]);
}

/** Marks a task done or open again; edits other fields of an activity. */
export function useUpdateActivity() {
  const repo = useRepository('activities');
  return repo.update;
}

/**
 * Everyone who owns activities, by skipping along the ['ownerId', 'at'] index one owner at a time
 * (a handful of tiny queries instead of reading every activity).
 */
async function distinctOwners(collection: RxCollection<Activity>): Promise<string[]> {
  const owners: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 500; i++) {
    const selector: Record<string, unknown> = after === null ? { ownerId: { $gte: '' } } : { ownerId: { $gt: after } };
    const next = await collection.findOne({ selector, sort: [{ ownerId: 'asc' }, { at: 'asc' }] }).exec();
    if (!next) break;
    owners.push(next.ownerId);
    after = next.ownerId;
  }
  return owners;
}

/** Everyone who owns activities (for My day's owner filter), read once per mount. */
export function useActivityOwners(): Live<string[]> {
  const { db } = useDatabaseContext();
  const [owners, setOwners] = useState<Live<string[]>>(undefined);
  useEffect(() => {
    let stopped = false;
    distinctOwners(db.collections.activities as unknown as RxCollection<Activity>)
      .then((list) => !stopped && setOwners(list))
      .catch(() => !stopped && setOwners([]));
    return () => {
      stopped = true;
    };
  }, [db]);
  return owners;
}

/** My day's data; `more*` say how many items the capped lists leave out (null: "at least one more"). */
export type MyDayData = MyDay & { moreOverdue: number | null; moreDueToday: number };

/**
 * What My day shows for one owner (or everyone: null), read with indexes: the owner's activities
 * from 14 days ago to 14 days ahead (['ownerId', 'at']: today's agenda, follow-ups and whether
 * something came after them), and open tasks due by the end of today (['taskState', 'dueAt']; the
 * `limit` most overdue). Re-read when activities change (debounced); `now` is taken at each read.
 */
export function useMyDay(owner: string | null, owners: readonly string[] | undefined, limit = 50): Live<MyDayData> {
  const { db } = useDatabaseContext();
  const [day, setDay] = useState<Live<MyDayData>>(undefined);
  const ownersKey = owners?.join('\u0000');
  useEffect(() => {
    if (owners === undefined) return;
    const collection = db.collections.activities as unknown as RxCollection<Activity>;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
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
        const since = followUpSince(now);
        const perOwner = await Promise.all((owner === null ? owners : [owner]).map((ownerId) =>
          collection.find({ selector: { ownerId, at: { $gte: since, $lt: now + 14 * DAY } }, sort: [{ ownerId: 'asc' }, { at: 'asc' }] }).exec()));
        const mine = owner === null ? {} : { ownerId: owner };
        const byDue: MangoQuerySortPart<Activity>[] = [{ taskState: 'asc' }, { dueAt: 'asc' }];
        const [today, overdue] = await Promise.all([
          collection.find({ selector: { taskState: 'open', dueAt: { $gte: start, $lt: end }, ...mine }, sort: byDue }).exec(),
          collection.find({ selector: { taskState: 'open', dueAt: { $gt: 0, $lt: start }, ...mine }, sort: byDue, limit: limit + 1 }).exec(),
        ]);
        // A count over the index range only (ownerId is not in it: RxDB refuses slow counts).
        const moreOverdue = overdue.length <= limit ? 0
          : owner === null ? (await collection.count({ selector: { taskState: 'open', dueAt: { $gt: 0, $lt: start } } }).exec()) - limit
          : null;
        if (stopped) return;
        const json = (d: { toMutableJSON(): unknown }) => d.toMutableJSON() as Activity;
        const selected = selectMyDay({ recent: perOwner.flat().map(json), openTasks: [...today, ...overdue.slice(0, limit)].map(json), now });
        setDay({
          ...selected,
          dueToday: selected.dueToday.slice(0, limit),
          followUps: selected.followUps.slice(0, limit),
          moreDueToday: Math.max(0, selected.dueToday.length - limit),
          moreOverdue,
        });
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
  const accounts = useDocuments('accounts', unique.length ? { selector: { id: { $in: unique } } } : null);
  return useMemo(() => new Map((accounts ?? []).map((a) => [a.id, a.tradeName || a.name])), [accounts]);
}
