import { z } from 'zod';
import type { IpcNamespaceContract } from './define';

/** Longest link `shell:openExternal` accepts before its own checks (the service refuses anything over 2048). */
export const EXTERNAL_URL_MAX_ARG = 65_536;
export const externalOpenResult = z.object({
  /** false in web mode: the host cannot reach the browser's handlers, so the renderer opens `url` itself. */
  opened: z.boolean(),
  /** The link as checked and normalised (tel: digits only, mailto: re-encoded). */
  url: z.string(),
});
export type ExternalOpenResult = z.infer<typeof externalOpenResult>;

export const shellContract = {
  channels: {
    /** Opens a tel: or mailto: link with the OS handler; anything else fails with external_url_refused. */
    openExternal: { args: z.tuple([z.string().max(EXTERNAL_URL_MAX_ARG)]), result: externalOpenResult },
  },
  events: {},
} as const satisfies IpcNamespaceContract<'shell'>;
