import type { IpcNamespaceModule } from './services';

export const settingsIpc: IpcNamespaceModule<'settings'> = {
  handlers: (services) => ({
    get: () => services.settings.get(),
    set: (patch) => services.settings.set(patch),
  }),
  events: (services, emit) => [services.settings.onChange((settings) => emit('settings:changed', settings))],
};
