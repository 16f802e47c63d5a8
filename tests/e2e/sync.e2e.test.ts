import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultProxy } from '../helpers/fault-proxy';
import { screenshot } from './browser';
import { startTeamServer, SYNCED as synced, teamLaptops } from './team-laptops';

/** Both laptops reach the server through this proxy, so a test can take them offline. */
let network: FaultProxy;
let stopServer: (() => Promise<void>) | undefined;
const { laptop, close: closeLaptops } = teamLaptops(() => network.url);

beforeAll(async () => {
  ({ network, stop: stopServer } = await startTeamServer());
}, 60_000);

afterAll(async () => {
  await closeLaptops();
  await stopServer?.();
});

/** Edits one field of an account through the editor, as the user would. */
async function editAccount(page: import('playwright-core').Page, url: string, id: string, label: string | RegExp, value: string) {
  await page.goto(`${url}#/accounts/${id}/edit`);
  const field = typeof label === 'string' ? page.getByLabel(label, { exact: true }) : page.getByLabel(label);
  await field.fill(value);
  await page.getByRole('button', { name: 'Salvar' }).click();
  await page.getByRole('link', { name: 'Editar' }).waitFor();
}

describe('two managers syncing through the team server (web mode, Chromium)', () => {
  it("shows an account created on Ana's laptop on Bruno's, live", async () => {
    const ana = await laptop('ana', 'ana-pw');
    const bruno = await laptop('bruno', 'bruno-pw');
    for (const { page } of [ana, bruno]) await page.getByRole('status', { name: synced }).waitFor({ timeout: 30_000 });

    await ana.page.goto(`${ana.host.url}#/accounts/new`);
    await ana.page.getByLabel(/^Razão social/).fill('Cliente Compartilhado Ltda');
    await ana.page.getByLabel('Tipo de documento', { exact: true }).selectOption('none');
    await ana.page.getByRole('button', { name: 'Salvar' }).click();
    await ana.page.getByRole('heading', { name: 'Cliente Compartilhado Ltda' }).waitFor();
    const savedAt = Date.now();

    await bruno.page.getByRole('table', { name: 'Contas' }).getByRole('link', { name: 'Cliente Compartilhado Ltda' }).waitFor({ timeout: 10_000 });
    const seenAfterMs = Date.now() - savedAt;
    await screenshot(bruno.page, 'sync-bruno-sees-ana');
    // Loopback, live pull: a second is the promise to the user; allow CI jitter on top.
    expect(seenAfterMs).toBeLessThan(3000);
    await ana.page.getByRole('status', { name: synced }).waitFor({ timeout: 10_000 });
    expect(ana.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  });

  it('keeps both offline edits of one account, the later edit of a shared field wins and the other is reviewable', async () => {
    const ana = await laptop('ana', 'ana-pw');
    const bruno = await laptop('bruno', 'bruno-pw');
    await ana.page.goto(`${ana.host.url}#/accounts/new`);
    await ana.page.getByLabel(/^Razão social/).fill('Conta Disputada S.A.');
    await ana.page.getByLabel('Tipo de documento', { exact: true }).selectOption('none');
    await ana.page.getByLabel('Cidade', { exact: true }).fill('Recife');
    await ana.page.getByRole('button', { name: 'Salvar' }).click();
    await ana.page.getByRole('link', { name: 'Editar' }).waitFor();
    const id = new URL(ana.page.url()).hash.split('/')[2]!;
    await bruno.page.goto(`${bruno.host.url}#/accounts/${id}`);
    await bruno.page.getByRole('heading', { name: 'Conta Disputada S.A.' }).waitFor({ timeout: 10_000 });
    for (const { page } of [ana, bruno]) await page.getByRole('status', { name: synced }).waitFor({ timeout: 30_000 });

    network.down();
    // Offline, both keep working: Ana changes the city and the trade name, Bruno the phone and, later, the trade name.
    await editAccount(ana.page, ana.host.url, id, 'Cidade', 'Olinda');
    await editAccount(ana.page, ana.host.url, id, 'Nome fantasia', 'Disputada (Ana)');
    await editAccount(bruno.page, bruno.host.url, id, 'Telefone', '(81) 98888-7777');
    await new Promise((r) => setTimeout(r, 50));
    await editAccount(bruno.page, bruno.host.url, id, 'Nome fantasia', 'Disputada (Bruno)');
    // Out of reach is the calm offline state with the changes waiting, not a red sync error.
    await ana.page
      .getByRole('status', { name: /^Sincronização: Sem conexão com o servidor — trabalhando neste computador · \d+ alteraç(ão|ões) por enviar$/ })
      .waitFor({ timeout: 10_000 });
    await screenshot(ana.page, 'sync-offline');

    network.up();
    for (const { page, host } of [ana, bruno]) {
      await page.goto(`${host.url}#/accounts/${id}`);
      await expect.poll(async () => page.getByText('Olinda').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await expect.poll(async () => page.getByText('(81) 98888-7777', { exact: true }).count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await page.getByRole('heading', { name: 'Disputada (Bruno)' }).waitFor({ timeout: 60_000 });
    }

    // Ana's losing trade name is kept in a conflict record on the device that merged, and restores in one click.
    let reviewer: typeof ana | undefined;
    // The device that merged wrote the record; under load it may land a moment after the merged document shows.
    await expect
      .poll(
        async () => {
          for (const device of [ana, bruno]) {
            await device.page.goto(`${device.host.url}#/conflicts`);
            await device.page.getByRole('heading', { name: 'Conflitos', level: 2 }).waitFor();
            // The heading renders before the log's query answers: wait for the list (or its empty state).
            await device.page
              .getByText(/^(\d+ conflitos?|Nenhum conflito)/)
              .first()
              .waitFor();
            if ((await device.page.getByText('Disputada (Ana)').count()) > 0) reviewer = device;
          }
          return reviewer !== undefined;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(reviewer, "a conflict record with Ana's value").toBeDefined();
    // The log replicates with the team: Ana, whose value lost, sees the record on her own laptop,
    // told in her words, whichever laptop merged; she restores it from there.
    await expect
      .poll(
        async () => {
          await ana.page.goto(`${ana.host.url}#/conflicts`);
          await ana.page
            .getByText(/^(\d+ conflitos?|Nenhum conflito)/)
            .first()
            .waitFor();
          return ana.page.getByRole('note').filter({ hasText: 'Seu valor foi substituído pelo de bruno.' }).count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    reviewer = ana;
    await screenshot(reviewer.page, 'sync-conflicts');
    // One record for the trade name; its sort key follows it and is never a conflict of its own.
    const records = reviewer.page.getByRole('article');
    expect(await records.count()).toBe(1);
    await records.filter({ hasText: 'Nome fantasia' }).getByRole('button', { name: 'Restaurar' }).click();
    for (const { page, host } of [ana, bruno]) {
      await page.goto(`${host.url}#/accounts/${id}`);
      await page.getByRole('heading', { name: 'Disputada (Ana)' }).waitFor({ timeout: 60_000 });
    }
    expect(ana.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  });
});
