import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { couchRequest } from '../../shared/couchdb/http';
import { provision } from '../../scripts/lib/provision';
import { startWebHost } from '../../electron/web-host/web-host';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { collectPageErrors, launchProfile, RENDERER_DIR, screenshot } from './browser';

let server: TestCouchServer;
const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  server = await startCouchServer();
  await provision({
    url: server.url,
    adminUser: server.adminAuth.user,
    adminPassword: server.adminAuth.password,
    team: 'demo',
    users: [{ name: 'ana', password: 'ana-pw', roles: ['manager'] }],
  });
}, 60_000);

afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
  await server?.stop();
});

async function namesOnServer(database: string): Promise<string[]> {
  const response = await couchRequest({ url: server.url, auth: server.adminAuth, timeoutMs: 10_000 }, 'GET', `/${database}/_all_docs?include_docs=true`);
  return (response.body as { rows: { id: string; doc: { name?: string } }[] }).rows.filter((r) => !r.id.startsWith('_design/')).map((r) => r.doc.name ?? '');
}

async function createAccount(page: Page, url: string, name: string) {
  await page.goto(`${url}#/accounts/new`);
  await page.getByLabel(/^Razão social/).fill(name);
  await page.getByLabel('Tipo de documento', { exact: true }).selectOption('none');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await page.getByRole('heading', { name }).waitFor();
}

describe("signing in to a team opens its own data; this computer's data moves only when asked (web mode, Chromium)", () => {
  it('keeps local accounts off the team until the confirmed copy, and shows them again after signing out', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'carteira-e2e-switch-'));
    const host = await startWebHost({ port: 0, dataDir, rendererDir: RENDERER_DIR });
    const profile = await launchProfile();
    cleanup.push(async () => {
      await profile.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const page = await profile.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(host.url);
    await createAccount(page, host.url, 'Conta Antes da Equipe Ltda');

    await page.goto(`${host.url}#/settings`);
    await page.getByText('Abertos agora: os dados deste computador, sem servidor.').waitFor();
    await page.getByLabel(/^Endereço do servidor/).fill(server.url);
    await page.getByLabel(/^Equipe/).fill('demo');
    await page.getByLabel(/^Usuário/).fill('ana');
    await page.getByLabel(/^Senha/).fill('ana-pw');
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await page.getByText(`Abertos agora: os dados da equipe demo em ${server.url}.`).waitFor({ timeout: 20_000 });
    await page.getByText('Conectado como ana na equipe demo.').waitFor();

    // The team's data is its own: the local account is neither shown nor pushed.
    await page.goto(`${host.url}#/accounts`);
    await page.getByText(/Dados de exemplo só existem nos dados deste computador/).waitFor();
    expect(await page.getByRole('button', { name: 'Carregar dados de exemplo' }).count()).toBe(0);
    expect(await namesOnServer('demo-accounts')).toEqual([]);

    await page.goto(`${host.url}#/settings`);
    await page.getByRole('button', { name: 'Copiar os dados deste computador para a equipe demo…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copiar os dados deste computador para a equipe demo?' });
    await dialog.getByText('1 registro será copiado:').waitFor();
    await dialog.getByText('1 conta', { exact: true }).waitFor();
    await screenshot(page, 'team-switch-copy-confirm');
    await dialog.getByRole('button', { name: 'Copiar 1 registro' }).click();
    await page.getByText('1 registro copiado para a equipe demo; ele será enviado ao servidor.').waitFor();
    await expect.poll(() => namesOnServer('demo-accounts'), { timeout: 20_000 }).toEqual(['Conta Antes da Equipe Ltda']);

    // A typo in the team: main keeps the new team (the session stays), so its own, empty database
    // opens and the page remounts around it — the form still says what went wrong and keeps what was typed.
    await page.getByLabel(/^Equipe/).fill('demo-typo');
    await page.getByLabel(/^Senha/).fill('ana-pw');
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await page.getByText(`Abertos agora: os dados da equipe demo-typo em ${server.url}.`).waitFor({ timeout: 20_000 });
    await page
      .getByRole('alert')
      .getByText(/Esta equipe ainda não foi preparada no servidor/)
      .waitFor();
    expect(await page.getByLabel(/^Equipe/).inputValue()).toBe('demo-typo');
    await page.getByLabel(/^Equipe/).fill('demo');
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await page.getByText(`Abertos agora: os dados da equipe demo em ${server.url}.`).waitFor({ timeout: 20_000 });

    // Signing out: this computer's no-server data is open again; the team's waits for the next sign-in.
    await createAccount(page, host.url, 'Conta Só da Equipe Ltda');
    await page.goto(`${host.url}#/settings`);
    await page.getByRole('button', { name: 'Sair', exact: true }).click();
    await page.getByText('Abertos agora: os dados deste computador, sem servidor.').waitFor({ timeout: 20_000 });
    await page.goto(`${host.url}#/accounts`);
    const list = page.getByRole('table', { name: 'Contas' });
    await list.getByRole('link', { name: 'Conta Antes da Equipe Ltda' }).waitFor();
    expect(await list.getByRole('link', { name: 'Conta Só da Equipe Ltda' }).count()).toBe(0);
    await screenshot(page, 'team-switch-signed-out');
    expect(errors).toEqual([]);
  });
});
