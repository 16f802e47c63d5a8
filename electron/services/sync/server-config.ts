import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IpcError, syncServerConfig, type SyncServerConfig } from '../../../shared/ipc';
import { writeFileAtomic } from '../settings/atomic-write';

export const SERVER_CONFIG_FILE_NAME = 'sync-server.json';

/** Reads and writes which server, team and user this installation syncs with. */
export interface ServerConfigStore {
  /** null until the user configures a server (or when the file is unusable). */
  get(): Promise<SyncServerConfig | null>;
  /** Validates, normalizes the URL, persists atomically and returns what was stored. */
  set(config: SyncServerConfig): Promise<SyncServerConfig>;
}

/**
 * `https://Couch.Example.com:443/db/` → `https://couch.example.com/db`: one spelling per server, so
 * the proxy's prefix check and the credential account name never differ by a trailing slash or a
 * default port.
 */
export function normalizeServerUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

export function createServerConfigStore({ dir, warn = console.warn }: { dir: string; warn?: (message: string) => void }): ServerConfigStore {
  const file = join(dir, SERVER_CONFIG_FILE_NAME);
  let current: Promise<SyncServerConfig | null> | undefined;

  async function load(): Promise<SyncServerConfig | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`sync: cannot read ${file}: ${String(error)}`);
      return null;
    }
    try {
      const parsed = syncServerConfig.parse(JSON.parse(text));
      return { ...parsed, url: normalizeServerUrl(parsed.url) };
    } catch (error) {
      // An unusable file means "not configured": the user re-enters three fields, nothing is lost.
      warn(`sync: ignoring invalid ${file}: ${String(error)}`);
      return null;
    }
  }

  return {
    async get() {
      current ??= load();
      const config = await current;
      return config && { ...config };
    },
    async set(config) {
      const parsed = syncServerConfig.safeParse(config);
      if (!parsed.success) throw new IpcError('invalid_arguments', parsed.error.message);
      const stored = { ...parsed.data, url: normalizeServerUrl(parsed.data.url) };
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(file, JSON.stringify(stored, null, 2) + '\n');
      current = Promise.resolve(stored);
      return { ...stored };
    },
  };
}
