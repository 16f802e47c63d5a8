import { sortKey } from '../domain/text';
import { CONSENT_BASES, type Contact } from '../models';
import { laterEdit, stampDoc } from './context';
import { DAY, isoDay } from './dates';
import { makeNotes } from './notes';
import { brazilianPhone, personName, portuguesePhone, slug } from './people';
import { accountOfContact } from './plan';
import { weightedPicker } from './random';
import { CONSENT_SOURCES, CONTACT_TAGS, ROLES } from './vocabulary';
import type { World } from './world';

const pickRole = weightedPicker(
  ROLES,
  ROLES.map((r) => r.weight),
);
const pickConsent = weightedPicker(CONSENT_BASES, [40, 30, 25, 5]);
const pickChannel = weightedPicker(['whatsapp', 'email', 'phone', 'visit', 'video', 'letter'] as const, [38, 32, 20, 6, 3, 1]);
const NOTES = [
  'Prefere contato por WhatsApp depois das 14h.',
  'Está de férias na segunda quinzena de julho.',
  'Assina as compras acima de R$ 20 mil junto com o financeiro.',
  'Veio de um concorrente; conhece bem nossa linha de EPI.',
];

/** The first name of contact `index` without generating it (personName is the first draw of its stream). */
export function contactFirstName(world: World, index: number): string {
  return personName(world.ctx.random('contact', index)).firstName.split(' ')[0]!;
}

export function contactAt(world: World, index: number): Contact {
  const { ctx } = world;
  const random = ctx.random('contact', index);
  const a = ctx.counts.accounts > 0 ? accountOfContact(world.plan, index) : -1;
  const account = a >= 0 ? world.account(a) : null;
  const { firstName, lastName } = personName(random);
  const role = pickRole(random);
  const first = slug(firstName.split(' ')[0]!, 20);
  const last = slug(lastName.split(' ').at(-1)!, 20);
  const address = account?.domain
    ? `${random.pick([`${first}.${last}`, `${first}`, `${first[0]}${last}`, `${first}_${last}`])}@${account.domain}`
    : `${first}.${last}${random.between(1, 999)}@${random.pick(['gmail.com', 'hotmail.com', 'outlook.com', 'uol.com.br'])}`;
  const pt = account?.country === 'PT';
  const mobile = pt ? portuguesePhone(random, '', true) : brazilianPhone(random, account?.city?.ddd ?? '11', true);
  const phones: Contact['phones'] = [{ label: random.chance(0.7) ? 'whatsapp' : 'mobile', number: mobile }];
  if (random.chance(0.35)) {
    phones.push({
      label: 'work',
      number: pt ? portuguesePhone(random, account!.ptCity!.phone, false) : brazilianPhone(random, account?.city?.ddd ?? '11', false),
    });
  }
  const identity = ctx.identity('contacts', index);
  const createdAt = Math.max(identity.createdAt, account?.createdAt ?? 0);
  const basis = pickConsent(random);
  const birth = ctx.now - random.between(24, 64) * 365 * DAY - random.int(365) * DAY;
  const tags = random.chance(0.3) ? [random.pick(CONTACT_TAGS)] : [];
  if (role.decisionMaker && !tags.includes('decisor')) tags.push('decisor');
  const ownerId = account?.ownerId ?? ctx.owner(0);
  return stampDoc<Contact>(
    {
      accountId: account?.id ?? '',
      firstName,
      lastName,
      nameSort: sortKey(`${firstName} ${lastName}`),
      role: role.role,
      department: role.department,
      phones,
      emails: [{ label: 'work', address }],
      emailKey: address.toLowerCase(),
      preferredChannel: pickChannel(random),
      birthday: random.chance(0.6) ? isoDay(birth) : '',
      decisionMaker: role.decisionMaker,
      consent: {
        basis,
        marketing: basis === 'consent' ? random.chance(0.8) : false,
        at: basis === 'none' ? 0 : createdAt,
        source: basis === 'none' ? '' : random.pick(CONSENT_SOURCES),
      },
      ownerId,
      tags,
      notes: makeNotes(ctx, random, 'contact-note', index, createdAt, ownerId, NOTES, 0.1),
    },
    { id: identity.id, createdAt },
    ownerId,
    { at: laterEdit(random, createdAt, ctx.now), fields: ['phones', 'role', 'consent'] },
  );
}
