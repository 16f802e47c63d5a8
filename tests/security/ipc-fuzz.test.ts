/**
 * Fuzz of the IPC contract on Electron's path: every channel registered through
 * registerIpcHandlers on a fake ipcMain (as electron/ipc/register.test.ts does), called with random
 * and hostile arguments and from random frames. Every call must end in a clean envelope — a
 * result matching the contract, or a refusal the renderer can translate — with no exception, no
 * unhandled rejection, and no side effect outside what the contract allows.
 */
import { rm } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IpcEnvelope } from '../../shared/ipc';
import { createHandlers } from '../../electron/ipc/handlers';
import { handleInvoke, registerIpcHandlers, type InvokeEventLike, type IpcMainLike } from '../../electron/ipc/register';
import { APP_START_URL, type FrameLike } from '../../electron/main/trusted-url';
import { anyValue, argsFor, createFuzzServices, envelopeProblem, IPC_CHANNELS, nastyString, signIn, unknownChannel, withinBounds } from './ipc-fuzz-fixtures';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<IpcEnvelope<unknown>>;

/** Stands in for ipcMain, as in register.test.ts. */
class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  invoke(channel: string, frame: FrameLike | null, ...args: unknown[]): Promise<IpcEnvelope<unknown>> {
    return this.listeners.get(channel)!({ senderFrame: frame }, ...args);
  }
}

const mainFrame: FrameLike = { url: APP_START_URL, parent: null };
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
});

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A fresh set of services behind the fake ipcMain, signed in to the fake CouchDB. */
async function setup() {
  const { services, effects, exportDir } = await createFuzzServices();
  dirs.push(services.dir, exportDir);
  const ipcMain = new FakeIpcMain();
  const handlers = createHandlers(services);
  registerIpcHandlers({ ipcMain, handlers });
  await signIn((channel, ...args) => ipcMain.invoke(channel, mainFrame, ...args));
  effects.fetched.length = 0;
  return { ipcMain, handlers, services, effects, exportDir };
}

describe('IPC fuzz, Electron path (registerIpcHandlers)', () => {
  it.each([...IPC_CHANNELS])('%s answers hostile arguments with a clean envelope and stays in bounds', async (channel) => {
    const { ipcMain, effects, exportDir, services } = await setup();
    await fc.assert(
      fc.asyncProperty(argsFor(channel), async (args) => {
        const settingsBefore = await services.settings.get();
        const { result: envelope, problem } = await withinBounds(services, effects, exportDir, () => ipcMain.invoke(channel, mainFrame, ...args));
        expect(envelopeProblem(channel, envelope)).toBeNull();
        expect(problem).toBeNull();
        // A refused call changes nothing.
        if (!envelope.ok) expect(await services.settings.get()).toEqual(settingsBefore);
      }),
      { numRuns: RUNS },
    );
    expect(unhandled).toEqual([]);
  });

  it('refuses every frame but the app main frame before any handler runs', async () => {
    const { ipcMain, effects, services } = await setup();
    const before = await services.settings.get();
    const frame: fc.Arbitrary<FrameLike | null> = fc.oneof(
      fc.constant(null),
      fc.record({
        url: fc.oneof(
          nastyString,
          fc.constantFrom(
            'app://carteira.evil/index.html',
            'app://carteira:1/index.html',
            'app://user@carteira/',
            'https://carteira/',
            'file:///index.html',
            'app:carteira/index.html',
          ),
        ),
        parent: fc.constant(null),
      }),
      fc.record({ url: fc.constant(APP_START_URL), parent: fc.constant(mainFrame) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...IPC_CHANNELS), frame, fc.array(anyValue, { maxLength: 2 }), async (channel, senderFrame, args) => {
        const envelope = await ipcMain.invoke(channel, senderFrame, ...args);
        expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      }),
      { numRuns: RUNS },
    );
    expect(effects).toEqual({ fetched: [], opened: [], notifications: 0, suggested: [] });
    expect(await services.settings.get()).toEqual(before);
  });

  it('answers channels outside the contract with unknown_channel, even from the main frame', async () => {
    const { handlers } = await setup();
    await fc.assert(
      fc.asyncProperty(unknownChannel, fc.array(anyValue, { maxLength: 2 }), async (channel, args) => {
        const envelope = await handleInvoke(handlers, () => true, channel, { senderFrame: mainFrame }, args);
        expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves Object.prototype unpolluted', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
