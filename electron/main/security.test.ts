import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { APP_START_URL } from './trusted-url';
import { denyAllPermissions, guardWebContents, installSecurityGuards, type GuardedContents, type PermissionSession } from './security';

class FakeSession implements PermissionSession {
  requestHandler?: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
  checkHandler?: (wc: unknown, permission: string) => boolean;
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

function setup() {
  const opened: string[] = [];
  const contactLinks: string[] = [];
  const warnings: string[] = [];
  const contents = new FakeContents();
  guardWebContents(contents, {
    openExternal: async (url) => void opened.push(url),
    openContactLink: async (url) => void contactLinks.push(url),
    warn: (m) => void warnings.push(m),
  });
  return { contents, opened, contactLinks, warnings };
}

describe('guardWebContents', () => {
  it('denies every new window and opens only allow-listed links outside', () => {
    const { contents, opened, contactLinks } = setup();
    for (const url of ['https://example.com/a', 'mailto:ana@example.com', 'tel:+551199', 'file:///etc/passwd', 'javascript:alert(1)', APP_START_URL]) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
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
      openContactLink: () => Promise.reject(new Error('external_url_refused')),
      warn: (m) => void warnings.push(m),
    });
    expect(contents.windowOpenHandler!({ url: 'mailto:x?attach=y' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(warnings.join()).toContain('external_url_refused');
  });

  it('keeps in-app navigation and blocks navigation elsewhere, sending safe links to the browser', () => {
    const { contents, opened } = setup();
    expect(contents.navigate('will-navigate', 'app://carteira/index.html#/accounts')).toBe(false);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
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

  it('reports a failed openExternal instead of throwing', async () => {
    const warnings: string[] = [];
    const contents = new FakeContents();
    guardWebContents(contents, {
      openExternal: () => Promise.reject(new Error('no handler')),
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
    installSecurityGuards(app as never, { openExternal: async () => undefined, openContactLink: async () => undefined, warn: () => undefined });
    const first = new FakeContents();
    const second = new FakeContents();
    app.emit('web-contents-created', {}, first);
    app.emit('web-contents-created', {}, second);
    expect(first.windowOpenHandler && second.windowOpenHandler).toBeTypeOf('function');
    expect(second.navigate('will-navigate', 'https://evil.example/')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('installs the handlers once per session', () => {
    let installs = 0;
    const session: PermissionSession = {
      setPermissionRequestHandler: () => void installs++,
      setPermissionCheckHandler: () => undefined,
    };
    denyAllPermissions(session);
    denyAllPermissions(session);
    expect(installs).toBe(1);
  });
});
