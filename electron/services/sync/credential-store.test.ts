import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryCredentialStore, credentialAccount } from './credential-store';
import { createSafeStorageCredentialStore, CREDENTIALS_FILE_NAME, type SafeStorageLike } from './safe-storage-credential-store';

const PASSWORD = 'correct horse battery staple';
const ACCOUNT = credentialAccount('http://127.0.0.1:5984', 'ana');

/** Reversible, but the output shares nothing readable with the input (like the real thing). */
function fakeSafeStorage({ available = true, backend }: { available?: boolean; backend?: string } = {}): SafeStorageLike & { encrypted: number } {
  const key = 0x5a;
  const fake = {
    encrypted: 0,
    isEncryptionAvailable: () => available,
    encryptString: (plain: string) => {
      fake.encrypted++;
      return Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').map((b) => b ^ key)]);
    },
    decryptString: (blob: Buffer) => {
      if (blob.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(blob.subarray(3).map((b) => b ^ key)).toString('utf8');
    },
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
  return fake;
}

let dir: string;
const warnings: string[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carteira-credentials-'));
  warnings.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
const warn = (message: string) => void warnings.push(message);

describe('createSafeStorageCredentialStore', () => {
  it('stores the password encrypted: the file never holds it in plain text or base64', async () => {
    const safeStorage = fakeSafeStorage();
    const store = createSafeStorageCredentialStore({ safeStorage, dir, warn });
    expect(store.persistent).toBe(true);
    await store.set(ACCOUNT, PASSWORD);
    const text = await readFile(join(dir, CREDENTIALS_FILE_NAME), 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(text).toContain(ACCOUNT);
    expect(safeStorage.encrypted).toBe(1);
    if (process.platform !== 'win32') expect((await stat(join(dir, CREDENTIALS_FILE_NAME))).mode & 0o077).toBe(0);
    // A new store over the same folder (the next app start) reads it back.
    expect(await createSafeStorageCredentialStore({ safeStorage, dir, warn }).get(ACCOUNT)).toBe(PASSWORD);
  });

  it('keeps accounts apart, deletes one, and answers null for an unknown one', async () => {
    const store = createSafeStorageCredentialStore({ safeStorage: fakeSafeStorage(), dir, warn });
    const other = credentialAccount('http://127.0.0.1:5984', 'bia');
    await Promise.all([store.set(ACCOUNT, PASSWORD), store.set(other, 'another')]);
    await store.delete(ACCOUNT);
    expect(await store.get(ACCOUNT)).toBeNull();
    expect(await store.get(other)).toBe('another');
    await store.delete('never-stored');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['encryption is unavailable', fakeSafeStorage({ available: false })],
    ['Linux fell back to the basic_text backend', fakeSafeStorage({ backend: 'basic_text' })],
  ])('refuses to store when %s, with encryption_unavailable, and writes nothing', async (_label, safeStorage) => {
    const store = createSafeStorageCredentialStore({ safeStorage, dir, warn });
    await expect(store.set(ACCOUNT, PASSWORD)).rejects.toMatchObject({ code: 'encryption_unavailable' });
    expect(await readdir(dir)).toEqual([]);
    expect(await store.get(ACCOUNT)).toBeNull();
  });

  it('answers null (and warns) when the blob no longer decrypts, e.g. after a keychain reset', async () => {
    await createSafeStorageCredentialStore({ safeStorage: fakeSafeStorage(), dir, warn }).set(ACCOUNT, PASSWORD);
    const broken: SafeStorageLike = {
      ...fakeSafeStorage(),
      decryptString: () => {
        throw new Error('keychain reset');
      },
    };
    expect(await createSafeStorageCredentialStore({ safeStorage: broken, dir, warn }).get(ACCOUNT)).toBeNull();
    expect(warnings.join()).toContain('keychain reset');
  });
});

describe('createMemoryCredentialStore', () => {
  it('says it is not persistent and forgets on request', async () => {
    const store = createMemoryCredentialStore();
    expect(store.persistent).toBe(false);
    await store.set(ACCOUNT, PASSWORD);
    expect(await store.get(ACCOUNT)).toBe(PASSWORD);
    expect(await createMemoryCredentialStore().get(ACCOUNT)).toBeNull();
    await store.delete(ACCOUNT);
    expect(await store.get(ACCOUNT)).toBeNull();
  });
});
