import type { IpcHandlers, IpcNamespace } from '../../../shared/ipc';
import { appIpc } from './app';
import { backupIpc } from './backup';
import { exportIpc } from './export';
import { notifyIpc } from './notify';
import type { IpcEventSink, IpcNamespaceModule, IpcServices } from './services';
import { settingsIpc } from './settings';
import { shellIpc } from './shell';
import { syncIpc } from './sync';
import { updateIpc } from './update';

export type { DiagnosticsSource, IpcEventSink, IpcNamespaceModule, IpcServices } from './services';

/** Main's side of every namespace: registering a namespace is one line here. */
export const ipcModules: { [N in IpcNamespace]: IpcNamespaceModule<N> } = {
  app: appIpc,
  settings: settingsIpc,
  sync: syncIpc,
  shell: shellIpc,
  notify: notifyIpc,
  export: exportIpc,
  backup: backupIpc,
  update: updateIpc,
};

const namespaces = Object.keys(ipcModules) as IpcNamespace[];

/** The one implementation of the IPC contract, `namespace:action` → handler, for Electron IPC and the web host alike. */
export function createHandlers(services: IpcServices): IpcHandlers {
  const flat: Record<string, unknown> = {};
  for (const ns of namespaces) {
    const handlers = (ipcModules[ns] as IpcNamespaceModule<typeof ns>).handlers(services) as Record<string, unknown>;
    for (const [action, handler] of Object.entries(handlers)) flat[`${ns}:${action}`] = handler;
  }
  return flat as IpcHandlers;
}

/**
 * Connects the services' change notifications to the namespaces' events, once for both hosts.
 * Returns a function that disconnects everything.
 */
export function forwardIpcEvents(services: IpcServices, emit: IpcEventSink): () => void {
  const unsubscribers = namespaces.flatMap((ns) => (ipcModules[ns] as IpcNamespaceModule<typeof ns>).events?.(services, emit) ?? []);
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
