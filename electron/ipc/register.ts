import { IPC_CHANNELS } from '../../shared/ipc/channels';
import { dispatch, type IpcEnvelope, type IpcHandlers } from '../../shared/ipc';
import { isTrustedSender as defaultIsTrustedSender, type FrameLike } from '../main/trusted-url';

/** The part of an IpcMainInvokeEvent the wrapper reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/** The part of Electron's ipcMain the wrapper uses; tests pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<IpcEnvelope<unknown>>): void;
  removeHandler(channel: string): void;
}

export interface RegisterIpcOptions {
  ipcMain: IpcMainLike;
  handlers: IpcHandlers;
  isTrustedSender?: (frame: FrameLike | null) => boolean;
  /** Where refused calls are reported; console.warn, which main routes to the log file (services/diagnostics/logging.ts). */
  warn?: (message: string) => void;
}

/** Told about a refused call: the channel and where the sender frame was (its origin only: a query may carry data). */
export type RefusalReporter = (channel: string, frame: FrameLike | null) => void;

/** Where a frame's page came from, for the log; never its path or query. */
export function frameOrigin(frame: FrameLike | null): string {
  if (!frame) return 'no frame';
  try {
    const url = new URL(frame.url);
    return url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
  } catch {
    return 'unreadable frame';
  }
}

/**
 * Logs refused senders, each (channel, origin) at most once a minute, so a hostile frame that
 * calls in a loop cannot fill the log.
 */
export function createRefusalLogger(warn: (message: string) => void, now: () => number = Date.now): RefusalReporter {
  const lastLogged = new Map<string, number>();
  return (channel, frame) => {
    const origin = frameOrigin(frame);
    const key = `${channel} ${origin}`;
    const at = now();
    const last = lastLogged.get(key);
    if (last !== undefined && at - last < 60_000) return;
    if (lastLogged.size > 1000) lastLogged.clear();
    lastLogged.set(key, at);
    warn(`ipc: refused ${channel} from an untrusted sender (${origin}${frame?.parent ? ', a subframe' : ''})`);
  };
}

/**
 * Checks who is calling, then validates and runs. Every IPC call goes through here (VS Code's
 * validatedIpcMain pattern), so no handler can forget the sender check or the argument schema.
 */
export async function handleInvoke(
  handlers: IpcHandlers,
  isTrustedSender: (frame: FrameLike | null) => boolean,
  channel: string,
  event: InvokeEventLike,
  args: unknown[],
  onRefused?: RefusalReporter,
): Promise<IpcEnvelope<unknown>> {
  let trusted = false;
  let frame: FrameLike | null = null;
  try {
    frame = event.senderFrame;
    trusted = isTrustedSender(frame);
  } catch {
    // Reading senderFrame of a destroyed frame throws in Electron; such a sender is not trusted.
  }
  if (!trusted) onRefused?.(channel, frame);
  if (!trusted) return { ok: false, error: { code: 'forbidden_sender', message: `Refused ${channel} from an untrusted frame` } };
  return dispatch(handlers, channel, args);
}

/** Registers every channel of the contract on ipcMain; returns a function that removes them. */
export function registerIpcHandlers({ ipcMain, handlers, isTrustedSender = defaultIsTrustedSender, warn = console.warn }: RegisterIpcOptions): () => void {
  const onRefused = createRefusalLogger(warn);
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, ...args) => handleInvoke(handlers, isTrustedSender, channel, event, args, onRefused));
  }
  return () => {
    for (const channel of IPC_CHANNELS) ipcMain.removeHandler(channel);
  };
}
