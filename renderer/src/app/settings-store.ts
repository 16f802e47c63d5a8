import { create } from 'zustand';
import type { AppInfo, AppSettings, SettingsPatch } from '@shared/ipc';
import { call } from '../platform/bridge';
import { authorName } from '../sync/author';
import { useSyncStore } from '../sync/sync-store';

interface SettingsState {
  settings: AppSettings | null;
  info: AppInfo | null;
  /** Loads preferences and app info from main (or the web host). */
  load(): Promise<AppSettings>;
  update(patch: SettingsPatch): Promise<void>;
}

/** User preferences mirrored from main; main's settings.json stays the source of truth. */
export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  info: null,
  async load() {
    const [settings, info] = await Promise.all([call('settings:get'), call('app:info')]);
    set({ settings, info });
    return settings;
  },
  async update(patch) {
    set({ settings: await call('settings:set', patch) });
  },
}));

/** Who is editing, stamped as `updatedBy`: the user's name when set, else the sync user, else this device's id. */
export function currentAuthor(): string {
  const s = useSettingsStore.getState().settings;
  return authorName(s?.userName, useSyncStore.getState().user, s?.deviceId);
}
