import type { IpcNamespaceModule } from './services';

export const syncIpc: IpcNamespaceModule<'sync'> = {
  handlers: (services) => ({
    getConfig: () => services.sync.getConfig(),
    setConfig: (config) => services.sync.setConfig(config),
    signIn: ({ password }) => services.sync.signIn(password),
    signOut: async () => (await services.sync.signOut(), null),
    status: () => services.sync.status(),
    fetch: (request) => services.sync.fetch(request),
    checkNow: () => services.sync.checkNow(),
    flushed: () => (services.sync.flushed(), null),
  }),
  events: (services, emit) => [
    services.sync.onConnectivity((state) => emit('sync:connectivity', { state })),
    services.sync.onFlushRequest((timeoutMs) => emit('sync:flush', { reason: 'quit', timeoutMs })),
    services.sync.onStatusChanged((status) => emit('sync:statusChanged', status)),
    services.sync.onCommand((command) => emit('sync:command', { command })),
  ],
};
