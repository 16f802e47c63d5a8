import { isAllowedExternalUrl, isTrustedAppUrl } from './trusted-url';

/** An Electron event that can be cancelled; navigation events also carry the target URL. */
interface PreventableEvent {
  preventDefault(): void;
  readonly url?: string;
}

/** What Electron passes a permission request handler about the request (the parts the guard reads). */
export interface PermissionRequestDetails {
  readonly requestingUrl?: string;
  /** For `media`: what the page asked for. */
  readonly mediaTypes?: readonly string[];
}

/** What Electron passes a permission check handler about the check (the parts the guard reads). */
export interface PermissionCheckDetails {
  readonly requestingUrl?: string;
  /** For `media`: the one kind checked. */
  readonly mediaType?: string;
}

/** The parts of a Session the permission guard sets. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details?: PermissionRequestDetails) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin?: string, details?: PermissionCheckDetails) => boolean): void;
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
  /** shell.openExternal; only ever called with allow-listed https: URLs the user confirmed. */
  openExternal: (url: string) => Promise<void>;
  /**
   * Asks the user whether to open a link to a host not opened before in this run of the app (a link in
   * a synced note can point anywhere); resolves true to open it. Hosts confirmed once are not asked again.
   */
  confirmExternal: (url: string, host: string) => Promise<boolean>;
  /** Hosts confirmed so far; installSecurityGuards shares one set across every web contents. */
  confirmedHosts?: Set<string>;
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
 * <webview>, no permission but the camera for the app's own page.
 */
export function installSecurityGuards(app: WebContentsSource, deps: SecurityDeps): void {
  const shared = { ...deps, confirmedHosts: deps.confirmedHosts ?? new Set<string>() };
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shared));
}

export function guardWebContents(
  contents: GuardedContents,
  { openExternal, confirmExternal, confirmedHosts = new Set<string>(), openContactLink, warn = console.warn }: SecurityDeps,
): void {
  const openWeb = async (url: string) => {
    const host = new URL(url).host.toLowerCase();
    if (!confirmedHosts.has(host)) {
      if (!(await confirmExternal(url, host))) return;
      confirmedHosts.add(host);
    }
    await openExternal(url);
  };
  const openOutside = (url: string) => {
    if (isContactLink(url)) {
      openContactLink(url).catch((error: unknown) => warn(`security: refused to open ${url.slice(0, 200)}: ${String(error)}`));
      return;
    }
    if (!isAllowedExternalUrl(url)) {
      warn(`security: refused to open ${url}`);
      return;
    }
    openWeb(url).catch((error: unknown) => warn(`security: could not open ${url}: ${String(error)}`));
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

  guardPermissions(contents.session);
}

function isContactLink(url: string): boolean {
  return /^\s*(tel|mailto):/i.test(url);
}

const guardedSessions = new WeakSet<PermissionSession>();

/**
 * The camera (badge scanning) is the one permission Carteira uses, and only its own page may have it:
 * a `media` request that asks for video alone from app://carteira is granted; microphone, geolocation,
 * notifications, anything from another origin (or with no origin given) is refused.
 */
export function guardPermissions(session: PermissionSession): void {
  if (guardedSessions.has(session)) return;
  guardedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permission === 'media' && isTrustedAppUrl(details?.requestingUrl ?? '') && isCameraOnly(details?.mediaTypes)),
  );
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      permission === 'media' && details?.mediaType === 'video' && isTrustedAppUrl(details.requestingUrl ?? requestingOrigin ?? ''),
  );
}

function isCameraOnly(mediaTypes: readonly string[] | undefined): boolean {
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}
