import { faker } from '@faker-js/faker/locale/pt_BR';

/**
 * Word pools, built once. Faker's pt-BR definitions give the first names; its surname list is short
 * (21 names), so common Brazilian surnames are added. Generators combine these with the seeded PRNG:
 * calling faker per document would be slow and would tie determinism to faker's own state.
 */
const definitions = faker.rawDefinitions.person?.first_name as { female?: string[]; male?: string[] } | undefined;
const fakerSurnames = (faker.rawDefinitions.person?.last_name as { generic?: string[] } | undefined)?.generic ?? [];

export const FEMALE_NAMES: readonly string[] = definitions?.female ?? ['Ana', 'Maria'];
export const MALE_NAMES: readonly string[] = definitions?.male ?? ['João', 'José'];
export const SURNAMES: readonly string[] = [
  ...new Set([
    ...fakerSurnames,
    'Almeida', 'Alves', 'Andrade', 'Araújo', 'Azevedo', 'Barbosa', 'Bezerra', 'Borges', 'Cardoso', 'Castro',
    'Cavalcanti', 'Correia', 'Cunha', 'Dias', 'Duarte', 'Fernandes', 'Ferreira', 'Freitas', 'Gomes', 'Gonçalves',
    'Lima', 'Lopes', 'Machado', 'Marques', 'Mendes', 'Monteiro', 'Nascimento', 'Neves', 'Nunes', 'Pinto', 'Ramos',
    'Ribeiro', 'Rocha', 'Rodrigues', 'Sampaio', 'Siqueira', 'Soares', 'Teixeira', 'Tavares', 'Vieira', 'Pacheco',
    'Fonseca', 'Queiroz', 'Prado', 'Brandão', 'Campos', 'Coelho', 'Farias', 'Guimarães', 'Leite', 'Medeiros',
    'Miranda', 'Moura', 'Pires', 'Rezende', 'Sales', 'Toledo', 'Vasconcelos', 'Zanetti', 'Bertolini', 'Schmidt',
    'Müller', 'Yamamoto', 'Nakamura', 'Haddad', 'Salomão', 'Kowalski', 'Bianchi', 'Rossi', 'Ferraz', 'Aguiar',
  ]),
];

/** Words Brazilian companies are named after, alone or with a surname. */
export const FANTASY_WORDS = [
  'Alvorada', 'Horizonte', 'Bandeirante', 'Aliança', 'Primavera', 'Atlântico', 'Cruzeiro', 'Estrela', 'Nova Era',
  'Progresso', 'Tropical', 'Pioneira', 'União', 'Vitória', 'Ouro Verde', 'Serra Azul', 'Vale Verde', 'Litoral',
  'Planalto', 'Continental', 'Paulista', 'Mineira', 'Gaúcha', 'Capixaba', 'Carioca', 'Catarinense', 'Paranaense',
  'Nordeste', 'Jequitibá', 'Ipê', 'Araucária', 'Itapoã', 'Tupã', 'Aurora', 'Santa Clara', 'São Jorge', 'Boa Vista',
  'Monte Alegre', 'Três Irmãos', 'Real', 'Imperial', 'Sol Nascente', 'Pantanal', 'Guanabara', 'Piratininga',
  'Cerrado', 'Mantiqueira', 'Iguaçu', 'Tietê', 'Paranapanema', 'Centauro', 'Orion', 'Netuno', 'Vértice', 'Prisma',
];
export const NAME_SUFFIXES = ['Tec', 'Max', 'Flex', 'Prime', 'Log', 'Pack', 'Mix', 'Sul', 'Brás', 'Norte'];

export type Industry = { label: string; lines: readonly string[]; weight: number; tld: string };
/** Industries of a distributor's clients and the business lines that appear in their names. */
export const INDUSTRIES: readonly Industry[] = [
  { label: 'Construção civil', lines: ['Construtora', 'Materiais de Construção', 'Engenharia'], weight: 12, tld: '.com.br' },
  { label: 'Indústria metalúrgica', lines: ['Metalúrgica', 'Usinagem', 'Estruturas Metálicas'], weight: 10, tld: '.ind.br' },
  { label: 'Indústria alimentícia', lines: ['Alimentos', 'Laticínios', 'Frigorífico'], weight: 8, tld: '.ind.br' },
  { label: 'Varejo', lines: ['Supermercados', 'Magazine', 'Comercial'], weight: 10, tld: '.com.br' },
  { label: 'Saúde', lines: ['Clínica', 'Laboratório', 'Hospital'], weight: 7, tld: '.com.br' },
  { label: 'Educação', lines: ['Colégio', 'Escola', 'Faculdade'], weight: 6, tld: '.edu.br' },
  { label: 'Logística e transporte', lines: ['Transportes', 'Logística', 'Armazéns Gerais'], weight: 8, tld: '.com.br' },
  { label: 'Agronegócio', lines: ['Agropecuária', 'Agroindustrial', 'Cerealista'], weight: 6, tld: '.agr.br' },
  { label: 'Tecnologia', lines: ['Tecnologia', 'Sistemas', 'Informática'], weight: 6, tld: '.com.br' },
  { label: 'Serviços profissionais', lines: ['Contabilidade', 'Advocacia', 'Consultoria'], weight: 7, tld: '.com.br' },
  { label: 'Hotelaria e turismo', lines: ['Hotéis', 'Turismo', 'Pousadas'], weight: 3, tld: '.tur.br' },
  { label: 'Automotivo', lines: ['Autopeças', 'Veículos', 'Auto Center'], weight: 5, tld: '.com.br' },
  { label: 'Têxtil e confecção', lines: ['Têxtil', 'Confecções', 'Malharia'], weight: 4, tld: '.ind.br' },
  { label: 'Química e plásticos', lines: ['Plásticos', 'Química', 'Embalagens'], weight: 4, tld: '.ind.br' },
  { label: 'Energia', lines: ['Energia', 'Instalações Elétricas', 'Solar'], weight: 3, tld: '.com.br' },
  { label: 'Facilities e limpeza', lines: ['Serviços', 'Conservação e Limpeza', 'Facilities'], weight: 6, tld: '.com.br' },
  { label: 'Farmacêutico', lines: ['Drogarias', 'Farmacêutica', 'Distribuidora de Medicamentos'], weight: 3, tld: '.com.br' },
];
export const PUBLIC_SECTOR_INDUSTRY = 'Administração pública';

/** People at client companies, with the department and whether they usually sign off purchases. */
export const ROLES: readonly { role: string; department: string; decisionMaker: boolean; weight: number }[] = [
  { role: 'Comprador', department: 'Compras', decisionMaker: false, weight: 20 },
  { role: 'Compradora Sênior', department: 'Compras', decisionMaker: false, weight: 6 },
  { role: 'Diretor de Compras', department: 'Compras', decisionMaker: true, weight: 5 },
  { role: 'Gerente de Suprimentos', department: 'Suprimentos', decisionMaker: true, weight: 7 },
  { role: 'Analista de Suprimentos', department: 'Suprimentos', decisionMaker: false, weight: 8 },
  { role: 'Gerente Financeiro', department: 'Financeiro', decisionMaker: true, weight: 6 },
  { role: 'Analista de Contas a Pagar', department: 'Financeiro', decisionMaker: false, weight: 5 },
  { role: 'Sócio-diretor', department: 'Diretoria', decisionMaker: true, weight: 6 },
  { role: 'Gerente Administrativo', department: 'Administrativo', decisionMaker: true, weight: 6 },
  { role: 'Assistente Administrativo', department: 'Administrativo', decisionMaker: false, weight: 8 },
  { role: 'Coordenador de Facilities', department: 'Facilities', decisionMaker: false, weight: 5 },
  { role: 'Técnico de Segurança do Trabalho', department: 'SESMT', decisionMaker: false, weight: 4 },
  { role: 'Gerente de Manutenção', department: 'Manutenção', decisionMaker: true, weight: 3 },
  { role: 'Coordenador de TI', department: 'TI', decisionMaker: false, weight: 3 },
  { role: 'Secretária Executiva', department: 'Diretoria', decisionMaker: false, weight: 4 },
  { role: 'Almoxarife', department: 'Almoxarifado', decisionMaker: false, weight: 4 },
];

export const ACCOUNT_TAGS = [
  'recompra-mensal', 'potencial-alto', 'licitacao', 'sazonal', 'multiplas-filiais', 'exige-visita', 'frete-cif',
  'nf-antecipada', 'cliente-desde-2019', 'indicou-clientes', 'epi', 'papelaria', 'limpeza', 'informatica',
  'sustentabilidade', 'pedido-minimo', 'compra-trimestral', 'portal-fornecedor',
];
export const CONTACT_TAGS = ['decisor', 'influenciador', 'usuario-final', 'aprovador-financeiro', 'prefere-whatsapp', 'evento-2025'];

export const PRICE_LISTS = ['tabela-a', 'tabela-b', 'tabela-c'] as const;
export const PAYMENT_TERMS = ['à vista', '28 dias', '30 dias', '30/60', '30/60/90', '28/56/84', '45 dias', '60 dias', 'boleto 21 dias'];
export const BONUSES = [
  'Bonificação de 2% em pedidos acima de R$ 50.000,00',
  'Frete grátis (CIF) acima de R$ 5.000,00',
  '1 caixa de papel A4 a cada 20 compradas',
  'Cashback de 1,5% no fechamento do trimestre',
  'Entrega programada semanal sem custo',
  'Brinde de fim de ano para o comprador',
];

export const RISK_NOTES: Record<string, string> = {
  late_payments: 'Dois boletos pagos com mais de 30 dias de atraso no último semestre.',
  legal_disputes: 'Consta ação trabalhista e processo com fornecedor anterior no TJ.',
  unclear_ownership: 'Quadro societário alterado recentemente; sócio majoritário não identificado.',
  bad_references: 'Referência comercial negativa de outro distribuidor da região.',
  frequent_management_changes: 'Terceiro comprador em um ano; decisões de compra travadas.',
  negative_press: 'Notícia de recuperação judicial de empresa do mesmo grupo.',
  credit_restrictions: 'Restrição no Serasa apontada na análise de crédito.',
  other: 'Pediu prazo de 120 dias na primeira compra, fora da política.',
};

export const ACCOUNT_NOTES = [
  'Prefere receber visitas às terças e quintas pela manhã.',
  'Compras centralizadas na matriz; filiais só fazem requisição.',
  'Pedido mínimo combinado de R$ 1.500,00 para frete CIF.',
  'Exige cadastro no portal de fornecedores antes de qualquer cotação.',
  'Nota fiscal deve sair com o número do pedido de compra no campo de observações.',
  'Cliente sensível a prazo de entrega; evitar promessas acima de 5 dias úteis.',
  'Orçamento anual aprovado em dezembro; abordar em outubro/novembro.',
  'Recebimento de mercadorias só das 8h às 16h, doca 3.',
];

export const LOST_REASONS = [
  'Preço acima do concorrente',
  'Prazo de entrega não atendeu',
  'Cliente adiou a compra para o próximo trimestre',
  'Concorrente ofereceu frete grátis e prazo de 90 dias',
  'Orçamento cancelado pela diretoria',
  'Cliente optou por comprar direto do fabricante',
  'Não conseguimos atender o item principal da cotação',
];

export const CONSENT_SOURCES = [
  'Formulário no site', 'Cartão de visita em feira', 'Contrato de fornecimento', 'Indicação de cliente',
  'Cadastro no portal de fornecedores', 'Ligação de prospecção', 'Pedido anterior',
];
