import { LEGACY_DEAL_STAGES, type Deal, type DealLine, type LegacyDealStage } from '../models';
import { LEGACY_STAGE_IDS } from '../domain/sales/pipeline';
import { laterEdit, stampDoc } from './context';
import { DAY, isoDay } from './dates';
import { lineTotal, makeLines } from './lines';
import { makeNotes } from './notes';
import { contactCount, contactOf } from './plan';
import { CATEGORIES } from './catalogue-templates';
import { LOST_REASONS } from './vocabulary';
import type { World } from './world';

const PROBABILITY: Record<LegacyDealStage, number> = { lead: 10, qualified: 25, proposal: 50, negotiation: 70, won: 100, lost: 0 };
const TITLES = [
  'Fornecimento anual de {cat}',
  'Cotação de {cat} — {city}',
  'Reposição trimestral de {cat}',
  'Kit {cat} para nova unidade',
  'Concorrência de {cat} {year}',
  'Ampliação do contrato de {cat}',
  'Padronização de {cat} nas filiais',
];
const NOTES = [
  'Cliente pediu proposta com frete CIF e prazo 30/60/90.',
  'Comprador sinalizou que o concorrente está 5% abaixo.',
  'Aprovação depende da diretoria financeira na próxima reunião.',
  'Enviar amostras antes da decisão.',
];

/** The lines of deal `index`, from their own stream so orders can copy them without generating the deal. */
export function dealLines(world: World, index: number): DealLine[] {
  const a = world.plan.dealAccount[index]!;
  const random = world.ctx.random('deal-lines', index);
  return makeLines(world, random, world.account(a), world.ctx.identity('deals', index).createdAt);
}

export function dealAt(world: World, index: number): Deal {
  const { ctx, plan } = world;
  const random = ctx.random('deal', index);
  const a = ctx.counts.accounts > 0 ? plan.dealAccount[index]! : -1;
  const account = a >= 0 ? world.account(a) : null;
  const stage = LEGACY_DEAL_STAGES[plan.dealStage[index]!]!;
  const identity = ctx.identity('deals', index);
  const lines = account ? dealLines(world, index) : [];
  const value = lines.reduce((sum, l) => sum + lineTotal(l.qty, l.unitPrice, l.discountBp), 0);
  const closed = stage === 'won' || stage === 'lost';
  // Closed deals closed between creation and now; open ones are expected soon, a few already overdue.
  const expectedClose = closed ? identity.createdAt + Math.floor((ctx.now - identity.createdAt) * random.next()) : ctx.now + random.between(-20, 120) * DAY;
  const contactIds: string[] = [];
  for (let n = Math.min(contactCount(plan, a), random.between(1, 2)); n > 0; n--) {
    const id = world.id('contacts', contactOf(plan, a, random));
    if (id && !contactIds.includes(id)) contactIds.push(id);
  }
  const competitors = ctx.counts.competitors;
  const withCompetitor = competitors > 0 && (stage === 'lost' ? random.chance(0.6) : random.chance(0.15));
  const sku = lines[0]?.sku ?? '';
  const category = CATEGORIES.find((c) => sku.startsWith(c.code))?.name.toLowerCase() ?? 'materiais';
  const title = random
    .pick(TITLES)
    .replace('{cat}', category)
    .replace('{city}', account?.city?.name ?? account?.ptCity?.name ?? '')
    .replace('{year}', isoDay(expectedClose).slice(0, 4));
  const ownerId = account?.ownerId ?? ctx.owner(0);
  return stampDoc<Deal>(
    {
      accountId: account?.id ?? '',
      title: `${title} — ${account?.tradeName ?? 'sem conta'}`.slice(0, 200),
      // The plan's stages, onto the default pipeline; every other early deal has had its first contact.
      stage: stage === 'lead' && index % 2 === 1 ? 'first_contact' : LEGACY_STAGE_IDS[stage],
      lines,
      value: { amount: value, currency: 'BRL' },
      probability: PROBABILITY[stage],
      expectedClose: isoDay(expectedClose),
      lostReason: stage === 'lost' ? random.pick(LOST_REASONS) : '',
      competitorId: withCompetitor ? world.id('competitors', random.int(competitors)) : '',
      contactIds,
      ownerId,
      notes: makeNotes(ctx, random, 'deal-note', index, identity.createdAt, ownerId, NOTES, 0.4),
    },
    identity,
    ownerId,
    {
      at: closed ? Math.min(ctx.now, Math.max(identity.createdAt, expectedClose)) : laterEdit(random, identity.createdAt, ctx.now),
      fields: ['stage', 'probability', 'notes'],
    },
  );
}
