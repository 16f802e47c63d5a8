import type { AppSettings } from '../../../shared/ipc';
import type { SettingsService } from '../settings';

/** Electron's app.setLoginItemSettings, as far as start at login needs it; tests hand in a fake. */
export type SetLoginItemSettings = (settings: { openAtLogin: boolean }) => void;

/** Where Electron can register the app to open at login (macOS and Windows; not Linux). */
export function startAtLoginSupported(platform: string): boolean {
  return platform === 'darwin' || platform === 'win32';
}

export interface LoginItemOptions {
  setLoginItemSettings: SetLoginItemSettings;
  platform: string;
  settings: Pick<SettingsService, 'get' | 'onChange'>;
  warn?: (message: string) => void;
}

/**
 * Start at login follows the `startAtLogin` setting: applied once the settings are read, then on
 * every change of it (and only then: other settings changing leave the OS entry alone).
 * Returns the unsubscribe function.
 */
export function followStartAtLogin({ setLoginItemSettings, platform, settings, warn = console.warn }: LoginItemOptions): () => void {
  if (!startAtLoginSupported(platform)) return () => undefined;
  let applied: boolean | null = null;
  const apply = (s: Pick<AppSettings, 'startAtLogin'>) => {
    if (s.startAtLogin === applied) return;
    try {
      setLoginItemSettings({ openAtLogin: s.startAtLogin });
      applied = s.startAtLogin;
    } catch (error) {
      warn(`could not set start at login: ${String(error)}`);
    }
  };
  const unsubscribe = settings.onChange(apply);
  void settings.get().then(apply, (error: unknown) => warn(`could not read the settings for start at login: ${String(error)}`));
  return unsubscribe;
}
