import type { IpcNamespaceModule } from './services';

export const updateIpc: IpcNamespaceModule<'update'> = {
  handlers: (services) => ({
    status: () => services.update.status(),
    check: () => services.update.check(),
    install: () => services.update.install(),
  }),
  events: (services, emit) => [services.update.onChange((status) => emit('update:changed', status))],
};
