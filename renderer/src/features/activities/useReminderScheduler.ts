import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '@shared/models';
import {
  REMINDER_LOOKBACK,
  REMINDER_REREAD,
  placeReminder,
  planReminders,
  rememberFired,
  reminderKey,
  reminderWindows,
  wakeDelay,
  wantsReminder,
  type FiredReminders,
  type ReminderCandidate,
} from '@shared/domain/activity-reminders';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { openCollectionOf } from '../../db/collections/access';
import { distinctOwners, remindedActivitiesOf, remindedTasksDue } from '../../db/collections/activities';
import { formatInstant } from '../../ui/formats';

const FIRED_KEY = 'carteira.reminders.fired';
/** Reminders the window reads would not load in time (set long before or after their event): id → reminderAt. */
const KEPT_KEY = 'carteira.reminders.kept';
/** Quiet time after the last change before looking again. */
const CHANGE_SETTLE_MS = 3000;

function loadJson<T extends object>(key: string): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : ({} as T);
  } catch {
    return {} as T;
  }
}

function saveJson(key: string, value: object) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // A full localStorage only risks a reminder shown twice; never break the app for it.
  }
}

const candidate = (a: Activity): ReminderCandidate => ({
  id: a.id,
  type: a.type,
  summary: a.summary,
  taskState: a.taskState,
  reminderAt: a.reminderAt,
  dueAt: a.dueAt,
  at: a.at,
  accountId: a.accountId,
});

export interface ReminderNotify {
  (notice: { kind: 'one'; task: ReminderCandidate } | { kind: 'missed'; count: number; latest: ReminderCandidate; titles: string[] }): void;
}

export interface ReminderSchedulerOptions {
  startDelayMs?: number;
  clock?: () => number;
  /** How often the windows are read again (REMINDER_REREAD; tests shorten it). */
  rereadMs?: number;
}

/**
 * Watches activities with a reminder — tasks, meetings, visits, calls… — and calls `notify` when one
 * is due: missed ones once at startup, the rest at their time. Fired reminders are remembered in
 * localStorage (id + time, so a moved reminder fires again).
 *
 * There is no index on `reminderAt`, so it reads small windows by event time (`reminderWindows`):
 * open tasks due from a week ago to two days ahead (['taskState', 'dueAt']) and each owner's other
 * activities from two hours ago to two days ahead (['ownerId', 'at']); it reads them again every
 * `REMINDER_REREAD` and follows the change stream in between. A reminder set further from its event
 * than those reads can see in time (`windowCovers`) is kept by id in localStorage when it is written
 * or read, and looked up by id at the next start.
 */
export function useReminderScheduler(
  notify: ReminderNotify,
  { startDelayMs = 1500, clock = Date.now, rereadMs = REMINDER_REREAD }: ReminderSchedulerOptions = {},
) {
  const { db, author } = useDatabaseContext();
  const notifyRef = useRef(notify);
  notifyRef.current = notify;
  const authorRef = useRef(author);
  authorRef.current = author;

  useEffect(() => {
    const collection = openCollectionOf(db, 'activities');
    if (!collection) return;
    const pending = new Map<string, ReminderCandidate>();
    let fired = loadJson<FiredReminders>(FIRED_KEY);
    const kept = loadJson<Record<string, number>>(KEPT_KEY);
    let keptDirty = false;
    let timer: ReturnType<typeof setTimeout> | undefined; // the next wake-up
    let settle: ReturnType<typeof setTimeout> | undefined; // the end of a burst of changes
    let stopped = false;
    let ready = false;
    let reading = false;
    let lastReadAt = -Infinity;
    let lastSummaryAt = -Infinity;
    const startedAt = clock();
    // Written during this session but left to the next startup (see placeReminder); reads must not
    // pick them up either when they run after they arrived (e.g. in the middle of a sample load).
    const deferred = new Set<string>();
    // Activities the change stream spoke of while a read ran: what that read returns of them is older.
    const changedDuringRead = new Set<string>();
    // Reminders are personal: only my activities' once I own any (as My day shows mine); the whole
    // team's on a device whose user owns none yet (a fresh install with the sample team's data).
    let mine: string | null = null;
    const isMine = (doc: Activity) => mine === null || doc.ownerId === mine;

    const keep = (id: string, reminderAt: number | null) => {
      if (reminderAt === null ? id in kept : kept[id] !== reminderAt) {
        if (reminderAt === null) delete kept[id];
        else kept[id] = reminderAt;
        keptDirty = true;
      }
    };
    const place = (doc: Activity, live: boolean) => {
      if (!isMine(doc)) {
        pending.delete(doc.id);
        keep(doc.id, null);
        return;
      }
      const c = candidate(doc);
      const now = clock();
      const { place: where, keep: keepIt } = placeReminder(c, { now, live, updatedAt: doc.updatedAt, startedAt });
      keep(c.id, keepIt ? c.reminderAt : null);
      if (where === 'pending') pending.set(c.id, c);
      else pending.delete(c.id);
      if (where === 'defer') deferred.add(c.id);
      else deferred.delete(c.id);
    };

    const tick = () => {
      if (stopped || !ready) return;
      const now = clock();
      if (now - lastReadAt >= rereadMs) void read();
      fired = { ...loadJson<FiredReminders>(FIRED_KEY), ...fired }; // another window may have fired some meanwhile
      const plan = planReminders(pending.values(), fired, now, { lastSummaryAt });
      if (plan.remember.length) {
        fired = rememberFired(fired, plan.remember, now);
        saveJson(FIRED_KEY, fired);
      }
      // Fired or finished reminders need no watching, nor keeping across restarts.
      for (const [id, c] of pending) {
        if (!wantsReminder(c, fired)) {
          pending.delete(id);
          keep(id, null);
        }
      }
      for (const [id, at] of Object.entries(kept)) if (at < now - REMINDER_LOOKBACK || reminderKey({ id, reminderAt: at }) in fired) keep(id, null);
      if (keptDirty) {
        keptDirty = false;
        saveJson(KEPT_KEY, kept);
      }
      for (const task of plan.fire) notifyRef.current({ kind: 'one', task });
      if (plan.summary) {
        lastSummaryAt = now;
        notifyRef.current({ kind: 'missed', ...plan.summary });
      }
      schedule(wakeDelay(plan.nextAt, now));
    };
    const schedule = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(tick, ms);
    };

    /** Reads the windows (and the kept reminders by id), then plans. */
    const read = async () => {
      if (reading || stopped) return;
      reading = true;
      changedDuringRead.clear();
      const now = clock();
      lastReadAt = now;
      try {
        const w = reminderWindows(now);
        const owners = await distinctOwners(collection);
        const me = authorRef.current();
        const wasMine = mine;
        mine = owners.includes(me) ? me : null;
        // Became an owner since the last read: other people's reminders waiting here are dropped.
        if (mine !== null && wasMine === null) {
          for (const id of pending.keys()) keep(id, null);
          pending.clear();
        }
        const keptIds = Object.keys(kept);
        const [tasks, keptDocs, ...others] = await Promise.all([
          remindedTasksDue(collection, w.tasks.from, w.tasks.to),
          keptIds.length ? collection.findByIds(keptIds).exec() : Promise.resolve(new Map()),
          ...(mine === null ? owners : [mine]).map((ownerId) => remindedActivitiesOf(collection, ownerId, w.others.from, w.others.to)),
        ]);
        if (stopped) return;
        for (const id of keptIds) if (!keptDocs.has(id) && !changedDuringRead.has(id)) keep(id, null); // deleted
        const keptActivities = [...keptDocs.values()].map((d) => d.toJSON() as Activity);
        for (const a of [...tasks, ...keptActivities, ...others.flat()]) {
          if (deferred.has(a.id) || changedDuringRead.has(a.id)) continue;
          place(a, false);
        }
      } catch {
        // a closed database (tests, shutdown): nothing to remind
      } finally {
        reading = false;
        changedDuringRead.clear();
      }
      if (!stopped) {
        ready = true;
        tick();
      }
    };

    const sub = collection.$.subscribe((ev) => {
      const doc = ev.documentData as unknown as Activity;
      if (reading) changedDuringRead.add(doc.id);
      if (ev.operation === 'DELETE') {
        pending.delete(doc.id);
        keep(doc.id, null);
      } else place(doc, true);
      // A burst (sample data, an initial sync pull) settles first, so its missed reminders make one notice.
      if (ready) {
        clearTimeout(settle);
        settle = setTimeout(tick, CHANGE_SETTLE_MS);
      }
    });
    const onVisible = () => {
      if (document.visibilityState === 'visible') schedule(0);
    };
    document.addEventListener('visibilitychange', onVisible);

    const start = setTimeout(() => void read(), startDelayMs);

    return () => {
      stopped = true;
      clearTimeout(start);
      clearTimeout(timer);
      clearTimeout(settle);
      sub.unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [db, startDelayMs, clock, rereadMs]);
}

/** The notice texts in the user's language. */
export function useReminderTexts() {
  const { t, i18n } = useTranslation();
  const fmt = { format: (at: number) => formatInstant(at, i18n.language, { dateStyle: 'short', timeStyle: 'short' }) };
  return {
    one: (task: ReminderCandidate) => ({
      title: t('activities.reminders.title', { summary: task.summary }),
      body:
        task.type === 'task'
          ? task.dueAt
            ? t('activities.reminders.body', { due: fmt.format(task.dueAt) })
            : ''
          : task.at
            ? t('activities.reminders.bodyAt', { type: t(`activityType.${task.type}`), at: fmt.format(task.at) })
            : '',
    }),
    missed: (count: number, titles: string[]) => ({
      title: t('activities.reminders.missedTitle', { count }),
      body: t('activities.reminders.missedBody', { titles: titles.join(' · ') }),
    }),
  };
}
