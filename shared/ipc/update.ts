import { z } from 'zod';
import type { IpcNamespaceContract } from './define';

export const UPDATE_STATES = ['off', 'idle', 'checking', 'downloading', 'ready', 'error'] as const;

/**
 * Where the app's own update stands. `off`: no update server set (or, in web mode and unpackaged
 * builds, no updater at all: `supported` false). `ready`: a new version is downloaded and installs
 * when the user agrees to restart (or at the next quit).
 */
export const updateStatus = z.object({
  supported: z.boolean(),
  state: z.enum(UPDATE_STATES),
  /** The version downloading or ready. */
  version: z.string().max(40).optional(),
  /** 0–100 while downloading. */
  percent: z.number().min(0).max(100).optional(),
  /** Why the last check or download failed, for the settings screen (technical, not translated). */
  error: z.string().max(500).optional(),
  /** When the last check ended (ms), 0 if never. */
  checkedAt: z.number().int().min(0),
});
export type UpdateStatus = z.infer<typeof updateStatus>;

export const updateContract = {
  channels: {
    status: { args: z.tuple([]), result: updateStatus },
    /** Looks for a new version now (the service also looks at start and every few hours). */
    check: { args: z.tuple([]), result: updateStatus },
    /** The user agreed: quit, install the downloaded version and start it. false when none is ready. */
    install: { args: z.tuple([]), result: z.object({ restarting: z.boolean() }) },
  },
  events: {
    changed: updateStatus,
  },
} as const satisfies IpcNamespaceContract<'update'>;
