import { z } from 'zod';
import type { IpcNamespaceContract } from './define';

export const LOCALES = ['pt-BR', 'pt-PT', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** User preferences kept in the user-data folder (settings.json). */
export const appSettings = z.object({
  locale: z.enum(LOCALES),
  theme: z.enum(['light', 'dark', 'auto']),
  /** Shown as the author of edits and notes; '' until the user sets it. */
  userName: z.string().max(80),
  /** Stable id of this installation, stamped on edits (updatedBy) to tell devices apart. */
  deviceId: z.string().max(40),
  /**
   * Whether the first-run welcome was answered. A fresh install starts with false; a settings file
   * from before the welcome existed lacks it, and its user is no newcomer: true.
   */
  welcomed: z.boolean().default(true),
  /** "Pausar sincronização" from the tray, kept across restarts; absent from older files: not paused. */
  syncPaused: z.boolean().default(false),
  /** Open Carteira when the user logs in to the computer (macOS and Windows); off unless chosen. */
  startAtLogin: z.boolean().default(false),
  /**
   * The team's update server (electron-updater's "generic" provider: a folder served over HTTPS with
   * latest.yml and the installers); '' means no automatic updates. http:// only for this computer.
   */
  updateUrl: z
    .string()
    .trim()
    .max(500)
    .refine((url) => url === '' || isUpdateUrl(url), 'https:// address (http:// only for localhost)')
    .default(''),
});
export type AppSettings = z.infer<typeof appSettings>;

/** An https:// address, or http:// on this computer (a local test server). */
export function isUpdateUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
// `welcomed`, `syncPaused`, `startAtLogin` and `updateUrl` are optional without a default here: a patch that leaves one out must not set it.
export const settingsPatch = appSettings
  .omit({ deviceId: true, welcomed: true, syncPaused: true, startAtLogin: true, updateUrl: true })
  .extend({
    welcomed: z.boolean().optional(),
    syncPaused: z.boolean().optional(),
    startAtLogin: z.boolean().optional(),
    updateUrl: appSettings.shape.updateUrl.unwrap().optional(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const settingsContract = {
  channels: {
    get: { args: z.tuple([]), result: appSettings },
    set: { args: z.tuple([settingsPatch]), result: appSettings },
  },
  events: {
    changed: appSettings,
  },
} as const satisfies IpcNamespaceContract<'settings'>;
