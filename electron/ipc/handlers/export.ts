import type { IpcNamespaceModule } from './services';

export const exportIpc: IpcNamespaceModule<'export'> = {
  handlers: (services) => ({
    save: (file) => services.exportFiles.save(file),
  }),
};
