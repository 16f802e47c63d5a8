import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provision } from '../../scripts/lib/provision';
import { couchRequest } from '../../shared/couchdb/http';
import { createDoc } from '../../shared/domain/documents';
import { activityTime } from '../../shared/domain/activity-fields';
import type { Activity } from '../../shared/models';
import { startWebHost } from '../../electron/web-host/web-host';
import { accountAsPushed } from '../couchdb/fixtures';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { collectPageErrors, launchProfile, RENDERER_DIR, screenshot } from './browser';

/**
 * The reproduced fault, end to end: another client wrote an activity whose `at` is 9e15; every
 * laptop that pulled it showed a white page on the account's 360° page ("Invalid time value").
 * Now the activity is quarantined: the account's page renders, and the sync problems screen says why.
 */
let server: TestCouchServer;
const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  server = await startCouchServer();
  await provision({
    url: server.url,
    adminUser: server.adminAuth.user,
    adminPassword: server.adminAuth.password,
    team: 'acme',
    users: [{ name: 'ana', password: 'ana-pw', roles: ['manager'] }],
  });
}, 60_000);

afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
  await server?.stop();
});

const at = Date.now() - 3_600_000;
function activityAsPushed(id: string, when: number, summary: string): Record<string, unknown> {
  const { id: _id, ...rest } = createDoc<Activity>(
    {
      type: 'meeting',
      accountId: 'acc-e2e',
      contactId: '',
      dealId: '',
      ...activityTime(when),
      summary,
      body: '',
      outcome: '',
      durationMin: 30,
      taskState: 'none',
      dueAt: 0,
      reminderAt: 0,
      ownerId: 'ana',
    },
    'outro-sistema',
    at,
    id,
  );
  return { _id, ...rest };
}

describe("a document another client wrote past the server's checks (web mode, Chromium)", () => {
  it("is quarantined: the account's 360° page renders and the sync problems screen lists the reason", async () => {
    const put = (db: string, doc: Record<string, unknown>) =>
      couchRequest({ url: server.url, auth: server.adminAuth, timeoutMs: 15_000 }, 'PUT', `/${db}/${String(doc._id)}`, doc);
    expect((await put('acme-accounts', { ...accountAsPushed('Ferragens Confiáveis Ltda'), _id: 'acc-e2e' })).status).toBe(201);
    expect((await put('acme-activities', activityAsPushed('act-ok', at, 'Visita de apresentação'))).status).toBe(201);
    expect((await put('acme-activities', activityAsPushed('act-bad', 9e15, 'Data impossível'))).status).toBe(201);

    const dataDir = mkdtempSync(join(tmpdir(), 'carteira-e2e-trust-'));
    const host = await startWebHost({ port: 0, dataDir, rendererDir: RENDERER_DIR });
    const profile = await launchProfile();
    cleanup.push(async () => {
      await profile.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const ipc = async (channel: string, ...args: unknown[]) => {
      const res = await fetch(`${host.origin}/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-carteira-bridge': '1', cookie: host.cookie },
        body: JSON.stringify({ args }),
      });
      expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
    };
    await ipc('sync:setConfig', { url: server.url, team: 'acme', user: 'ana' });
    await ipc('sync:signIn', { password: 'ana-pw' });
    const page = await profile.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(host.url);
    await page.getByRole('status', { name: /Sincronização: Sincronizado$/ }).waitFor({ timeout: 30_000 });

    await page.goto(`${host.url}#/accounts/acc-e2e`);
    await page.getByRole('heading', { name: 'Horizonte' }).first().waitFor({ timeout: 10_000 });
    await page.getByText('Visita de apresentação').first().waitFor({ timeout: 10_000 });
    expect(await page.getByText('Data impossível').count()).toBe(0);
    await screenshot(page, 'sync-trust-account-360');

    await page.getByRole('status', { name: /^Sincronização/ }).click();
    await page.getByRole('link', { name: '1 problema de sincronização' }).click();
    await page.getByRole('heading', { name: 'Problemas de sincronização' }).waitFor();
    const card = page.getByRole('article', { name: 'Atividades · act-bad' });
    await card.getByText('at: data e hora impossível (depois de 01/01/2200)').waitFor();
    await screenshot(page, 'sync-trust-problems');
    expect(errors).toEqual([]);
  }, 90_000);
});
