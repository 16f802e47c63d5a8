import { sortKey } from '../domain/text';
import { PRICE_POSITIONS, type Competitor } from '../models';
import { laterEdit, stampDoc } from './context';
import { makeNotes } from './notes';
import { slug } from './people';
import type { Random } from './random';
import type { World } from './world';

/** Fictional competitors: national chains, regional distributors, online marketplaces. */
const NAMES = [
  'Suprimax Distribuidora',
  'OfficeLar Suprimentos',
  'Papelaria Central Atacado',
  'ProEPI Equipamentos de Segurança',
  'Limpmax Higiene Profissional',
  'MegaSul Distribuição',
  'Nordeste Supply',
  'Atacadão do Escritório',
  'Grupo Kappa Industrial',
  'Fornece Já B2B',
  'Distribuidora Paulista de Suprimentos',
  'Casa do Almoxarifado',
  'Tecno Suprimentos',
  'Rede Compras Corporativas',
  'Ferragens Bandeirantes Atacado',
  'Higiclean Distribuidora',
  'Segura Mais EPI',
  'Mobiliza Móveis Corporativos',
  'Embalagens Pioneira',
  'Minas Suprimentos Industriais',
  'Gaúcha Distribuição',
  'Rio Office Atacado',
  'Cerrado Suprimentos',
  'Paraná Industrial Supply',
  'Portal Compras B2B',
  'Catarinense de Limpeza',
  'Nacional Papéis',
  'Direto da Fábrica Supply',
  'Alfa Manutenção Industrial',
  'Master EPI',
];
const STRENGTHS = [
  'Preço agressivo em papelaria',
  'Frete grátis acima de R$ 500,00',
  'Entrega em 24 h na capital',
  'Portal de compras integrado ao ERP do cliente',
  'Mix amplo de EPI certificado',
  'Prazo de pagamento de 90 dias',
  'Força de vendas grande no interior',
];
const WEAKNESSES = [
  'Atendimento pós-venda lento',
  'Rupturas frequentes de estoque',
  'Sem representante técnico',
  'Entregas parciais sem aviso',
  'Não atende licitações',
  'Pedido mínimo alto',
];
const OPPORTUNITIES = [
  'Clientes insatisfeitos com as entregas parciais',
  'Não tem linha sustentável',
  'Saiu de regiões do interior de MG',
  'Reajustou a tabela acima da inflação',
];
const THREATS = [
  'Abrindo centro de distribuição em Curitiba',
  'Parceria com grande fabricante de papel',
  'Investimento em e-commerce B2B',
  'Comprado por grupo com capital estrangeiro',
];

function some(random: Random, pool: readonly string[]): string[] {
  const out = new Set<string>();
  for (let n = random.between(1, 3); n > 0; n--) out.add(random.pick(pool));
  return [...out];
}

export function competitorAt(world: World, index: number): Competitor {
  const { ctx } = world;
  const random = ctx.random('competitor', index);
  const round = Math.floor(index / NAMES.length);
  const name = `${NAMES[index % NAMES.length]}${round > 0 ? ` ${['Norte', 'Sul', 'Centro-Oeste', 'Nordeste'][(round - 1) % 4]}` : ''}`;
  const identity = ctx.identity('competitors', index);
  const ownerId = ctx.owner(index);
  return stampDoc<Competitor>(
    {
      name,
      nameSort: sortKey(name),
      website: `https://www.${slug(name.split(' ').slice(0, 2).join(''))}.com.br`,
      strengths: some(random, STRENGTHS),
      weaknesses: some(random, WEAKNESSES),
      opportunities: some(random, OPPORTUNITIES),
      threats: some(random, THREATS),
      pricePositioning: random.pick(PRICE_POSITIONS),
      notes: makeNotes(
        ctx,
        random,
        'competitor-note',
        index,
        identity.createdAt,
        ownerId,
        ['Perdemos a concorrência da prefeitura para eles por 2% no preço.', 'Representante deles visitou nossos clientes-chave em SP.'],
        0.5,
      ),
    },
    identity,
    ownerId,
    { at: laterEdit(random, identity.createdAt, ctx.now), fields: ['strengths', 'weaknesses', 'notes'] },
  );
}
