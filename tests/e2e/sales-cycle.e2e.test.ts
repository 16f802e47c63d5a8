import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchRequest } from '../../shared/couchdb/http';
import { localIsoDay } from '../../shared/domain/local-day';
import { productAsPushed } from '../couchdb/fixtures';
import type { TestCouchServer } from '../helpers/couch-server';
import type { FaultProxy } from '../helpers/fault-proxy';
import { seriousViolations } from './axe';
import { screenshot } from './browser';
import { startTeamServer, SYNCED, teamLaptops, type Laptop } from './team-laptops';

/**
 * Issue 10's cycle end to end, on a laptop cut from the team's server: a lead becomes a prospect,
 * its deal goes through every stage by mouse and by keyboard with an objection answered, a
 * proposal PDF is produced and read back, the deal is won, a contract with a referral clause is
 * signed and an order is delivered in two shipments (the second late); the referral task appears
 * and the account's page shows it all. Then the network returns and a second laptop sees the same.
 */
let server: TestCouchServer;
let network: FaultProxy;
let stopServer: (() => Promise<void>) | undefined;
const { laptop, close: closeLaptops } = teamLaptops(() => network.url);

beforeAll(async () => {
  ({ server, network, stop: stopServer } = await startTeamServer());
  // The team's catalogue, as the catalogue admin published it.
  const product: Record<string, unknown> = {
    ...productAsPushed('EMB-0042'),
    name: 'Caixa de papelão ondulado 40×30',
    nameSort: 'caixa de papelao ondulado 40x30',
  };
  const put = await couchRequest({ url: server.url, auth: server.adminAuth, timeoutMs: 15_000 }, 'PUT', `/acme-products/${String(product._id)}`, product);
  expect(put.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await closeLaptops();
  await stopServer?.();
});

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  return parts.join('\n').replace(/\s+/g, ' ');
}

const column = (page: Page, stage: string): Locator => page.locator(`section[data-stage="${stage}"]`);

/** Drags with the real mouse, in steps, as a person does (dnd-kit starts after 6 px). */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 12);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + 20, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + 120, { steps: 12 });
  await page.mouse.up();
}

/** An ISO day `days` after `from`, and as typed in pt-BR. */
function dayAfter(from: string, days: number): { iso: string; typed: string } {
  const d = new Date(`${from}T12:00:00`);
  d.setDate(d.getDate() + days);
  const iso = localIsoDay(d);
  return { iso, typed: iso.split('-').reverse().join('/') };
}

/** Fills a date field as typed and leaves it, as a person does. */
async function typeDay(field: Locator, typed: string) {
  await field.click();
  await field.fill(typed);
  await field.press('Enter');
  await field.press('Tab');
}

const offline = /^Sincronização: Sem conexão com o servidor — trabalhando neste computador/;

describe('the sales cycle, offline, then on a second laptop (web mode, Chromium)', () => {
  it('carries a lead through deal, proposal, contract, order and referral, and the team sees it all', async () => {
    const ana = await laptop('ana', 'ana-pw');
    const { page } = ana;
    try {
      await cycle(ana);
    } catch (e) {
      // What the screen showed when a step failed, for the person reading the failure.
      await screenshot(page, 'cycle-failure');
      throw e;
    }
    expect(ana.errors).toEqual([]);
  }, 300_000);
});

async function cycle(ana: Laptop) {
  const { page } = ana;
  const url = ana.host.url;
  await page.getByRole('status', { name: SYNCED }).waitFor({ timeout: 30_000 });
  // Before leaving for the client, the team's catalogue is on the laptop.
  await page.goto(`${url}#/catalogue`);
  await page.getByText('Caixa de papelão ondulado 40×30').first().waitFor({ timeout: 30_000 });
  network.down();
  await page.getByRole('status', { name: offline }).waitFor({ timeout: 30_000 });

  // A lead, then a prospect.
  await page.goto(`${url}#/accounts/new`);
  await page.getByLabel(/^Razão social/).fill('Confeitaria Aurora Ltda');
  await page.getByLabel('Tipo de documento', { exact: true }).selectOption('none');
  await page.getByLabel('Status', { exact: true }).selectOption('lead');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await page.getByRole('heading', { name: 'Confeitaria Aurora Ltda' }).waitFor();
  const accountId = new URL(page.url()).hash.split('/')[2]!;
  await page.getByRole('link', { name: 'Editar' }).click();
  await page.getByLabel('Status', { exact: true }).selectOption('prospect');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await page.getByRole('link', { name: 'Editar' }).waitFor();
  await page.getByText('Prospect').first().waitFor();

  // Its first deal, opened from the account's page.
  await page.getByRole('region', { name: 'Negócios em aberto' }).getByRole('button', { name: 'Novo negócio' }).click();
  const newDeal = page.getByRole('dialog', { name: 'Novo negócio' });
  await newDeal.getByLabel(/^Título/).fill('Embalagens para o Natal');
  await screenshot(page, 'cycle-new-deal');
  await newDeal.getByRole('button', { name: 'Criar negócio' }).click();
  await page.waitForURL(/#\/pipeline\/[^/]+$/);
  const dealId = new URL(page.url()).hash.split('/')[2]!;

  // Through the stages: by mouse, by keyboard, by mouse, by keyboard.
  await page.goto(`${url}#/pipeline`);
  await page.getByTestId('pipeline-board').waitFor();
  const card = (stage: string) => column(page, stage).locator(`[data-deal-id="${dealId}"]`);
  await card('prospecting').waitFor();
  await drag(page, card('prospecting'), column(page, 'first_contact'));
  await card('first_contact').waitFor();
  await card('first_contact').locator('[aria-roledescription="draggable"]').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await card('needs_identified').waitFor();
  await expect.poll(() => page.getByTestId('pipeline-announcer').textContent()).toContain('movido para Necessidades identificadas');
  await drag(page, card('needs_identified'), column(page, 'proposal_presented'));
  await card('proposal_presented').waitFor();
  await card('proposal_presented').locator('[aria-roledescription="draggable"]').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await card('negotiation').waitFor();
  await screenshot(page, 'cycle-board');

  // The deal's page: a catalogue line, an objection and its answer, a proposal PDF.
  await card('negotiation').locator('[aria-roledescription="draggable"]').click();
  await page.waitForURL(`**#/pipeline/${dealId}`);
  await page.getByLabel('Adicionar produto').fill('EMB');
  const result = page.getByRole('list', { name: 'Adicionar produto' }).getByRole('listitem').filter({ hasText: 'Caixa de papelão' });
  await result.getByRole('button', { name: /^Adicionar / }).click();
  const quantity = page.getByLabel('Quantidade de Caixa de papelão ondulado 40×30');
  await quantity.fill('3');
  await quantity.press('Tab');
  // 3 × R$ 19,90.
  await expect.poll(async () => (await page.getByTestId('total-net').textContent())?.replace(/\s/g, ' ')).toBe('R$ 59,70');
  await page.getByLabel('Objeção', { exact: true }).fill('Precisamos antes do dia 15');
  await page.getByLabel('Resposta', { exact: true }).fill('Entrega parcial na primeira semana');
  await page.getByRole('button', { name: 'Registrar objeção' }).click();
  await page.getByRole('list', { name: 'Objeções' }).getByText('Precisamos antes do dia 15').waitFor();
  await page.getByRole('button', { name: 'Nova proposta (PDF)' }).click();
  const proposal = page.getByRole('dialog', { name: 'Nova proposta' });
  await proposal.getByLabel('Nome da empresa').fill('Distribuidora Açaí & Cia Ltda.');
  const [download] = await Promise.all([page.waitForEvent('download'), proposal.getByRole('button', { name: 'Gerar e salvar PDF' }).click()]);
  const text = await pdfText(new Uint8Array(readFileSync(await download.path())));
  expect(text).toContain('Caixa de papelão ondulado 40×30');
  expect(text.replace(/\s/g, '')).toContain('R$59,70');
  await page.getByTestId('proposal-versions').getByText('nº 1').waitFor();

  // Won: the contract with its referral clause, dated and signed.
  await page.getByRole('combobox', { name: 'Etapa' }).click();
  await page.getByRole('option', { name: 'Ganho' }).click();
  const referral = page.getByLabel('Cláusula de indicação');
  await referral.waitFor();
  const clause = await referral.inputValue();
  expect(clause).toMatch(/indicará/);
  await page.getByRole('button', { name: 'Criar contrato' }).click();
  await page.waitForURL(/#\/contracts\/[^/]+$/);
  const today = localIsoDay();
  await typeDay(page.getByRole('textbox', { name: 'Início' }), dayAfter(today, 0).typed);
  await typeDay(page.getByRole('textbox', { name: 'Fim' }), dayAfter(today, 365).typed);
  await page.getByRole('button', { name: 'Salvar alterações' }).click();
  await page.getByText(/Versão \d+ salva\./).waitFor();
  await page.getByRole('button', { name: 'Assinar' }).click();
  await page.getByText('Assinado', { exact: true }).first().waitFor();
  await screenshot(page, 'cycle-contract');
  expect(await seriousViolations(page, 'main')).toEqual([]);

  // The order from the won deal, promised in two days: one shipment now, the rest five days later.
  await page.goto(`${url}#/pipeline/${dealId}`);
  await page.getByRole('button', { name: 'Criar pedido' }).click();
  await page.waitForURL(/#\/orders\/[^/]+$/);
  const orderUrl = page.url();
  const promised = dayAfter(today, 2);
  await typeDay(page.getByRole('textbox', { name: 'Prometido para' }), promised.typed);
  const shipped = page.getByLabel('Quantidade entregue de Caixa de papelão ondulado 40×30');
  await shipped.fill('1');
  await page.getByRole('button', { name: 'Registrar entrega' }).click();
  await page.getByText('Entrega registrada.').waitFor();
  // The first shipment kept the promise.
  await page.getByText('no prazo', { exact: true }).waitFor();

  await screenshot(page, 'cycle-order');
  expect(await seriousViolations(page, 'main')).toEqual([]);

  // The account's page: the won deal, the signed contract, the late delivered order, the referral task.
  const account360 = async (p: Page, base: string, order: { delivered: RegExp; timeliness: RegExp }) => {
    await p.goto(`${base}#/accounts/${accountId}`);
    await p.getByRole('heading', { name: 'Confeitaria Aurora Ltda' }).waitFor({ timeout: 60_000 });
    const closed = p.getByRole('region', { name: 'Negócios fechados' });
    await closed.getByRole('link', { name: 'Embalagens para o Natal' }).waitFor({ timeout: 60_000 });
    await closed.getByText('Ganho').waitFor();
    const contracts = p.getByRole('region', { name: 'Contratos' });
    await contracts.getByText('Embalagens para o Natal').waitFor({ timeout: 60_000 });
    await contracts.getByText(/Assinado/).waitFor();
    const orders = p.getByRole('region', { name: 'Pedidos' });
    await orders.getByText(order.delivered).waitFor({ timeout: 60_000 });
    await orders.getByText(order.timeliness).first().waitFor({ timeout: 60_000 });
    await p.getByRole('region', { name: 'Linha do tempo' }).getByRole('link', { name: 'Pedir indicação' }).waitFor({ timeout: 60_000 });
  };
  const firstShipment = { delivered: /^Entregue 33/, timeliness: /^A entregar$/ };
  await account360(page, url, firstShipment);
  await screenshot(page, 'cycle-account-360');
  await page.reload();
  await account360(page, url, firstShipment);

  // The network returns: everything reaches the team, and Bruno's laptop shows the same.
  network.up();
  // The user knows the Wi-Fi is back: "Tentar agora" instead of waiting out the back-off.
  await page.getByRole('status', { name: offline }).click();
  await page.getByRole('button', { name: 'Tentar agora' }).click();
  await page.getByRole('status', { name: SYNCED }).waitFor({ timeout: 60_000 });
  // Five days later Bruno, on his own laptop, records the rest of the order: three days late.
  const later = dayAfter(today, 5);
  const bruno = await laptop('bruno', 'bruno-pw', new Date(`${later.iso}T12:00:00`));
  await bruno.page.getByRole('status', { name: SYNCED }).waitFor({ timeout: 60_000 });
  await bruno.page.goto(orderUrl.replace(url, bruno.host.url));
  const rest = bruno.page.getByLabel('Quantidade entregue de Caixa de papelão ondulado 40×30');
  await rest.fill('2');
  await bruno.page.getByRole('button', { name: 'Registrar entrega' }).click();
  await bruno.page.getByText('Tudo já foi entregue.').waitFor();
  await bruno.page.getByText('Atrasado 3 dias').first().waitFor();
  await bruno.page.getByText('Entregue: 100%').waitFor();
  await screenshot(bruno.page, 'cycle-order-late');
  expect(await seriousViolations(bruno.page, 'main')).toEqual([]);

  // Both laptops show the whole cycle on the account's page.
  const delivered = { delivered: /^Entregue 100\s?%$/, timeliness: /^Atrasado 3 dias$/ };
  await account360(bruno.page, bruno.host.url, delivered);
  await screenshot(bruno.page, 'cycle-second-laptop');
  await account360(page, url, delivered);
  expect(bruno.errors).toEqual([]);
}
