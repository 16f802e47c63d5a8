import type { IpcHandlers } from '../../shared/ipc';
import type { AppInfoService } from '../services/app-info';
import type { SettingsService } from '../services/settings';

/** The services the IPC handlers delegate to; Electron and the web host build them the same way. */
export interface IpcServices {
  appInfo: AppInfoService;
  settings: SettingsService;
}

/**
 * The one implementation of the IPC contract. Arguments arrive already validated by `dispatch`,
 * so handlers stay one-liners over the services.
 */
export function createHandlers(services: IpcServices) {
  return {
    'app:info': () => services.appInfo.get(),
    'settings:get': () => services.settings.get(),
    'settings:set': (patch) => services.settings.set(patch),
  } satisfies IpcHandlers;
}
