import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startWebHost } from '../../electron/web-host/web-host';
import { provision } from '../../scripts/lib/provision';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { collectPageErrors, launchProfile, RENDERER_DIR } from './browser';

/** One manager's laptop in web mode: its own web host (main's services, its own user-data folder) and browser profile. */
export interface Laptop {
  page: Page;
  host: { url: string };
  errors: string[];
  /** Calls main's services of this laptop over the web host, as the renderer does. */
  ipc(channel: string, ...args: unknown[]): Promise<unknown>;
}

/**
 * Laptops signed in to one team on a CouchDB-protocol server (reached at `serverUrl`, usually a
 * fault proxy so a test can cut the network). `close()` closes every laptop opened.
 */
export function teamLaptops(serverUrl: () => string, team = 'acme') {
  const cleanup: (() => Promise<void>)[] = [];
  /** `clockAt`: the laptop's clock starts there (then flows as usual), for what happens days later. */
  async function laptop(user: string, password: string, clockAt?: Date): Promise<Laptop> {
    const dataDir = mkdtempSync(join(tmpdir(), `carteira-e2e-${user}-`));
    const host = await startWebHost({ port: 0, dataDir, rendererDir: RENDERER_DIR });
    const ipc = async (channel: string, ...args: unknown[]) => {
      const res = await fetch(`${host.origin}/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-carteira-bridge': '1', cookie: host.cookie },
        body: JSON.stringify({ args }),
      });
      const envelope = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.code}`);
      return envelope.value;
    };
    await ipc('sync:setConfig', { url: serverUrl(), team, user });
    await ipc('sync:signIn', { password });
    const profile = await launchProfile();
    if (clockAt) {
      await profile.context.clock.install({ time: clockAt });
      await profile.context.clock.resume();
    }
    const page = await profile.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    const errors = collectPageErrors(page);
    cleanup.push(async () => {
      await profile.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    // The laptop's user opens the printed link once; after that the cookie lets the plain address in.
    await page.goto(host.url);
    return { page, host: { url: host.origin }, errors, ipc };
  }
  async function close() {
    for (const c of cleanup.reverse()) await c();
    cleanup.length = 0;
  }
  return { laptop, close };
}

/** The sync status once everything is sent and received. */
export const SYNCED = /Sincronização: Sincronizado$/;

/**
 * The team's server for two managers, ana and bruno (passwords `<name>-pw`), on team `acme`, and the
 * fault proxy the laptops reach it through (so a test can cut the network).
 */
export async function startTeamServer(): Promise<{ server: TestCouchServer; network: FaultProxy; stop(): Promise<void> }> {
  const server = await startCouchServer();
  await provision({
    url: server.url,
    adminUser: server.adminAuth.user,
    adminPassword: server.adminAuth.password,
    team: 'acme',
    users: [
      { name: 'ana', password: 'ana-pw', roles: ['manager'] },
      { name: 'bruno', password: 'bruno-pw', roles: ['manager'] },
    ],
  });
  const network = await startFaultProxy(server.url);
  return {
    server,
    network,
    async stop() {
      await network.stop();
      await server.stop();
    },
  };
}
