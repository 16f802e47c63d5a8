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
});
export type AppSettings = z.infer<typeof appSettings>;
export const settingsPatch = appSettings.omit({ deviceId: true }).partial().strict();
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
