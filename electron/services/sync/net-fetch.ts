import type { FetchLike } from './fetch-text';

/** The part of Electron's `net` module the sync service uses (no 'electron' import in services/). */
export interface ElectronNet {
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

/**
 * The sync service's fetch in the desktop app: Electron's `net.fetch`, which goes through
 * Chromium's network stack, so the operating system's proxy settings (PAC, WPAD, corporate
 * proxies) and certificate store (a company's own CA) apply, as they do in the browser. Node's
 * fetch knows neither. Cookies are left out (`credentials: 'omit'`): net.fetch would otherwise keep
 * CouchDB's AuthSession cookie in the Electron session's jar and send it after sign-out or to the
 * next user; the service keeps and sends the session cookie itself.
 */
export function electronNetFetch(net: ElectronNet): FetchLike {
  return (input, init) => net.fetch(input, { ...init, credentials: 'omit' });
}
