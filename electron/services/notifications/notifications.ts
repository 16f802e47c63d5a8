import type { NoticeOpens } from '../../../shared/ipc';
import type { NotifyShowArgs } from '../../../shared/ipc';

/** The part of Electron's Notification the service uses; tests pass a fake. */
export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

export interface NotificationsOptions {
  /** `new Notification(options)` in Electron; absent in web mode (the renderer shows one in the page). */
  createNotification?: (options: { title: string; body: string }) => NotificationLike;
  /** Notification.isSupported(); some Linux desktops have no notification server. */
  isSupported?: () => boolean;
  /** Brings the app window to the front when a notification is clicked. */
  focusWindow?: () => void;
}

/** Answers `notify:show` and reports clicks (forwarded to the renderer as `notify:clicked`). */
export interface NotificationsService {
  show(notice: NotifyShowArgs): { shown: boolean };
  onClicked(listener: (activityId: string, opens?: NoticeOpens) => void): () => void;
}

/**
 * Reminders and sync problems that need the user, as OS notifications. The shown notifications are kept referenced until clicked or
 * closed: Electron drops the click handler of a Notification object that was garbage-collected.
 */
export function createNotificationsService({
  createNotification,
  isSupported = () => true,
  focusWindow = () => undefined,
}: NotificationsOptions = {}): NotificationsService {
  const listeners = new Set<(activityId: string, opens?: NoticeOpens) => void>();
  const live = new Set<NotificationLike>();
  return {
    show({ activityId, title, body, opens }) {
      if (!createNotification || !isSupported()) return { shown: false };
      const notification = createNotification({ title, body });
      live.add(notification);
      const release = () => void live.delete(notification);
      notification.on('click', () => {
        release();
        focusWindow();
        for (const listener of [...listeners]) listener(activityId, opens);
      });
      notification.on('close', release);
      notification.on('failed', release);
      notification.show();
      return { shown: true };
    },
    onClicked(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
