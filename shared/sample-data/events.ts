import { randomId } from './random';
import { sampleDocId } from './marker';
import type { CrmEvent } from '../models';
import { stampDoc } from './context';
import { DAY, isoDay, yearOf } from './dates';
import { contactOf } from './plan';
import type { World } from './world';

/** Brazilian trade fairs a supplies distributor exhibits at or visits (month is 1–12). */
export const TRADE_FAIRS = [
  { name: 'Escolar Office Brasil', city: 'São Paulo', state: 'SP', venue: 'Expo Center Norte', month: 8, days: 4 },
  { name: 'FEIMEC — Feira Internacional de Máquinas e Equipamentos', city: 'São Paulo', state: 'SP', venue: 'São Paulo Expo', month: 4, days: 5 },
  { name: 'Fispal Tecnologia', city: 'São Paulo', state: 'SP', venue: 'Expo Center Norte', month: 6, days: 4 },
  { name: 'Feicon', city: 'São Paulo', state: 'SP', venue: 'São Paulo Expo', month: 4, days: 4 },
  { name: 'Hospitalar', city: 'São Paulo', state: 'SP', venue: 'São Paulo Expo', month: 5, days: 4 },
  { name: 'Agrishow', city: 'Ribeirão Preto', state: 'SP', venue: 'Parque de exposições da Agrishow', month: 4, days: 5 },
  { name: 'Expointer', city: 'Esteio', state: 'RS', venue: 'Parque de Exposições Assis Brasil', month: 8, days: 9 },
  { name: 'Intermodal South America', city: 'São Paulo', state: 'SP', venue: 'Distrito Anhembi', month: 3, days: 3 },
  { name: 'Febratex', city: 'Blumenau', state: 'SC', venue: 'Parque Vila Germânica', month: 8, days: 4 },
  { name: 'Mercopar', city: 'Caxias do Sul', state: 'RS', venue: 'Centro de Feiras da Festa da Uva', month: 10, days: 4 },
  { name: 'Fenasucro & Agrocana', city: 'Sertãozinho', state: 'SP', venue: 'Centro de Eventos Zanini', month: 8, days: 4 },
  { name: 'Expo Revestir', city: 'São Paulo', state: 'SP', venue: 'São Paulo Expo', month: 3, days: 4 },
  { name: 'APAS Show', city: 'São Paulo', state: 'SP', venue: 'Expo Center Norte', month: 5, days: 4 },
  { name: 'Construsul', city: 'Porto Alegre', state: 'RS', venue: 'Centro de Eventos Fiergs', month: 8, days: 4 },
  { name: 'Exposibram', city: 'Belo Horizonte', state: 'MG', venue: 'Expominas', month: 9, days: 4 },
  { name: 'FIEE — Feira Internacional da Indústria Elétrica', city: 'São Paulo', state: 'SP', venue: 'São Paulo Expo', month: 7, days: 4 },
  { name: 'Expoagas', city: 'Porto Alegre', state: 'RS', venue: 'Centro de Eventos Fiergs', month: 8, days: 3 },
  { name: 'Brasil Offshore', city: 'Macaé', state: 'RJ', venue: 'Centro de Convenções de Macaé', month: 6, days: 4 },
] as const;
const OWN_EVENTS = [
  { name: 'Apresentação da linha EPI', kind: 'presentation' },
  { name: 'Open house no centro de distribuição', kind: 'open_house' },
  { name: 'Webinar: novidades do catálogo', kind: 'webinar' },
  { name: 'Café com compradores', kind: 'presentation' },
  { name: 'Mostra de mobiliário corporativo', kind: 'exhibition' },
] as const;
const OWN_CITIES = [
  ['São Paulo', 'SP'],
  ['Rio de Janeiro', 'RJ'],
  ['Belo Horizonte', 'MG'],
  ['Curitiba', 'PR'],
  ['Porto Alegre', 'RS'],
  ['Campinas', 'SP'],
] as const;

/**
 * Event `index`: trade fairs of the year first, then the company's own presentations; later indexes
 * go a year back (and one ahead), so a big data set holds several editions of each fair.
 */
export function eventAt(world: World, index: number): CrmEvent {
  const { ctx, plan } = world;
  const random = ctx.random('event', index);
  const perYear = TRADE_FAIRS.length + OWN_EVENTS.length;
  const round = Math.floor(index / perYear);
  const slot = index % perYear;
  const year = yearOf(ctx.now) + (round === 1 ? 1 : -Math.max(0, round - 1));
  let name: string;
  let kind: CrmEvent['kind'];
  let city: string;
  let state: string;
  let venue: string;
  let start: number;
  let days: number;
  if (slot < TRADE_FAIRS.length) {
    const fair = TRADE_FAIRS[slot]!;
    ({ city, state, venue, days } = fair);
    name = `${fair.name} ${year}`;
    kind = 'trade_fair';
    start = Date.UTC(year, fair.month - 1, random.between(2, 24), 13);
  } else {
    const own = OWN_EVENTS[slot - TRADE_FAIRS.length]!;
    [city, state] = random.pick(OWN_CITIES);
    name = `${own.name} — ${city} ${year}`;
    kind = own.kind;
    venue = kind === 'webinar' ? 'Online' : kind === 'open_house' ? `CD ${city}` : `Hotel em ${city}`;
    days = 1;
    start = Date.UTC(year, random.int(11), random.between(2, 27), 13);
  }
  const past = start + days * DAY < ctx.now;
  const invitations: CrmEvent['invitations'] = [];
  const seen = new Set<number>();
  const accounts = ctx.counts.accounts;
  for (let n = accounts > 0 ? random.between(10, Math.min(80, accounts)) : 0; n > 0; n--) {
    const a = random.chance(0.7) ? plan.buyingAccounts[random.int(plan.buyingAccounts.length)]! : random.int(accounts);
    if (seen.has(a)) continue;
    seen.add(a);
    const status: CrmEvent['invitations'][number]['status'] = past
      ? random.pick(['attended', 'attended', 'no_show', 'declined'] as const)
      : random.pick(['planned', 'invited', 'invited', 'accepted', 'declined'] as const);
    invitations.push({ accountId: world.account(a).id, contactId: world.id('contacts', contactOf(plan, a, random)), status });
  }
  const leadAccountIds: string[] = [];
  if (past && kind === 'trade_fair') {
    for (let n = accounts > 0 ? random.between(0, 12) : 0; n > 0; n--) leadAccountIds.push(world.id('accounts', random.int(accounts)));
  }
  const createdAt = Math.min(ctx.now, start - random.between(30, 120) * DAY);
  const ownerId = ctx.owner(index);
  return stampDoc<CrmEvent>(
    {
      name,
      kind,
      startDate: isoDay(start),
      endDate: isoDay(start + (days - 1) * DAY),
      venue,
      city,
      state,
      invitations,
      leadAccountIds: [...new Set(leadAccountIds)],
      ownerId,
      notes: past
        ? [
            {
              id: randomId(start, random),
              at: Math.min(ctx.now, start + days * DAY),
              by: ownerId,
              text: 'Estande movimentado; priorizar retorno aos leads em até 7 dias.',
            },
          ]
        : [],
    },
    { id: sampleDocId(createdAt, random), createdAt },
    ownerId,
    past ? { at: Math.min(ctx.now, start + days * DAY), fields: ['invitations', 'leadAccountIds', 'notes'] } : undefined,
  );
}
