import type { IpcNamespaceModule } from './services';

export const notifyIpc: IpcNamespaceModule<'notify'> = {
  handlers: (services) => ({
    show: (notice) => services.notifications.show(notice),
  }),
  events: (services, emit) => [services.notifications.onClicked((activityId, opens) => emit('notify:clicked', opens ? { activityId, opens } : { activityId }))],
};
