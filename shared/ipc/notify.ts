import { z } from 'zod';
import type { IpcNamespaceContract } from './define';

export const NOTIFY_TITLE_MAX = 200;
/** The screens a notice can open. */
export const NOTICE_OPENS = ['activity', 'syncProblems', 'settings'] as const;
export type NoticeOpens = (typeof NOTICE_OPENS)[number];
export const NOTIFY_BODY_MAX = 1000;
/** A reminder of one activity (task or meeting); clicking it opens #/activities/:id. */
export const notifyShowArgs = z
  .object({
    activityId: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9_.:-]+$/),
    title: z.string().trim().min(1).max(NOTIFY_TITLE_MAX),
    body: z.string().max(NOTIFY_BODY_MAX),
    /** What a click opens: the activity (default), the sync problems screen, or Settings to sign in again (then activityId only names the notice). */
    opens: z.enum(NOTICE_OPENS).optional(),
  })
  .strict();
export type NotifyShowArgs = z.infer<typeof notifyShowArgs>;
/** false where the host shows no OS notification (web mode, or an OS without them): the renderer shows one in the page. */
export const notifyShowResult = z.object({ shown: z.boolean() });
export const notifyClickedEvent = z.object({ activityId: z.string(), opens: z.enum(NOTICE_OPENS).optional() });

export const notifyContract = {
  channels: {
    /** Shows a reminder as an OS notification; clicking it focuses the window and emits notify:clicked. */
    show: { args: z.tuple([notifyShowArgs]), result: notifyShowResult },
  },
  events: {
    /** The user clicked a reminder notification: open that activity. */
    clicked: notifyClickedEvent,
  },
} as const satisfies IpcNamespaceContract<'notify'>;
