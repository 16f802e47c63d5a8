import type { Random } from './random';

/** Portuguese texts of activities: summaries per type and meeting notes assembled from parts. */

export const TOPICS = [
  'proposta de papelaria',
  'reposição de EPI',
  'prazo de entrega',
  'reajuste da tabela',
  'pedido em aberto',
  'condições de pagamento',
  'novo catálogo',
  'amostras de limpeza',
  'cotação de mobiliário',
  'boleto vencido',
  'entrega parcial',
  'renovação do contrato',
  'visita técnica',
  'feira do setor',
  'indicação de cliente',
];

export const SUMMARIES: Record<string, readonly string[]> = {
  call: ['Ligação para {first} sobre {topic}', 'Retorno de ligação — {topic}', 'Follow-up por telefone: {topic}', 'Ligação de prospecção'],
  email: ['Envio de proposta comercial', 'E-mail: {topic}', 'Envio do catálogo atualizado', 'Resposta sobre {topic}'],
  meeting: ['Reunião com {first}: {topic}', 'Reunião de negociação', 'Reunião de alinhamento trimestral', 'Apresentação de resultados do contrato'],
  visit: ['Visita de relacionamento em {city}', 'Visita técnica — {topic}', 'Visita ao almoxarifado do cliente', 'Visita com entrega de amostras'],
  chat: ['WhatsApp com {first}: {topic}', 'Mensagem sobre {topic}', 'WhatsApp: confirmação de pedido'],
  letter: ['Carta de apresentação da empresa', 'Envio de contrato assinado pelo correio'],
  presentation: ['Apresentação da linha {topic}', 'Apresentação institucional', 'Demonstração de produtos na sede do cliente'],
  note: ['Anotação: {topic}', 'Observação sobre o cliente', 'Informação de mercado'],
  task: [
    'Enviar orçamento revisado',
    'Ligar para confirmar entrega',
    'Cobrar retorno da proposta',
    'Agendar visita',
    'Preparar apresentação do catálogo',
    'Atualizar cadastro (CNPJ e endereço)',
    'Enviar convite para a feira',
    'Conferir pedido parcial com a logística',
    'Pedir indicação de novos clientes',
    'Renovar análise de crédito',
  ],
};

const AGENDA = [
  'Revisão dos pedidos do último trimestre',
  'Prazo de entrega e falhas recentes',
  'Reajuste da tabela de preços',
  'Novos itens do catálogo (linha sustentável)',
  'Condições de pagamento e limite de crédito',
  'Previsão de compras para o próximo semestre',
  'Padronização de EPI entre as unidades',
  'Convite para a feira do setor',
];
const DISCUSSION = [
  'O cliente relatou atraso em duas entregas de papel A4 e pediu prioridade na separação.',
  'Comprador considera nosso preço de limpeza 4% acima do concorrente, mas valoriza o prazo.',
  'Diretoria aprovou o orçamento anual; a decisão final sai até o fim do mês.',
  'Pediram amostras de luvas nitrílicas e do novo álcool em gel antes de fechar.',
  'Querem consolidar fornecedores: hoje compram de quatro distribuidores diferentes.',
  'Levantaram a possibilidade de entrega programada quinzenal com frete CIF.',
  'Financeiro pediu boleto com vencimento em 28 dias em vez de 21.',
  'Há interesse em mobiliário para o novo escritório, previsto para o segundo semestre.',
];
const NEXT_STEPS = [
  'Enviar proposta revisada até sexta-feira.',
  'Agendar visita técnica com a manutenção.',
  'Enviar amostras pelo representante.',
  'Confirmar com a logística o prazo para a filial.',
  'Preparar comparativo de preços com a concorrência.',
  'Formalizar condições especiais no contrato.',
  'Retornar ligação na próxima semana.',
];
const SHORT_BODIES = [
  'Cliente atendeu e pediu para retornar na próxima semana.',
  'Confirmado o recebimento do pedido; sem pendências.',
  'Solicitou nova cotação com quantidade maior para ganhar desconto.',
  'Não atendeu; deixei recado com a recepção.',
  'Pediu o catálogo em PDF por e-mail.',
  'Reclamou do prazo de entrega da última compra; encaminhado à logística.',
];

function some(random: Random, pool: readonly string[], min: number, max: number): string[] {
  const out = new Set<string>();
  for (let n = random.between(min, max); n > 0; n--) out.add(random.pick(pool));
  return [...out];
}

/** Meeting notes as a manager types them: participants, agenda, discussion, next steps. */
export function meetingNotes(random: Random, participants: readonly string[]): string {
  return [
    `Participantes: ${participants.join(', ')}.`,
    '',
    'Pauta:',
    ...some(random, AGENDA, 2, 4).map((a) => `- ${a}`),
    '',
    'Discussão:',
    ...some(random, DISCUSSION, 2, 4),
    '',
    'Próximos passos:',
    ...some(random, NEXT_STEPS, 1, 3).map((s) => `- ${s}`),
  ].join('\n');
}

export function shortBody(random: Random): string {
  return random.pick(SHORT_BODIES);
}
