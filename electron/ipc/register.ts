import { IPC_CHANNELS } from '../../shared/ipc-channels';
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
): Promise<IpcEnvelope<unknown>> {
  let trusted = false;
  try {
    trusted = isTrustedSender(event.senderFrame);
  } catch {
    // Reading senderFrame of a destroyed frame throws in Electron; such a sender is not trusted.
  }
  if (!trusted) return { ok: false, error: { code: 'forbidden_sender', message: `Refused ${channel} from an untrusted frame` } };
  return dispatch(handlers, channel, args);
}

/** Registers every channel of the contract on ipcMain; returns a function that removes them. */
export function registerIpcHandlers({ ipcMain, handlers, isTrustedSender = defaultIsTrustedSender }: RegisterIpcOptions): () => void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, ...args) => handleInvoke(handlers, isTrustedSender, channel, event, args));
  }
  return () => {
    for (const channel of IPC_CHANNELS) ipcMain.removeHandler(channel);
  };
}
