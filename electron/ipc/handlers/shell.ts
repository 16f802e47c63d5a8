import type { IpcNamespaceModule } from './services';

export const shellIpc: IpcNamespaceModule<'shell'> = {
  handlers: (services) => ({
    openExternal: (url) => services.externalLinks.open(url),
  }),
};
