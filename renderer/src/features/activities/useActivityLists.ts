import { useEffect, useMemo, useState } from 'react';
import type { RxCollection } from 'rxdb';
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

/**
 * What My day shows, read with indexes: per owner, activities from 14 days ago on (['ownerId', 'at']),
 * and open tasks due by the end of today (['taskState', 'dueAt'], the most overdue `overdueLimit`).
 * Re-read when activities change (debounced); `now` is taken at each read.
 */
export function useMyDay(overdueLimit = 50): Live<MyDay & { overdueTotal: number }> {
  const { db } = useDatabaseContext();
  const [day, setDay] = useState<Live<MyDay & { overdueTotal: number }>>(undefined);
  useEffect(() => {
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
        const owners = await distinctOwners(collection);
        const since = followUpSince(now);
        const perOwner = await Promise.all(owners.map((ownerId) =>
          collection.find({ selector: { ownerId, at: { $gte: since } }, sort: [{ ownerId: 'asc' }, { at: 'asc' }] }).exec()));
        const [today, overdue, overdueTotal] = await Promise.all([
          collection.find({ selector: { taskState: 'open', dueAt: { $gte: start, $lt: end } }, sort: [{ taskState: 'asc' }, { dueAt: 'asc' }] }).exec(),
          collection.find({ selector: { taskState: 'open', dueAt: { $gt: 0, $lt: start } }, sort: [{ taskState: 'asc' }, { dueAt: 'asc' }], limit: overdueLimit }).exec(),
          collection.count({ selector: { taskState: 'open', dueAt: { $gt: 0, $lt: start } } }).exec(),
        ]);
        if (stopped) return;
        const json = (d: { toMutableJSON(): unknown }) => d.toMutableJSON() as Activity;
        setDay({
          ...selectMyDay({ recent: perOwner.flat().map(json), openTasks: [...today, ...overdue].map(json), now }),
          overdueTotal,
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
  }, [db, overdueLimit]);
  return day;
}

/** Account names for a list's rows, in one indexed read (not one subscription per row). */
export function useAccountNames(ids: readonly string[]): Map<string, string> {
  const unique = useMemo(() => [...new Set(ids.filter(Boolean))].sort(), [ids]);
  const accounts = useDocuments('accounts', unique.length ? { selector: { id: { $in: unique } } } : null);
  return useMemo(() => new Map((accounts ?? []).map((a) => [a.id, a.tradeName || a.name])), [accounts]);
}
