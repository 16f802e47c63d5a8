export { createNotificationsService } from './notifications';
export type { NotificationLike, NotificationsOptions, NotificationsService } from './notifications';
