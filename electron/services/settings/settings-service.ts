import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { appSettings, settingsPatch, type AppSettings, type SettingsPatch } from '../../../shared/ipc';
import { newId } from '../../../shared/domain/ids';
import { writeFileAtomic } from './atomic-write';

export const SETTINGS_FILE_NAME = 'settings.json';
/** Where a settings file we could not use is moved, so the user (or support) can still recover it. */
export const CORRUPT_SETTINGS_FILE_NAME = 'settings.json.corrupt';

/** Reads and writes the user's preferences (settings.json in the user-data folder). */
export interface SettingsService {
  get(): Promise<AppSettings>;
  /** Applies a partial change, persists it, and notifies listeners when something changed. */
  set(patch: SettingsPatch): Promise<AppSettings>;
  /** Called after every persisted change; returns an unsubscribe function. */
  onChange(listener: (settings: AppSettings) => void): () => void;
}

export interface SettingsServiceOptions {
  /** The user-data folder; created if missing. */
  dir: string;
  /** Clock used to stamp the generated device id (tests pass a fixed one). */
  now?: () => number;
  /** Told about files we had to set aside; defaults to console.warn. */
  warn?: (message: string) => void;
}

export function defaultSettings(deviceId: string): AppSettings {
  return { locale: 'pt-BR', theme: 'auto', userName: '', deviceId, welcomed: false, syncPaused: false, startAtLogin: false, updateUrl: '' };
}

export function createSettingsService({ dir, now = Date.now, warn = console.warn }: SettingsServiceOptions): SettingsService {
  const file = join(dir, SETTINGS_FILE_NAME);
  const listeners = new Set<(settings: AppSettings) => void>();
  let current: Promise<AppSettings> | undefined;
  // Writes run one after another so two quick `set` calls cannot persist out of order.
  let queue: Promise<unknown> = Promise.resolve();

  function load(): Promise<AppSettings> {
    current ??= loadOrCreate(file, dir, now, warn);
    return current;
  }

  function serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    get: () => load().then((s) => ({ ...s })),
    set(patch) {
      return serialize(async () => {
        // A key sent as undefined leaves that setting alone: Electron's structured clone keeps such
        // keys (JSON drops them), and spreading one would erase the setting and fail validation.
        const change = Object.fromEntries(Object.entries(settingsPatch.parse(patch)).filter(([, v]) => v !== undefined));
        const before = await load();
        const after = appSettings.parse({ ...before, ...change });
        if (sameSettings(before, after)) return { ...after };
        await persist(file, dir, after);
        current = Promise.resolve(after);
        for (const listener of [...listeners]) {
          try {
            listener({ ...after });
          } catch (error) {
            warn(`settings listener failed: ${String(error)}`);
          }
        }
        return { ...after };
      });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

async function loadOrCreate(file: string, dir: string, now: () => number, warn: (m: string) => void): Promise<AppSettings> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!isMissing(error)) {
      warn(`settings: cannot read ${file} (${String(error)}); using defaults`);
      await setAside(file, dir, warn);
    }
    return persistDefaults(file, dir, defaultSettings(newId(now())), warn);
  }
  const { settings, intact } = salvage(text, () => newId(now()));
  if (!intact) {
    warn(`settings: ${file} is corrupt; kept a copy as ${CORRUPT_SETTINGS_FILE_NAME} and repaired it`);
    await setAside(file, dir, warn);
    return persistDefaults(file, dir, settings, warn);
  }
  return settings;
}

/**
 * Keeps every field of the file that is still valid (above all the device id, which must not
 * change), and falls back to the default for the rest. `intact` is false when anything was lost.
 */
function salvage(text: string, makeDeviceId: () => string): { settings: AppSettings; intact: boolean } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { settings: defaultSettings(makeDeviceId()), intact: false };
  }
  // Unknown keys are dropped, not treated as corruption: a newer version may have written them.
  const whole = appSettings.safeParse(raw);
  if (whole.success && whole.data.deviceId !== '') return { settings: whole.data, intact: true };
  const record: Record<string, unknown> = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const deviceId = appSettings.shape.deviceId.min(1).safeParse(record.deviceId);
  const settings = defaultSettings(deviceId.success ? deviceId.data : makeDeviceId());
  // A repaired file keeps its user past the welcome: only a fresh install is a first run.
  settings.welcomed = true;
  for (const key of ['locale', 'theme', 'userName', 'welcomed'] as const) {
    const field = appSettings.shape[key].safeParse(record[key]);
    if (field.success) Object.assign(settings, { [key]: field.data });
  }
  return { settings, intact: false };
}

async function persistDefaults(file: string, dir: string, settings: AppSettings, warn: (m: string) => void): Promise<AppSettings> {
  try {
    await persist(file, dir, settings);
  } catch (error) {
    // A read-only or broken folder must not keep the app from starting; the settings live in
    // memory and the next `set` reports the failure to the user.
    warn(`settings: cannot write ${file} (${String(error)})`);
  }
  return settings;
}

async function persist(file: string, dir: string, settings: AppSettings): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(file, JSON.stringify(settings, null, 2) + '\n');
}

async function setAside(file: string, dir: string, warn: (m: string) => void): Promise<void> {
  try {
    await rename(file, join(dir, CORRUPT_SETTINGS_FILE_NAME));
  } catch (error) {
    warn(`settings: cannot keep a copy of ${file} (${String(error)})`);
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function sameSettings(a: AppSettings, b: AppSettings): boolean {
  return (Object.keys(b) as (keyof AppSettings)[]).every((key) => a[key] === b[key]);
}
