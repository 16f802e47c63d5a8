import { accountSortKey } from '../domain/derived-fields';
import { generateCnpj } from '../domain/validators/cnpj';
import { generateCpf } from '../domain/validators/cpf';
import { generateNif } from '../domain/validators/nif';
import { alphanumericOnly } from '../domain/text';
import { ACCOUNT_SEGMENTS, ACCOUNT_SOURCES, ACCOUNT_STATUSES, RISK_SIGNALS, type Account } from '../models';
import { laterEdit, stampDoc, type GeneratorContext, type Identity } from './context';
import { DAY } from './dates';
import type { City, PortugueseCity } from './geography';
import { brazilianAddress, brazilianPhone, personName, pickCity, portugueseAddress, portuguesePhone, PT_CITIES, slug } from './people';
import { weightedPicker, type Random, randomId } from './random';
import { makeNotes } from './notes';
import {
  ACCOUNT_NOTES,
  ACCOUNT_TAGS,
  BONUSES,
  FANTASY_WORDS,
  INDUSTRIES,
  NAME_SUFFIXES,
  PAYMENT_TERMS,
  PRICE_LISTS,
  PUBLIC_SECTOR_INDUSTRY,
  RISK_NOTES,
  SURNAMES,
  type Industry,
} from './vocabulary';

export type AccountStatusCode = number; // index into ACCOUNT_STATUSES
export const STATUS = Object.fromEntries(ACCOUNT_STATUSES.map((s, i) => [s, i])) as Record<Account['status'], number>;

const pickStatus = weightedPicker(ACCOUNT_STATUSES, [20, 25, 34, 6, 10, 5]);
const pickSegment = weightedPicker(ACCOUNT_SEGMENTS, [10, 25, 40, 5, 12, 8]);
const pickIndustry = weightedPicker(
  INDUSTRIES,
  INDUSTRIES.map((i) => i.weight),
);
const pickSource = weightedPicker(ACCOUNT_SOURCES, [14, 18, 10, 16, 14, 14, 6, 8]);
const pickChannel = weightedPicker(['phone', 'email', 'whatsapp', 'visit', 'video', 'letter'] as const, [28, 30, 30, 8, 3, 1]);
const pickSignal = weightedPicker(RISK_SIGNALS, [30, 8, 8, 12, 10, 5, 25, 2]);
const SIGNAL_SCORE: Record<(typeof RISK_SIGNALS)[number], number> = {
  late_payments: 25,
  legal_disputes: 30,
  unclear_ownership: 20,
  bad_references: 20,
  frequent_management_changes: 10,
  negative_press: 15,
  credit_restrictions: 35,
  other: 10,
};

/** Only the status, from its own stream: the plan reads it for every account before generating any. */
export function accountStatusAt(ctx: GeneratorContext, index: number): Account['status'] {
  return pickStatus(ctx.random('account-status', index));
}

/** What other collections need to know about an account, cheaper than the whole document. */
export type AccountProfile = Identity & {
  index: number;
  status: Account['status'];
  segment: Account['segment'];
  ownerId: string;
  priceListId: string;
  discountBp: number;
  name: string;
  tradeName: string;
  industry: string;
  /** Mail domain of the company ('' for people on free mail). */
  domain: string;
  freeMail: boolean;
  country: 'BR' | 'PT';
  city: City | null;
  ptCity: PortugueseCity | null;
  person: boolean;
};

const LEGAL_FORMS: Record<Account['segment'], readonly [readonly string[], readonly number[]]> = {
  enterprise: [
    ['S.A.', 'Ltda.'],
    [60, 40],
  ],
  mid_market: [
    ['Ltda.', 'S.A.'],
    [85, 15],
  ],
  small_business: [
    ['Ltda.', 'ME', 'EIRELI', 'EPP'],
    [55, 25, 12, 8],
  ],
  public_sector: [[''], [1]],
  retail: [
    ['Ltda.', 'ME', 'S.A.'],
    [70, 20, 10],
  ],
  distributor: [
    ['Ltda.', 'S.A.'],
    [80, 20],
  ],
};
const formPickers = Object.fromEntries(Object.entries(LEGAL_FORMS).map(([segment, [forms, weights]]) => [segment, weightedPicker(forms, weights)])) as Record<
  Account['segment'],
  (random: Random) => string
>;

const PUBLIC_NAMES = [
  ['Prefeitura Municipal de {city}', 'Prefeitura de {city}'],
  ['Câmara Municipal de {city}', 'Câmara de {city}'],
  ['Secretaria Municipal de Educação de {city}', 'SME {city}'],
  ['Serviço Autônomo de Água e Esgoto de {city}', 'SAAE {city}'],
  ['Hospital Regional de {city}', 'HR {city}'],
  ['Instituto Federal — Campus {city}', 'IF {city}'],
] as const;

function companyCore(random: Random, industry: Industry): string {
  const line = random.pick(industry.lines);
  switch (random.int(5)) {
    case 0:
      return `${random.pick(FANTASY_WORDS)} ${line}`;
    case 1:
      return `${random.pick(SURNAMES)} & ${random.pick(SURNAMES)} ${line}`;
    case 2:
      return `${line} ${random.pick(SURNAMES)}`;
    case 3:
      return `${random.pick(FANTASY_WORDS).split(' ')[0]}${random.pick(NAME_SUFFIXES).toLowerCase()} ${line}`;
    default:
      return `${line} ${random.pick(FANTASY_WORDS)}`;
  }
}

/** The account's identity, status, name and place: deterministic per index. */
export function accountProfile(ctx: GeneratorContext, index: number): AccountProfile {
  const random = ctx.random('account-profile', index);
  const status = accountStatusAt(ctx, index);
  const segment = pickSegment(random);
  const country = random.chance(0.02) ? 'PT' : 'BR';
  const person = segment === 'small_business' && country === 'BR' && random.chance(0.06);
  const city = country === 'BR' ? pickCity(random) : null;
  const ptCity = country === 'PT' ? random.pick(PT_CITIES) : null;
  const place = city?.name ?? ptCity!.name;
  let industry: string;
  let name: string;
  let tradeName: string;
  let tld: string;
  if (segment === 'public_sector') {
    const [full, short] = random.pick(PUBLIC_NAMES);
    name = full.replace('{city}', place);
    tradeName = short.replace('{city}', place);
    industry = PUBLIC_SECTOR_INDUSTRY;
    tld = country === 'PT' ? '.gov.pt' : '.gov.br';
  } else if (person) {
    const who = personName(random);
    name = `${who.firstName} ${who.lastName}`;
    tradeName = `${who.firstName.split(' ')[0]} ${random.pick(['Representações', 'Serviços', 'Produtor Rural', 'Consultoria'])}`;
    industry = random.pick(INDUSTRIES).label;
    tld = '.com.br';
  } else {
    const pick = pickIndustry(random);
    industry = pick.label;
    tradeName = companyCore(random, pick);
    const form = country === 'PT' ? random.pick(['Lda.', 'S.A.', 'Unipessoal Lda.']) : formPickers[segment](random);
    const activity = random.chance(0.2) ? random.pick([' Indústria e Comércio', ' Comércio e Serviços', ' Comércio e Representações']) : '';
    name = `${tradeName}${activity} ${form}`.trim();
    tld = country === 'PT' ? '.pt' : pick.tld;
  }
  const freeMail = person || (segment === 'small_business' && random.chance(0.25));
  const domain = freeMail ? '' : `${slug(tradeName)}${tld}`;
  const priceListId =
    segment === 'enterprise' || segment === 'distributor' || status === 'key'
      ? PRICE_LISTS[0]
      : segment === 'small_business' || segment === 'retail'
        ? random.pick([PRICE_LISTS[1], PRICE_LISTS[2], PRICE_LISTS[2]])
        : PRICE_LISTS[1];
  const discountBp = status === 'key' ? random.between(5, 15) * 100 : status === 'client' && random.chance(0.5) ? random.between(1, 8) * 100 : 0;
  const { id, createdAt } = ctx.identity('accounts', index);
  // Listed field by field: spreading the identity into this literal was 30x slower in V8.
  return {
    id,
    createdAt,
    index,
    status,
    segment,
    ownerId: ctx.owner(random.int(ctx.owners.length)),
    priceListId,
    discountBp,
    name,
    tradeName,
    industry,
    domain,
    freeMail,
    country,
    city,
    ptCity,
    person,
  };
}

function taxId(random: Random, profile: AccountProfile): Pick<Account, 'taxIdKind' | 'taxId' | 'taxIdDigits'> {
  if (profile.country === 'PT') {
    const nif = generateNif(random.source, 'company');
    return { taxIdKind: 'nif', taxId: nif, taxIdDigits: alphanumericOnly(nif) };
  }
  if (profile.person) {
    const cpf = generateCpf(random.source);
    return { taxIdKind: 'cpf', taxId: cpf, taxIdDigits: alphanumericOnly(cpf) };
  }
  if (profile.status === 'lead' && random.chance(0.3)) return { taxIdKind: 'none', taxId: '', taxIdDigits: '' };
  // A share of alphanumeric CNPJs (issued from July 2026) so the new format is exercised everywhere.
  const cnpj = generateCnpj(random.source, { alphanumeric: random.chance(0.12), branch: random.chance(0.85) ? 1 : random.between(2, 15) });
  return { taxIdKind: 'cnpj', taxId: cnpj, taxIdDigits: alphanumericOnly(cnpj) };
}

function risk(ctx: GeneratorContext, random: Random, profile: AccountProfile): Account['risk'] {
  const share = profile.status === 'lead' || profile.status === 'prospect' ? 0.18 : profile.status === 'lost' ? 0.25 : 0.04;
  if (!random.chance(share)) return { signals: [], score: 0 };
  const signals: Account['risk']['signals'] = [];
  let score = 0;
  for (let n = random.between(1, 3); n > 0; n--) {
    const kind = pickSignal(random);
    if (signals.some((s) => s.kind === kind)) continue;
    const seenAt = profile.createdAt + Math.floor((ctx.now - profile.createdAt) * random.next());
    signals.push({ id: randomId(seenAt, random), kind, note: RISK_NOTES[kind]!, seenAt, recordedBy: profile.ownerId });
    score += SIGNAL_SCORE[kind];
  }
  return { signals, score: Math.min(100, score) };
}

function tags(random: Random): string[] {
  const out = new Set<string>();
  for (let n = random.int(4); n > 0; n--) out.add(random.pick(ACCOUNT_TAGS));
  return [...out];
}

const LOYALTY: Record<Account['status'], readonly Account['conditions']['loyaltyTier'][]> = {
  lead: ['none'],
  prospect: ['none'],
  lost: ['none'],
  inactive: ['none', 'bronze'],
  client: ['none', 'bronze', 'bronze', 'silver', 'gold'],
  key: ['gold', 'platinum', 'platinum'],
};

export function accountAt(ctx: GeneratorContext, index: number): Account {
  const profile = accountProfile(ctx, index);
  const random = ctx.random('account', index);
  const br = profile.country === 'BR';
  const ddd = profile.city?.ddd ?? '';
  const areaCode = profile.ptCity?.phone ?? '';
  const phone = (mobile: boolean) => (br ? brazilianPhone(random, ddd, mobile) : portuguesePhone(random, areaCode, mobile));
  const address = (kind: 'billing' | 'shipping') => (br ? brazilianAddress(random, profile.city!, kind) : portugueseAddress(random, profile.ptCity!, kind));

  const addresses = [address('billing')];
  if (random.chance(0.3)) addresses.push(address('shipping'));
  const phones: Account['phones'] = profile.person ? [] : [{ label: 'work', number: phone(false) }];
  if (profile.person || random.chance(0.6)) phones.push({ label: 'whatsapp', number: phone(true) });
  const emails: Account['emails'] = [];
  if (profile.domain) {
    emails.push({ label: 'work', address: `${random.pick(['contato', 'comercial', 'atendimento', 'compras'])}@${profile.domain}` });
    if (random.chance(0.4)) emails.push({ label: 'billing', address: `financeiro@${profile.domain}` });
  } else {
    emails.push({
      label: 'work',
      address: `${slug(profile.tradeName, 16)}${random.between(1, 99)}@${random.pick(['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br'])}`,
    });
  }
  const source = pickSource(random);
  const tax = taxId(random, profile);
  const client = profile.status === 'client' || profile.status === 'key';
  const updatedAt = laterEdit(random, profile.createdAt, ctx.now);
  return stampDoc<Account>(
    {
      name: profile.name,
      tradeName: profile.tradeName,
      nameSort: accountSortKey(profile),
      status: profile.status,
      segment: profile.segment,
      industry: profile.industry,
      taxIdKind: tax.taxIdKind,
      taxId: tax.taxId,
      taxIdDigits: tax.taxIdDigits,
      country: profile.country,
      city: profile.city?.name ?? profile.ptCity!.name,
      state: profile.city?.uf ?? profile.ptCity!.district,
      addresses,
      phones,
      emails,
      website: profile.domain && random.chance(0.85) ? `https://www.${profile.domain}` : '',
      preferredChannel: pickChannel(random),
      ownerId: profile.ownerId,
      tags: tags(random),
      source,
      // Referrals point at an older account (a lower index), as a referrer exists before the referral.
      referredBy: source === 'referral' && index > 0 ? ctx.id('accounts', random.int(index)) : '',
      risk: risk(ctx, random, profile),
      conditions: {
        priceListId: profile.priceListId,
        discountBp: profile.discountBp,
        paymentTerms: client ? random.pick(PAYMENT_TERMS) : random.pick(['à vista', '28 dias', '30 dias']),
        bonuses: client && random.chance(0.25) ? random.pick(BONUSES) : '',
        loyaltyTier: random.pick(LOYALTY[profile.status]),
      },
      notes: makeNotes(ctx, random, 'account-note', index, profile.createdAt, profile.ownerId, ACCOUNT_NOTES, 0.3),
    },
    profile,
    profile.ownerId,
    { at: updatedAt, fields: ['status', 'notes', 'conditions'] },
  );
}

/** How long ago, in days, an account was created: for spreading later activity after it. */
export function ageDays(ctx: GeneratorContext, createdAt: number): number {
  return Math.max(1, Math.floor((ctx.now - createdAt) / DAY));
}
