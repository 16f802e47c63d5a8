import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { APP_START_URL } from './trusted-url';
import {
  guardPermissions,
  guardWebContents,
  installSecurityGuards,
  type GuardedContents,
  type PermissionCheckDetails,
  type PermissionRequestDetails,
  type PermissionSession,
} from './security';

class FakeSession implements PermissionSession {
  requestHandler?: (wc: unknown, permission: string, callback: (granted: boolean) => void, details?: PermissionRequestDetails) => void;
  checkHandler?: (wc: unknown, permission: string, requestingOrigin?: string, details?: PermissionCheckDetails) => boolean;
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['checkHandler']>) {
    this.checkHandler = handler;
  }
}

class FakeContents extends EventEmitter implements GuardedContents {
  readonly session = new FakeSession();
  windowOpenHandler?: (details: { url: string }) => { action: 'deny' };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.windowOpenHandler = handler;
  }
  /** Emits a navigation-style event the way Electron 40 does; returns whether it was prevented. */
  navigate(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

/** Lets the guards' promises (confirmation, then opening) settle. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function setup({ confirm = true }: { confirm?: boolean } = {}) {
  const opened: string[] = [];
  const asked: string[] = [];
  const contactLinks: string[] = [];
  const warnings: string[] = [];
  const contents = new FakeContents();
  guardWebContents(contents, {
    openExternal: async (url) => void opened.push(url),
    confirmExternal: async (_url, host) => (asked.push(host), confirm),
    openContactLink: async (url) => void contactLinks.push(url),
    warn: (m) => void warnings.push(m),
  });
  return { contents, opened, asked, contactLinks, warnings };
}

describe('guardWebContents', () => {
  it('denies every new window and opens only allow-listed links outside', async () => {
    const { contents, opened, contactLinks } = setup();
    for (const url of ['https://example.com/a', 'mailto:ana@example.com', 'tel:+551199', 'file:///etc/passwd', 'javascript:alert(1)', APP_START_URL]) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    await settle();
    expect(opened).toEqual(['https://example.com/a']);
    // tel:/mailto: are never opened raw: they take the checked path of shell:openExternal.
    expect(contactLinks).toEqual(['mailto:ana@example.com', 'tel:+551199']);
  });

  it('routes a clicked tel:/mailto: link through the checked path and keeps the page', () => {
    const { contents, opened, contactLinks } = setup();
    expect(contents.navigate('will-navigate', 'TEL:+55 11 3333-4444')).toBe(true);
    expect(contents.navigate('will-navigate', 'mailto:ana@example.com?attach=/etc/passwd')).toBe(true);
    expect(opened).toEqual([]);
    expect(contactLinks).toEqual(['TEL:+55 11 3333-4444', 'mailto:ana@example.com?attach=/etc/passwd']);
  });

  it('reports a contact link the checked path refuses instead of throwing', async () => {
    const warnings: string[] = [];
    const contents = new FakeContents();
    guardWebContents(contents, {
      openExternal: async () => undefined,
      confirmExternal: async () => true,
      openContactLink: () => Promise.reject(new Error('external_url_refused')),
      warn: (m) => void warnings.push(m),
    });
    expect(contents.windowOpenHandler!({ url: 'mailto:x?attach=y' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(warnings.join()).toContain('external_url_refused');
  });

  it('keeps in-app navigation and blocks navigation elsewhere, sending safe links to the browser', async () => {
    const { contents, opened } = setup();
    expect(contents.navigate('will-navigate', 'app://carteira/index.html#/accounts')).toBe(false);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    await settle();
    expect(opened).toEqual(['https://evil.example/']);
  });

  it.each(['will-redirect', 'will-frame-navigate'])('blocks %s away from the app without opening anything', (name) => {
    const { contents, opened } = setup();
    expect(contents.navigate(name, 'https://evil.example/')).toBe(true);
    expect(contents.navigate(name, 'app://carteira/index.html')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('uses the legacy url argument when the event has none', () => {
    const { contents } = setup();
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
  });

  it('blocks <webview> attachment', () => {
    const { contents, warnings } = setup();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
    expect(warnings.some((w) => w.includes('webview'))).toBe(true);
  });

  it('denies every permission request and check', () => {
    const { contents } = setup();
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      contents.session.requestHandler!(contents, permission, (granted) => answers.push(granted));
      answers.push(contents.session.checkHandler!(contents, permission));
    }
    expect(answers).toHaveLength(8);
    expect(answers.every((a) => a === false)).toBe(true);
  });

  it('opens an https: link to a new host only after the user confirms, and asks once per host', async () => {
    const { contents, opened, asked } = setup();
    contents.windowOpenHandler!({ url: 'https://example.com/a' });
    await settle();
    expect(contents.navigate('will-navigate', 'https://EXAMPLE.com/b')).toBe(true);
    await settle();
    contents.windowOpenHandler!({ url: 'https://other.example/' });
    await settle();
    expect(asked).toEqual(['example.com', 'other.example']);
    expect(opened).toEqual(['https://example.com/a', 'https://EXAMPLE.com/b', 'https://other.example/']);
  });

  it('opens nothing when the user cancels, and asks again next time', async () => {
    const { contents, opened, asked } = setup({ confirm: false });
    contents.windowOpenHandler!({ url: 'https://phish.example/login' });
    await settle();
    contents.windowOpenHandler!({ url: 'https://phish.example/login' });
    await settle();
    expect(opened).toEqual([]);
    expect(asked).toEqual(['phish.example', 'phish.example']);
  });

  it('never opens plain http:, credentials in a link, or other schemes, and does not ask', async () => {
    const { contents, opened, asked, warnings } = setup();
    for (const url of ['http://example.com/', 'https://bank.com@evil.example/', 'smb://host/share', 'ms-msdt:foo', 'file:///etc/passwd']) {
      contents.windowOpenHandler!({ url });
      contents.navigate('will-navigate', url);
    }
    await settle();
    expect(opened).toEqual([]);
    expect(asked).toEqual([]);
    expect(warnings.filter((w) => w.startsWith('security: refused to open'))).toHaveLength(10);
  });

  it('grants the camera to the app page only, and nothing else to anyone', () => {
    const { contents } = setup();
    const request = (permission: string, details?: PermissionRequestDetails) => {
      let answer: boolean | undefined;
      contents.session.requestHandler!(contents, permission, (granted) => (answer = granted), details);
      return answer;
    };
    expect(request('media', { requestingUrl: APP_START_URL, mediaTypes: ['video'] })).toBe(true);
    // Microphone, or camera with microphone: refused.
    expect(request('media', { requestingUrl: APP_START_URL, mediaTypes: ['audio'] })).toBe(false);
    expect(request('media', { requestingUrl: APP_START_URL, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(request('media', { requestingUrl: APP_START_URL, mediaTypes: [] })).toBe(false);
    // Another origin (a page the window was tricked into, an iframe) or none at all: refused.
    expect(request('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    expect(request('media', { requestingUrl: 'app://carteira.evil.com/', mediaTypes: ['video'] })).toBe(false);
    expect(request('media', { mediaTypes: ['video'] })).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'display-capture']) {
      expect(request(permission, { requestingUrl: APP_START_URL, mediaTypes: ['video'] })).toBe(false);
    }

    const check = (permission: string, origin: string, details?: PermissionCheckDetails) =>
      contents.session.checkHandler!(contents, permission, origin, details);
    expect(check('media', 'app://carteira', { requestingUrl: APP_START_URL, mediaType: 'video' })).toBe(true);
    expect(check('media', 'app://carteira', { requestingUrl: APP_START_URL, mediaType: 'audio' })).toBe(false);
    expect(check('media', 'https://evil.example', { requestingUrl: 'https://evil.example/', mediaType: 'video' })).toBe(false);
    expect(check('geolocation', 'app://carteira', { requestingUrl: APP_START_URL })).toBe(false);
  });

  it('reports a failed openExternal instead of throwing', async () => {
    const warnings: string[] = [];
    const contents = new FakeContents();
    guardWebContents(contents, {
      openExternal: () => Promise.reject(new Error('no handler')),
      confirmExternal: async () => true,
      openContactLink: async () => undefined,
      warn: (m) => void warnings.push(m),
    });
    contents.windowOpenHandler!({ url: 'https://example.com' });
    await new Promise((r) => setTimeout(r, 0));
    expect(warnings.join()).toContain('no handler');
  });
});

describe('installSecurityGuards', () => {
  it('guards every web contents the app creates', () => {
    const app = new EventEmitter();
    installSecurityGuards(app as never, {
      openExternal: async () => undefined,
      confirmExternal: async () => true,
      openContactLink: async () => undefined,
      warn: () => undefined,
    });
    const first = new FakeContents();
    const second = new FakeContents();
    app.emit('web-contents-created', {}, first);
    app.emit('web-contents-created', {}, second);
    expect(first.windowOpenHandler && second.windowOpenHandler).toBeTypeOf('function');
    expect(second.navigate('will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('asks about a host once for the whole app, whichever window the link is in', async () => {
    const app = new EventEmitter();
    const asked: string[] = [];
    const opened: string[] = [];
    installSecurityGuards(app as never, {
      openExternal: async (url) => void opened.push(url),
      confirmExternal: async (_url, host) => (asked.push(host), true),
      openContactLink: async () => undefined,
      warn: () => undefined,
    });
    const first = new FakeContents();
    const second = new FakeContents();
    app.emit('web-contents-created', {}, first);
    app.emit('web-contents-created', {}, second);
    first.windowOpenHandler!({ url: 'https://docs.example.com/a' });
    await settle();
    second.windowOpenHandler!({ url: 'https://docs.example.com/b' });
    await settle();
    expect(asked).toEqual(['docs.example.com']);
    expect(opened).toEqual(['https://docs.example.com/a', 'https://docs.example.com/b']);
  });
});

describe('guardPermissions', () => {
  it('installs the handlers once per session', () => {
    let installs = 0;
    const session: PermissionSession = {
      setPermissionRequestHandler: () => void installs++,
      setPermissionCheckHandler: () => undefined,
    };
    guardPermissions(session);
    guardPermissions(session);
    expect(installs).toBe(1);
  });
});
