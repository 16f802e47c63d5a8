/**
 * Where the sync password is kept so main can sign in again by itself (after a restart, or when
 * CouchDB's session cookie expires). The renderer never reads it.
 */
export interface CredentialStore {
  /** false when secrets live only in this process's memory (web mode): the UI says so. */
  readonly persistent: boolean;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

/**
 * Web mode: the password stays in the host's memory only. A browser page has no OS keychain to
 * reach, and writing it to disk in plain text is exactly what safeStorage exists to avoid.
 */
export function createMemoryCredentialStore(): CredentialStore {
  const secrets = new Map<string, string>();
  return {
    persistent: false,
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => void secrets.set(account, secret),
    delete: async (account) => void secrets.delete(account),
  };
}

/** The credential account of one user on one server (URL already normalized). */
export function credentialAccount(serverUrl: string, user: string): string {
  return `${user}@${serverUrl}`;
}
