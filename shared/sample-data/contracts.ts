import { CONTRACT_STATUSES, type Contract } from '../models';
import { stampDoc } from './context';
import { DAY, isoDay, yearOf } from './dates';
import { dealLines } from './deals';
import { lineTotal } from './lines';
import { makeNotes } from './notes';
import { weightedPicker, randomId } from './random';
import { BONUSES, PAYMENT_TERMS } from './vocabulary';
import type { World } from './world';

const pickStatus = weightedPicker(CONTRACT_STATUSES, [8, 10, 7, 55, 15, 5]);
const TITLES = [
  'Contrato de fornecimento',
  'Acordo comercial anual',
  'Contrato de fornecimento com entrega programada',
  'Contrato de comodato de dispensers',
  'Contrato de fornecimento de EPI',
];
const CLAUSES: Record<Contract['clauses'][number]['kind'], readonly string[]> = {
  special_condition: ['Preços fixos por 12 meses, reajuste anual pelo IPCA.', 'Entrega em até 48 h úteis para a capital e 5 dias úteis para o interior.'],
  discount: [
    'Desconto de 5% sobre a tabela vigente em todos os itens de papelaria.',
    'Desconto progressivo: 3% acima de R$ 30 mil/mês, 6% acima de R$ 60 mil/mês.',
  ],
  bonus: BONUSES,
  loyalty: ['Após 24 meses de contrato o cliente passa ao nível Ouro do programa de fidelidade.'],
  referral: ['Indicação de novo cliente que feche contrato gera crédito de 2% do primeiro pedido.'],
  sla: ['Nível de serviço: 98% dos pedidos completos e no prazo, apurado mensalmente.', 'Atendimento de chamados em até 4 h úteis.'],
  other: ['Foro da comarca de São Paulo/SP.', 'Faturamento mensal consolidado por centro de custo.'],
};
const KINDS = Object.keys(CLAUSES) as Contract['clauses'][number]['kind'][];

export function contractAt(world: World, index: number): Contract {
  const { ctx, plan } = world;
  const random = ctx.random('contract', index);
  const a = plan.contractAccount[index]!;
  const d = plan.contractDeal[index]!;
  const account = a >= 0 ? world.account(a) : null;
  const identity = ctx.identity('contracts', index);
  const status = pickStatus(random);
  const termMonths = random.pick([12, 12, 24, 24, 36]);
  const term = termMonths * 30 * DAY;
  // Dates follow the status: active contracts run through today, expired ones ended before it.
  const start =
    status === 'active'
      ? ctx.now - Math.floor(term * random.next() * 0.95)
      : status === 'expired'
        ? ctx.now - term - random.between(1, 365) * DAY
        : status === 'terminated'
          ? ctx.now - Math.floor(term * random.next())
          : ctx.now + random.between(5, 60) * DAY;
  const createdAt = Math.min(identity.createdAt, start - random.between(10, 40) * DAY, ctx.now);
  const signed = status === 'signed' || status === 'active' || status === 'expired' || status === 'terminated';
  const signedAt = signed ? Math.min(ctx.now, start - random.between(1, 10) * DAY) : 0;
  const monthly = d >= 0 ? dealLines(world, d).reduce((s, l) => s + lineTotal(l.qty, l.unitPrice, l.discountBp), 0) : random.between(2_000, 80_000) * 100;
  const ownerId = account?.ownerId ?? ctx.owner(index);
  const clauses = [];
  for (let n = random.between(1, 4), k = 0; k < n; k++) {
    const kind = random.pick(KINDS);
    clauses.push({
      id: randomId(createdAt, random),
      kind,
      text: kind === 'special_condition' && random.chance(0.5) ? `Pagamento ${random.pick(PAYMENT_TERMS)}.` : random.pick(CLAUSES[kind]),
    });
  }
  const versions: Contract['versions'] = [{ version: 1, at: createdAt, by: ownerId, summary: 'Minuta inicial enviada ao cliente.' }];
  if (status !== 'draft')
    versions.push({
      version: 2,
      at: createdAt + random.between(2, 8) * DAY,
      by: ownerId,
      summary: 'Ajuste de prazo de pagamento e inclusão de SLA de entrega.',
    });
  if (signed) versions.push({ version: 3, at: Math.max(createdAt + 9 * DAY, signedAt), by: ownerId, summary: 'Versão final assinada pelas partes.' });
  for (const v of versions) v.at = Math.min(v.at, ctx.now);
  return stampDoc<Contract>(
    {
      number: `CT-${yearOf(createdAt)}-${String(index + 1).padStart(5, '0')}`,
      accountId: account?.id ?? '',
      dealId: world.id('deals', d),
      title: `${random.pick(TITLES)} — ${account?.tradeName ?? ''}`.slice(0, 200),
      status,
      value: { amount: monthly * termMonths, currency: 'BRL' },
      startDate: isoDay(start),
      endDate: isoDay(start + term),
      termMonths,
      clauses,
      versions,
      signedAt,
      ownerId,
      notes: makeNotes(
        ctx,
        random,
        'contract-note',
        index,
        createdAt,
        ownerId,
        ['Cliente pediu cópia física assinada.', 'Jurídico do cliente revisando cláusula de multa.'],
        0.2,
      ),
    },
    { id: identity.id, createdAt },
    ownerId,
    { at: versions.at(-1)!.at, fields: ['status', 'versions'] },
  );
}
