/**
 * The web host's secret in Debian's Chromium (issue 9, "Trust"): the link `npm run web` prints
 * opens the app and leaves no secret in the address bar; a browser without it sees only "open the
 * link from the terminal"; and no other page — not even another server on 127.0.0.1, which is
 * same-site and so gets the SameSite cookie — can frame the app.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchProfile, screenshot, startTestHost } from './browser';

let host: Awaited<ReturnType<typeof startTestHost>>;
let framer: Server;
let framerOrigin: string;

beforeAll(async () => {
  host = await startTestHost();
  // A local page that frames whatever ?src= names, with no policy of its own against it.
  framer = createServer((request, response) => {
    const src = new URL(request.url ?? '/', 'http://x').searchParams.get('src') ?? '';
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(
      src
        ? `<!doctype html><title>framer</title><iframe id="target" src="${src}" width="800" height="500"></iframe>`
        : '<!doctype html><title>plain</title><p id="plain">framed fine</p>',
    );
  });
  await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
  framerOrigin = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await host?.close();
  await new Promise((resolve) => framer?.close(resolve));
});

describe('the printed link', () => {
  it('opens the app, trades the secret for an HttpOnly cookie and leaves it out of the address', async () => {
    const profile = await launchProfile(undefined, { signedIn: false });
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${host.link}#/accounts`);
      await page.getByRole('navigation').first().waitFor();
      expect(page.url()).toBe(`${host.url}/#/accounts`);
      expect(page.url()).not.toContain('token');
      const [cookie] = await profile.context.cookies(host.url);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(await page.evaluate(() => document.cookie)).toBe('');
      // Reloading and typing the address without the secret keep working: the cookie is enough.
      await page.reload();
      await page.getByRole('navigation').first().waitFor();
      await page.goto(`${host.url}/#/today`);
      await page.getByRole('navigation').first().waitFor();
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });

  it('a browser without it gets the "open the link from the terminal" page in pt-BR, and no app', async () => {
    const profile = await launchProfile(undefined, { signedIn: false });
    try {
      const page = await profile.context.newPage();
      const sockets: string[] = [];
      page.on('websocket', (ws) => sockets.push(ws.url()));
      const response = await page.goto(`${host.url}/#/accounts`);
      expect(response?.status()).toBe(401);
      await page.getByRole('heading', { name: 'Abra o Carteira pelo link do terminal' }).waitFor();
      await page.getByText('npm run web', { exact: false }).first().waitFor();
      await screenshot(page, 'web-secret-401');
      expect(await page.getByRole('navigation').count()).toBe(0);
      expect(sockets).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});

describe('framing', () => {
  it('another local page cannot frame the app, even with the cookie in the browser', async () => {
    const profile = await launchProfile(undefined, { signedIn: false });
    try {
      const page = await profile.context.newPage();
      await page.goto(host.link);
      await page.getByRole('navigation').first().waitFor();

      // The control: the framer's own page does load in its iframe.
      await page.goto(`${framerOrigin}/?src=${encodeURIComponent(`${framerOrigin}/`)}`);
      await expect
        .poll(
          () =>
            page
              .frames()
              .find((f) => f !== page.mainFrame())
              ?.locator('#plain')
              .count() ?? 0,
        )
        .toBe(1);

      const refusals: string[] = [];
      page.on('console', (m) => refusals.push(m.text()));
      await page.goto(`${framerOrigin}/?src=${encodeURIComponent(`${host.url}/#/accounts`)}`);
      await expect.poll(() => refusals.some((text) => /frame-ancestors|X-Frame-Options/i.test(text))).toBe(true);
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      expect(frame.url()).not.toContain(host.url);
      expect(await frame.getByRole('navigation').count()).toBe(0);
      await screenshot(page, 'web-secret-framed');
    } finally {
      await profile.close();
    }
  });
});
