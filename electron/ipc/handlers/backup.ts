import type { IpcNamespaceModule } from './services';

export const backupIpc: IpcNamespaceModule<'backup'> = {
  handlers: (services) => ({
    begin: (fileName) => services.backupFiles.begin(fileName),
    write: (id, chunk) => services.backupFiles.write(id, chunk),
    finish: (id) => services.backupFiles.finish(id),
    abort: (id) => services.backupFiles.abort(id),
  }),
};
