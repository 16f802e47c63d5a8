import { ACCOUNT_SEGMENTS, ACCOUNT_STATUSES, RECIPIENT_STATUSES, type Campaign } from '../models';
import { stampDoc } from './context';
import { DAY, HOUR, businessTime } from './dates';
import { contactOf } from './plan';
import { weightedPicker } from './random';
import { sampleDocId } from './marker';
import type { World } from './world';

const THEMES = [
  { name: 'Volta às aulas corporativa', subject: 'Papelaria com até 15% de desconto para sua empresa' },
  { name: 'Semana do EPI', subject: 'Semana do EPI: capacetes, luvas e respiradores com preço especial' },
  { name: 'Lançamento da linha sustentável', subject: 'Conheça nossa nova linha de papel reciclado e limpeza biodegradável' },
  { name: 'Black Friday B2B', subject: 'Black Friday B2B: condições válidas só até sexta' },
  { name: 'Queima de estoque de informática', subject: 'Periféricos e suprimentos de informática com preço de custo' },
  { name: 'Recompra de limpeza e higiene', subject: 'Hora de repor o estoque de limpeza? Frete grátis nesta semana' },
  { name: 'Novidades do catálogo', subject: 'Chegaram novos itens ao catálogo' },
  { name: 'Convite para a Escolar Office Brasil', subject: 'Visite nosso estande na Escolar Office Brasil' },
];
const pickChannel = weightedPicker(['email', 'whatsapp', 'sms', 'phone', 'letter', 'visit'] as const, [50, 30, 8, 6, 2, 4]);
const pickRecipientStatus = weightedPicker(RECIPIENT_STATUSES, [0, 10, 30, 35, 12, 8, 5]);

export function campaignAt(world: World, index: number): Campaign {
  const { ctx, plan } = world;
  const random = ctx.random('campaign', index);
  const theme = THEMES[index % THEMES.length]!;
  const scheduledAt = businessTime(ctx.now + random.between(-400, 30) * DAY, random.next());
  const future = scheduledAt > ctx.now;
  const status: Campaign['status'] = future ? random.pick(['draft', 'scheduled', 'scheduled'] as const) : random.chance(0.06) ? 'cancelled' : 'sent';
  const segments = [...new Set([random.pick(ACCOUNT_SEGMENTS), random.pick(ACCOUNT_SEGMENTS)])];
  const statuses: Campaign['audience']['statuses'] = random.chance(0.7) ? ['client', 'key'] : [random.pick(ACCOUNT_STATUSES)];
  // The recipients are the accounts the audience matched when it was sent, one contact each.
  const recipients: Campaign['recipients'] = [];
  if (status === 'sent' && ctx.counts.accounts > 0) {
    const seen = new Set<number>();
    for (let n = random.between(20, 300); n > 0; n--) {
      const a = plan.buyingAccounts[random.int(plan.buyingAccounts.length)]!;
      if (seen.has(a)) continue;
      seen.add(a);
      recipients.push({ accountId: world.account(a).id, contactId: world.id('contacts', contactOf(plan, a, random)), status: pickRecipientStatus(random) });
    }
  }
  const productIds: string[] = [];
  for (let n = ctx.counts.products > 0 ? random.between(1, 5) : 0; n > 0; n--) productIds.push(world.catalogue.ids[random.int(ctx.counts.products)]!);
  const createdAt = Math.min(ctx.now, scheduledAt - random.between(2, 20) * DAY);
  const ownerId = ctx.owner(index);
  return stampDoc<Campaign>(
    {
      name: `${theme.name} ${new Date(scheduledAt).getUTCFullYear()}`,
      channel: pickChannel(random),
      subject: theme.subject,
      message: `Olá, {{contato}}!\n\n${theme.subject}. Fale com seu representante ou responda esta mensagem para receber a proposta.\n\nAtenciosamente,\nEquipe comercial`,
      audience: {
        segments,
        statuses,
        tags: random.chance(0.3) ? ['recompra-mensal'] : [],
        states: random.chance(0.4) ? [random.pick(['SP', 'RJ', 'MG', 'PR', 'RS', 'SC'])] : [],
      },
      productIds: [...new Set(productIds)],
      status,
      scheduledAt,
      recipients,
      ownerId,
    },
    { id: sampleDocId(createdAt, random), createdAt },
    ownerId,
    status === 'sent' ? { at: Math.min(ctx.now, scheduledAt + 2 * HOUR), fields: ['status', 'recipients'] } : undefined,
  );
}
