import { CASE_KINDS, CASE_SEVERITIES, type Case, type CaseChannel } from '../models';
import { stampDoc } from './context';
import { DAY, HOUR } from './dates';
import { makeNotes } from './notes';
import { orderLinesOf, orderNumber } from './orders';
import { contactOf } from './plan';
import { weightedPicker } from './random';
import { sampleDocId } from './marker';
import type { World } from './world';

const pickKind = weightedPicker(CASE_KINDS, [45, 20, 20, 15]);
const pickSeverity = weightedPicker(CASE_SEVERITIES, [35, 40, 20, 5]);
const SUBJECTS: Record<Case['kind'], readonly string[]> = {
  complaint: [
    'Entrega incompleta do pedido {order}',
    'Produto avariado na entrega do pedido {order}',
    'Atraso na entrega do pedido {order}',
    'Divergência de preço na nota fiscal do pedido {order}',
    'Cobrança em duplicidade',
  ],
  objection: ['Preço acima da concorrência', 'Prazo de pagamento curto', 'Pedido mínimo alto para frete CIF', 'Prazo de entrega longo para o interior'],
  feedback: ['Elogio ao atendimento do representante', 'Sugestão de novos itens no catálogo', 'Embalagem melhorou após troca de fornecedor'],
  question: ['Dúvida sobre prazo de entrega do pedido {order}', 'Solicitação de ficha técnica (FISPQ)', 'Como acessar a segunda via do boleto'],
};
const RESOLUTIONS = [
  'Saldo reenviado sem custo de frete; cliente confirmou o recebimento.',
  'Emitida nota de crédito com a diferença de preço.',
  'Produto trocado pelo representante na visita seguinte.',
  'Explicada a política comercial; aplicado desconto pontual de 3%.',
  'Ficha técnica enviada por e-mail.',
];
const STATUS_OPEN = ['open', 'in_progress', 'waiting_client'] as const;
/** How clients raise cases, cycled by index (no random draw: the rest of the sample data stays as it was). */
const CHANNEL_CYCLE: readonly CaseChannel[] = ['phone', 'email', 'whatsapp', 'phone', 'visit', 'email', 'whatsapp', 'website'];

export function caseAt(world: World, index: number): Case {
  const { ctx, plan } = world;
  const random = ctx.random('case', index);
  const kind = pickKind(random);
  // Complaints and questions usually concern an order; the account follows from it.
  const o = ctx.counts.orders > 0 && (kind === 'complaint' || kind === 'question') && random.chance(0.75) ? random.int(ctx.counts.orders) : -1;
  const a = o >= 0 ? plan.orderAccount[o]! : ctx.counts.accounts > 0 ? plan.buyingAccounts[random.int(plan.buyingAccounts.length)]! : -1;
  const account = a >= 0 ? world.account(a) : null;
  const orderLines = o >= 0 ? orderLinesOf(world, o).lines : [];
  const productId =
    orderLines.length > 0
      ? random.pick(orderLines).productId
      : ctx.counts.products > 0 && random.chance(0.3)
        ? world.catalogue.ids[random.int(ctx.counts.products)]!
        : '';
  const openedAt = ctx.now - Math.floor(540 * DAY * random.next() ** 1.6);
  const resolvedShare = (ctx.now - openedAt) / DAY > 20 ? 0.9 : 0.4;
  const resolved = random.chance(resolvedShare);
  const resolvedAt = resolved ? Math.min(ctx.now, openedAt + random.between(2, 360) * HOUR) : 0;
  const status: Case['status'] = resolved ? (random.chance(0.6) ? 'closed' : 'resolved') : random.pick(STATUS_OPEN);
  const ownerId = account?.ownerId ?? ctx.owner(index);
  const subject = random.pick(SUBJECTS[kind]).replace('{order}', o >= 0 ? orderNumber(world, o) : 'recente');
  return stampDoc<Case>(
    {
      accountId: account?.id ?? '',
      contactId: world.id('contacts', contactOf(plan, a, random)),
      orderId: world.id('orders', o),
      productId,
      kind,
      subject,
      description: `${subject}. Relato do cliente registrado por ${ownerId} em contato telefônico.`,
      severity: kind === 'feedback' ? 'low' : pickSeverity(random),
      status,
      resolution: resolved ? random.pick(RESOLUTIONS) : '',
      satisfaction: resolved && random.chance(0.7) ? random.pick([2, 3, 4, 4, 5, 5, 5]) : 0,
      openedAt,
      resolvedAt,
      ownerId,
      notes: makeNotes(
        ctx,
        random,
        'case-note',
        index,
        openedAt,
        ownerId,
        ['Logística acionada.', 'Cliente pediu retorno até amanhã.', 'Aguardando foto da avaria.'],
        0.4,
      ),
      channel: CHANNEL_CYCLE[index % CHANNEL_CYCLE.length]!,
      // Cases someone worked on carry the first thing done: a call to the client an hour after opening.
      actions:
        status === 'open' ? [] : [{ id: `case-action-${index}-1`, at: openedAt + HOUR, by: ownerId, text: 'Contato com o cliente para entender o ocorrido.' }],
    },
    { id: sampleDocId(openedAt, random), createdAt: openedAt },
    ownerId,
    resolved ? { at: resolvedAt, fields: ['status', 'resolution', 'resolvedAt', 'satisfaction'] } : undefined,
  );
}
