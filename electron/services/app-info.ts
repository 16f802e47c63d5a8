import type { AppInfo } from '../../shared/ipc';

/** What the host knows about itself; Electron passes app.getName()/getVersion(), web mode reads package.json. */
export interface AppInfoOptions {
  name: string;
  version: string;
  mode: AppInfo['mode'];
  userDataDir: string;
  platform?: string;
}

/** Answers `app:info`. The values are fixed for the life of the process, so they are captured once. */
export interface AppInfoService {
  get(): AppInfo;
}

export function createAppInfoService({ name, version, mode, userDataDir, platform = process.platform }: AppInfoOptions): AppInfoService {
  const info: AppInfo = Object.freeze({ name, version, mode, platform, userDataDir });
  return { get: () => ({ ...info }) };
}
