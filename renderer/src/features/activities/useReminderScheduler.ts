import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RxCollection } from 'rxdb';
import type { Activity } from '@shared/models';
import { DAY } from '@shared/domain/activity-fields';
import { planReminders, rememberFired, wakeDelay, wantsReminder, type FiredReminders, type ReminderCandidate } from '@shared/domain/activity-reminders';
import { useDatabaseContext } from '../../db/DatabaseProvider';

const FIRED_KEY = 'carteira.reminders.fired';
/** Reminders missed longer ago than this are not shown (planReminders drops them); tasks due before are not read. */
const LOOKBACK = 7 * DAY;
/** Quiet time after the last change before looking again. */
const CHANGE_SETTLE_MS = 3000;

function loadFired(): FiredReminders {
  try {
    const raw = localStorage.getItem(FIRED_KEY);
    return raw ? (JSON.parse(raw) as FiredReminders) : {};
  } catch {
    return {};
  }
}

function saveFired(fired: FiredReminders) {
  try {
    localStorage.setItem(FIRED_KEY, JSON.stringify(fired));
  } catch {
    // A full localStorage only risks a reminder shown twice; never break the app for it.
  }
}

const candidate = (a: Activity): ReminderCandidate => ({
  id: a.id, type: a.type, summary: a.summary, taskState: a.taskState, reminderAt: a.reminderAt, dueAt: a.dueAt, accountId: a.accountId,
});

export interface ReminderNotify {
  (notice: { kind: 'one'; task: ReminderCandidate } | { kind: 'missed'; count: number; latest: ReminderCandidate; titles: string[] }): void;
}

/**
 * Watches open tasks with a reminder and calls `notify` when one is due: missed ones once at
 * startup, the rest at their time. Fired reminders are remembered in localStorage (id + time, so a
 * moved reminder fires again). Reads open tasks due from a week ago on with the ['taskState', 'dueAt']
 * index once, then follows the collection's change stream: nothing large stays subscribed.
 */
export function useReminderScheduler(notify: ReminderNotify, { startDelayMs = 1500, clock = Date.now }: { startDelayMs?: number; clock?: () => number } = {}) {
  const { db } = useDatabaseContext();
  const notifyRef = useRef(notify);
  notifyRef.current = notify;

  useEffect(() => {
    const collection = db.collections.activities as unknown as RxCollection<Activity> | undefined;
    if (!collection) return;
    const tasks = new Map<string, ReminderCandidate>();
    let fired = loadFired();
    let timer: ReturnType<typeof setTimeout> | undefined; // the next wake-up
    let settle: ReturnType<typeof setTimeout> | undefined; // the end of a burst of changes
    let stopped = false;
    let ready = false;
    let lastSummaryAt = -Infinity;
    const startedAt = clock();
    // Written during this session but left to the next startup (see below); the startup read must
    // not pick them up either when it runs after they arrived (e.g. in the middle of a sample load).
    const deferred = new Set<string>();

    const tick = () => {
      if (stopped || !ready) return;
      const now = clock();
      fired = { ...loadFired(), ...fired }; // another window may have fired some meanwhile
      const plan = planReminders(tasks.values(), fired, now, { lastSummaryAt });
      if (plan.remember.length) {
        fired = rememberFired(fired, plan.remember, now);
        saveFired(fired);
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

    const sub = collection.$.subscribe((ev) => {
      const doc = ev.documentData as unknown as Activity;
      if (ev.operation === 'DELETE' || !wantsReminder(candidate(doc), {})) tasks.delete(doc.id);
      // Old documents arriving with a reminder already past (sample data, the first pull of a team's
      // data) are left to the next startup's catch-up instead of interrupting now; this session's
      // edits (typed here or synced live) count at once.
      else if (doc.reminderAt <= clock() && doc.updatedAt < startedAt) {
        tasks.delete(doc.id);
        deferred.add(doc.id);
      } else tasks.set(doc.id, candidate(doc));
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

    const start = setTimeout(() => {
      collection
        .find({ selector: { taskState: 'open', dueAt: { $gte: clock() - LOOKBACK }, reminderAt: { $gt: 0 } }, sort: [{ taskState: 'asc' }, { dueAt: 'asc' }] })
        .exec()
        .then((docs) => {
          for (const d of docs) if (!tasks.has(d.id) && !deferred.has(d.id)) tasks.set(d.id, candidate(d.toJSON() as Activity));
          ready = true;
          tick();
        })
        .catch(() => {
          ready = true; // a closed database (tests, shutdown): nothing to remind
        });
    }, startDelayMs);

    return () => {
      stopped = true;
      clearTimeout(start);
      clearTimeout(timer);
      clearTimeout(settle);
      sub.unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [db, startDelayMs, clock]);
}

/** The notice texts in the user's language. */
export function useReminderTexts() {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return {
    one: (task: ReminderCandidate) => ({
      title: t('activities.reminders.title', { summary: task.summary }),
      body: task.dueAt ? t('activities.reminders.body', { due: fmt.format(task.dueAt) }) : '',
    }),
    missed: (count: number, titles: string[]) => ({
      title: t('activities.reminders.missedTitle', { count }),
      body: t('activities.reminders.missedBody', { titles: titles.join(' · ') }),
    }),
  };
}
