import type { z } from 'zod';
import type { IpcActionOf, IpcEventOf, IpcNamespace } from './channels';

/** One call: the runtime schemas of its arguments (a tuple) and of its result. */
export interface IpcChannelSchema {
  args: z.ZodTuple;
  result: z.ZodType;
}

/**
 * What `shared/ipc/<namespace>.ts` exports: a schema for every action and event named in
 * channels.ts for that namespace, and nothing else (`satisfies` catches a missing or extra one).
 */
export interface IpcNamespaceContract<N extends IpcNamespace> {
  channels: Record<IpcActionOf<N>, IpcChannelSchema>;
  events: Record<IpcEventOf<N>, z.ZodType>;
}
