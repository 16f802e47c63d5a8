/** The scheme and host the renderer is served from in Electron (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'carteira';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page main loads into the window. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Protocols the user may open in their own browser/mail/phone app from a link (never plain http:). */
export const EXTERNAL_PROTOCOLS: readonly string[] = ['https:', 'mailto:', 'tel:'];

/** The parts of Electron's WebFrameMain the sender check needs. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * True for URLs of our own app:// origin. Compared part by part because Node's URL reports the
 * origin of a non-special scheme as "null", while Chromium (where `app` is registered as standard)
 * reports "app://carteira".
 */
export function isTrustedAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== undefined &&
    parsed.protocol === `${APP_SCHEME}:` &&
    // Chromium lowercases the host of a standard scheme; Node keeps an opaque host as typed.
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Only our own main frame may call IPC: not an iframe, not a page that navigated elsewhere. */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  return frame != null && frame.parent === null && isTrustedAppUrl(frame.url);
}

/** Links that may leave the app, to the system's default handler (browser, mail, phone). */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url);
  if (parsed === undefined || !EXTERNAL_PROTOCOLS.includes(parsed.protocol)) return false;
  // Credentials in a link are a phishing pattern (https://bank.com@evil.example/).
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'https:' && parsed.hostname === '') return false;
  return true;
}
