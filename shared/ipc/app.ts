import { z } from 'zod';
import type { IpcNamespaceContract } from './define';

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Where the renderer runs: inside Electron or in a browser against the web-mode host. */
  mode: z.enum(['electron', 'web']),
  platform: z.string(),
  userDataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

/** The "Copiar diagnóstico" text: versions, sync state and recent errors, client data masked (shared/diagnostics.ts). */
export const diagnosticsResult = z.object({ text: z.string() });
export type DiagnosticsResult = z.infer<typeof diagnosticsResult>;

export const appContract = {
  channels: {
    info: { args: z.tuple([]), result: appInfo },
    /** Text for a support message; carries no URLs with credentials and no client data. */
    diagnostics: { args: z.tuple([]), result: diagnosticsResult },
  },
  events: {},
} as const satisfies IpcNamespaceContract<'app'>;
