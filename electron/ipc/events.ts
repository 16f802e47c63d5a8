import type { IpcEventName } from '../../shared/ipc-channels';
import type { IpcEventPayload } from '../../shared/ipc';
import type { IpcServices } from './handlers';

/** Delivers one event to the renderer(s): webContents.send in Electron, Server-Sent Events on the web. */
export type IpcEventSink = <E extends IpcEventName>(event: E, payload: IpcEventPayload<E>) => void;

/**
 * Connects the services' change notifications to IPC_EVENTS, once for both hosts, so a new event
 * is wired in one place. Returns a function that disconnects everything.
 */
export function forwardIpcEvents(services: Pick<IpcServices, 'settings' | 'sync' | 'notifications'>, emit: IpcEventSink): () => void {
  const unsubscribers = [
    services.settings.onChange((settings) => emit('settings:changed', settings)),
    services.sync.onConnectivity((state) => emit('sync:connectivity', { state })),
    services.sync.onFlushRequest((timeoutMs) => emit('sync:flush', { reason: 'quit', timeoutMs })),
    services.notifications.onClicked((activityId) => emit('notify:clicked', { activityId })),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
