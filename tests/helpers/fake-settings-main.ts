import type { AppSettings, IpcEnvelope, SettingsPatch } from '../../shared/ipc';

/**
 * A fake main for DOM tests of settings: `settings:set` keeps them in memory, as settings.json
 * would, and records each patch; `state.fail` makes the next calls fail as a read-only folder does.
 */
export function installFakeSettingsMain(initial: AppSettings) {
  let settings = { ...initial };
  const sets: SettingsPatch[] = [];
  const state = { fail: false };
  window.carteira = {
    invoke: async (channel, ...args): Promise<IpcEnvelope<unknown>> => {
      if (channel !== 'settings:set') return { ok: false, error: { code: 'unknown_channel', message: channel } };
      if (state.fail) return { ok: false, error: { code: 'internal', message: 'EACCES: settings.json' } };
      sets.push(args[0] as SettingsPatch);
      settings = { ...settings, ...(args[0] as SettingsPatch) };
      return { ok: true, value: settings };
    },
    on: () => () => undefined,
  };
  return { sets, state };
}
