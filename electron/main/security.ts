import { isAllowedExternalUrl, isTrustedAppUrl } from './trusted-url';

/** An Electron event that can be cancelled; navigation events also carry the target URL. */
interface PreventableEvent {
  preventDefault(): void;
  readonly url?: string;
}

/** The parts of a Session the permission guard sets. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** The parts of a WebContents the guards use (Electron's WebContents satisfies it; tests pass a fake). */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  // Electron's overloads type each event's listener differently; only `any` accepts them all.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, listener: (...args: any[]) => void): unknown;
  readonly session: PermissionSession;
}

export interface SecurityDeps {
  /** shell.openExternal; only ever called with allow-listed http(s) URLs. */
  openExternal: (url: string) => Promise<void>;
  /**
   * tel: and mailto: links (a clicked <a href> or window.open) go through the same checked path as
   * the renderer's shell:openExternal, so a link in a synced note cannot smuggle attachments or headers.
   */
  openContactLink: (url: string) => Promise<unknown>;
  /** Where refusals are reported; defaults to console.warn. */
  warn?: (message: string) => void;
}

/** The part of Electron's `app` used to see every new web contents. */
export interface WebContentsSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
}

/**
 * Guards every web contents the app ever creates (windows, devtools, anything a bug might open),
 * so no code path can forget one: no new windows, no navigation away from app://carteira, no
 * <webview>, no permissions.
 */
export function installSecurityGuards(app: WebContentsSource, deps: SecurityDeps): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, deps));
}

export function guardWebContents(contents: GuardedContents, { openExternal, openContactLink, warn = console.warn }: SecurityDeps): void {
  const openOutside = (url: string) => {
    if (isContactLink(url)) {
      openContactLink(url).catch((error: unknown) => warn(`security: refused to open ${url.slice(0, 200)}: ${String(error)}`));
      return;
    }
    if (!isAllowedExternalUrl(url)) {
      warn(`security: refused to open ${url}`);
      return;
    }
    openExternal(url).catch((error: unknown) => warn(`security: could not open ${url}: ${String(error)}`));
  };

  // target=_blank links and window.open: never a new Electron window; safe links go to the system.
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });

  // A clicked link replaces the page: keep the app, hand safe links to the system instead.
  contents.on('will-navigate', (event: PreventableEvent, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    if (isTrustedAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  });

  // Redirects and subframe navigations are never user clicks: refuse without opening anything.
  for (const name of ['will-redirect', 'will-frame-navigate']) {
    contents.on(name, (event: PreventableEvent, legacyUrl?: string) => {
      const url = event.url ?? legacyUrl ?? '';
      if (isTrustedAppUrl(url)) return;
      event.preventDefault();
      warn(`security: blocked ${name} to ${url}`);
    });
  }

  contents.on('will-attach-webview', (event: PreventableEvent) => {
    event.preventDefault();
    warn('security: blocked a <webview>');
  });

  denyAllPermissions(contents.session);
}

function isContactLink(url: string): boolean {
  return /^\s*(tel|mailto):/i.test(url);
}

const guardedSessions = new WeakSet<PermissionSession>();

/** Camera, microphone, geolocation, notifications…: Carteira needs none, so every request is refused. */
export function denyAllPermissions(session: PermissionSession): void {
  if (guardedSessions.has(session)) return;
  guardedSessions.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
