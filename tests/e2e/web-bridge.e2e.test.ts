/**
 * The web bridge in Debian's Chromium: why it is a WebSocket, and that the app's CSP lets it through.
 *
 * The page is served by the real host with the app's CSP (header and meta tag); the bridge module
 * itself is bundled and evaluated in the page, so the calls are the renderer's own code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { startWebHost } from '../../electron/web-host/web-host';
import { createSlowSyncServices, slowFetchRequest } from '../helpers/slow-sync-services';
import { collectPageErrors, launchBrowser, RENDERER_DIR } from './browser';

/** Long enough that a call queued behind the long-polls is unmistakable. */
const SLOW_MS = 2_000;
const LONG_POLLS = 12;

let host: Awaited<ReturnType<typeof startWebHost>>;
let dir: string;
let browser: Browser;
let bridgeBundle: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carteira-e2e-bridge-'));
  const rendererDir = join(dir, 'renderer');
  const dataDir = join(dir, 'data');
  mkdirSync(rendererDir);
  writeFileSync(
    join(rendererDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"><link rel="icon" href="data:,"><title>bridge</title></head><body></body></html>`,
  );
  host = await startWebHost({ port: 0, dataDir, rendererDir, services: createSlowSyncServices(dataDir) });
  const bundled = await build({
    entryPoints: [resolve('renderer/src/platform/web-bridge.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'CarteiraWebBridge',
    platform: 'browser',
    target: 'es2022',
    // page.evaluate runs the bundle inside a function, where its `var` would stay local.
    footer: { js: 'globalThis.CarteiraWebBridge = CarteiraWebBridge;' },
    write: false,
  });
  bridgeBundle = bundled.outputFiles[0]!.text;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = collectPageErrors(page);
  await page.goto(host.url);
  return { page, errors };
}

interface Timings {
  fast: { ok: boolean; value?: unknown };
  fastMs: number;
  slow: Array<{ ok: boolean }>;
  slowMs: number;
}

describe('web bridge in Chromium', () => {
  it(`answers a fast call while ${LONG_POLLS} slow sync:fetch long-polls are open`, async () => {
    const { page, errors } = await openPage();
    await page.evaluate(bridgeBundle);
    const timings = await page.evaluate(
      async ({ requests }): Promise<Timings> => {
        const { createWebBridge } = (globalThis as unknown as { CarteiraWebBridge: typeof import('../../renderer/src/platform/web-bridge') }).CarteiraWebBridge;
        const bridge = createWebBridge();
        const started = performance.now();
        const slow = Promise.all(requests.map((request) => bridge.invoke('sync:fetch', request)));
        const fast = await bridge.invoke('app:info');
        const fastMs = performance.now() - started;
        const slowDone = await slow;
        return { fast, fastMs, slow: slowDone, slowMs: performance.now() - started };
      },
      { requests: Array.from({ length: LONG_POLLS }, (_, i) => slowFetchRequest(SLOW_MS, i)) },
    );
    expect(timings.fast).toMatchObject({ ok: true, value: { mode: 'web' } });
    expect(timings.fastMs).toBeLessThan(SLOW_MS / 2);
    expect(timings.slow).toHaveLength(LONG_POLLS);
    expect(timings.slow.every((envelope) => envelope.ok)).toBe(true);
    // All long-polls ran at once rather than six at a time.
    expect(timings.slowMs).toBeLessThan(SLOW_MS * 1.9);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('(the problem it solves) over POST /ipc the same fast call waits behind the long-polls', async () => {
    const { page } = await openPage();
    const timings = await page.evaluate(
      async ({ requests }): Promise<Pick<Timings, 'fastMs'>> => {
        const post = (channel: string, args: unknown[]) =>
          fetch(`/ipc/${encodeURIComponent(channel)}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Carteira-Bridge': '1' },
            body: JSON.stringify({ args }),
          }).then((r) => r.json() as Promise<unknown>);
        const started = performance.now();
        const slow = Promise.all(requests.map((request) => post('sync:fetch', [request])));
        await post('app:info', []);
        const fastMs = performance.now() - started;
        await slow;
        return { fastMs };
      },
      { requests: Array.from({ length: LONG_POLLS }, (_, i) => slowFetchRequest(SLOW_MS, i)) },
    );
    // Chromium's 6 connections per host: app:info only got one after the first long-polls ended.
    expect(timings.fastMs).toBeGreaterThanOrEqual(SLOW_MS * 0.9);
    await page.close();
  });

  it("CSP connect-src 'self' allows the page's own ws:// origin and still blocks others", async () => {
    const { page, errors } = await openPage();
    const result = await page.evaluate(async () => {
      const tryOpen = (url: string) =>
        new Promise<string>((resolvePromise) => {
          let socket: WebSocket;
          try {
            socket = new WebSocket(url);
          } catch (error) {
            resolvePromise(`threw ${(error as Error).name}`);
            return;
          }
          socket.onopen = () => (socket.close(), resolvePromise('open'));
          socket.onerror = () => resolvePromise('error');
        });
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      const own = await tryOpen(`ws://${location.host}/ws`);
      const foreign = await tryOpen('ws://127.0.0.1:9/ws');
      await new Promise((r) => setTimeout(r, 50));
      return { own, foreign, violations };
    });
    expect(result.own).toBe('open');
    expect(result.foreign).not.toBe('open');
    // Reported once per policy: the header and the meta tag both enforce it.
    expect(result.violations.length).toBeGreaterThan(0);
    for (const violation of result.violations) expect(violation).toMatch(/^connect-src ws:\/\/127\.0\.0\.1:9\//);
    // The foreign attempt is reported on the console by the CSP; only that one.
    expect(errors.filter((e) => !/127\.0\.0\.1:9/.test(e))).toEqual([]);
    await page.close();
  });

  it('the built app opens exactly one socket to /ws for its calls', async () => {
    const appHost = await startWebHost({ port: 0, dataDir: join(dir, 'app-data'), rendererDir: RENDERER_DIR });
    try {
      const page = await browser.newPage();
      const errors = collectPageErrors(page);
      const sockets: string[] = [];
      page.on('websocket', (ws) => sockets.push(ws.url()));
      await page.goto(appHost.url);
      await page.getByRole('navigation').first().waitFor();
      await expect.poll(() => sockets.length).toBeGreaterThan(0);
      expect(sockets).toEqual([`${appHost.origin.replace('http:', 'ws:')}/ws`]);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await appHost.close();
    }
  });
});
