import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IpcError } from '../../../shared/ipc';
import { writeFileAtomic } from '../settings/atomic-write';
import type { CredentialStore } from './credential-store';

export const CREDENTIALS_FILE_NAME = 'sync-credentials.json';

/** The part of Electron's safeStorage the store uses; tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring was found and "encryption" uses a hard-coded key. */
  getSelectedStorageBackend?(): string;
}

interface CredentialsFile {
  version: 1;
  /** account → base64 of safeStorage's encrypted blob */
  secrets: Record<string, string>;
}

/**
 * Keeps passwords encrypted by the OS (Keychain, DPAPI, libsecret/kwallet) in one file in the
 * user-data folder. Refuses rather than falls back to plain text: a password on disk in the clear
 * is worse than asking for it again.
 */
export function createSafeStorageCredentialStore({
  safeStorage,
  dir,
  warn = console.warn,
}: {
  safeStorage: SafeStorageLike;
  dir: string;
  warn?: (message: string) => void;
}): CredentialStore {
  const file = join(dir, CREDENTIALS_FILE_NAME);
  // Writes run one after another so two quick changes cannot persist out of order.
  let queue: Promise<unknown> = Promise.resolve();
  function serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  function encryptionAvailable(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  }

  async function read(): Promise<CredentialsFile> {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<CredentialsFile>;
      if (parsed.version === 1 && parsed.secrets && typeof parsed.secrets === 'object') return { version: 1, secrets: { ...parsed.secrets } };
      warn(`sync: ignoring unreadable ${file}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`sync: ignoring unreadable ${file}: ${String(error)}`);
    }
    return { version: 1, secrets: {} };
  }

  async function write(content: CredentialsFile): Promise<void> {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(file, JSON.stringify(content) + '\n');
  }

  return {
    persistent: true,
    async get(account) {
      const blob = (await read()).secrets[account];
      if (typeof blob !== 'string' || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(blob, 'base64'));
      } catch (error) {
        // A new OS user profile or a reset keychain: the blob is useless, the user signs in again.
        warn(`sync: cannot decrypt the stored password: ${String(error)}`);
        return null;
      }
    },
    set(account, secret) {
      return serialize(async () => {
        if (!encryptionAvailable()) throw new IpcError('encryption_unavailable', 'The OS offers no encryption for secrets; the password was not stored');
        const content = await read();
        content.secrets[account] = safeStorage.encryptString(secret).toString('base64');
        await write(content);
      });
    },
    delete(account) {
      return serialize(async () => {
        const content = await read();
        if (!(account in content.secrets)) return;
        delete content.secrets[account];
        await write(content);
      });
    },
  };
}
