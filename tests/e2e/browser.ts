import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Flags Debian's Chromium needs on these machines (DESIGN.md §6). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * The test hosts running in this process (startTestHost). A profile starts with their cookies, as a
 * browser holds them after its user opened each printed link once: tests then open plain addresses
 * (`${host.url}#/accounts`), and a hash change stays a same-document navigation as in the app,
 * instead of every goto reloading the app through the link's redirect.
 */
const runningHosts = new Set<{ origin: string; cookie: string }>();

/**
 * A persistent browser profile (like a user's), so IndexedDB survives page reloads and restarts.
 * `signedIn: false` leaves out the test hosts' cookies (a browser that never opened the link).
 */
export async function launchProfile(profileDir?: string, { signedIn = true }: { signedIn?: boolean } = {}) {
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'carteira-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROME_PATH,
    args: CHROMIUM_FLAGS,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'pt-BR',
  });
  if (signedIn) for (const host of runningHosts) await addHostCookie(context, host);
  return {
    context,
    dir,
    async close(removeProfile = true) {
      await context.close();
      if (removeProfile) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_FLAGS, headless: true });
}

/**
 * Gives a browser context the host's cookie without opening the link, for callers that must not
 * load the app first (the bench opens its own page before the app touches IndexedDB).
 */
export async function addHostCookie(context: BrowserContext, host: { origin: string; cookie: string }): Promise<void> {
  const at = host.cookie.indexOf('=');
  await context.addCookies([{ name: host.cookie.slice(0, at), value: host.cookie.slice(at + 1), url: host.origin, httpOnly: true, sameSite: 'Strict' }]);
}

/** Screenshots of key screens land in test-results/screenshots for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = resolve('test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Fails the test on any uncaught page error or console error (a broken screen must not pass). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/**
 * Loads the demo portfolio from the empty accounts screen and waits until the list counts it
 * (the sample-data e2e test checks this path itself, step by step).
 */
export async function loadSampleData(page: Page, url: string): Promise<void> {
  const { SAMPLE_SIZES } = await import('../../shared/sample-data');
  await page.goto(url);
  await page.getByRole('button', { name: 'Carregar dados de exemplo' }).click();
  await page.getByText(`${SAMPLE_SIZES.S.accounts} contas`).waitFor({ timeout: 90_000 });
}

/** The built renderer the e2e hosts serve; CARTEIRA_RENDERER_DIR lets parallel work build into its own folder. */
export const RENDERER_DIR = resolve(process.env.CARTEIRA_RENDERER_DIR ?? 'dist/renderer');

/**
 * A web-mode host (main's services over HTTP) on a free port, with its own user-data folder.
 * `url` is its address (http://127.0.0.1:port, no secret): profiles launched while it runs already
 * hold its cookie (see runningHosts). `link` is what `npm run web` prints, secret included, for
 * tests of the link itself; `cookie` is for clients that are not a browser.
 */
export async function startTestHost() {
  const { startWebHost } = await import('../../electron/web-host/web-host');
  const dataDir = mkdtempSync(join(tmpdir(), 'carteira-e2e-data-'));
  const host = await startWebHost({ port: 0, dataDir, rendererDir: RENDERER_DIR });
  const session = { origin: host.origin, cookie: host.cookie };
  runningHosts.add(session);
  return {
    url: host.origin,
    link: host.url,
    cookie: host.cookie,
    dataDir,
    async close() {
      runningHosts.delete(session);
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
