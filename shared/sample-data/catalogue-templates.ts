import type { Product } from '../models';

/**
 * What a Brazilian industrial and office supplies distributor sells: items per category with their
 * selling unit and a tabela-b price range in centavos. Products are these items crossed with brands
 * and variants, so a 20k catalogue still reads like a real one.
 */
export type ItemTemplate = { name: string; unit: Product['unit']; price: readonly [number, number]; variants?: readonly string[] };
export type CategoryTemplate = { name: string; code: string; items: readonly ItemTemplate[] };

const COLORS = ['azul', 'preto', 'vermelho', 'verde'];
const SIZES = ['P', 'M', 'G', 'GG'];

export const CATEGORIES: readonly CategoryTemplate[] = [
  {
    name: 'Papelaria',
    code: 'PAP',
    items: [
      { name: 'Papel sulfite A4 75 g/m² — resma 500 folhas', unit: 'pct', price: [2490, 3290] },
      { name: 'Caneta esferográfica — caixa com 50', unit: 'cx', price: [3990, 6990], variants: COLORS },
      { name: 'Grampeador de mesa 26/6', unit: 'un', price: [2890, 8990] },
      { name: 'Clipe galvanizado nº 2/0 — caixa com 100', unit: 'cx', price: [390, 890] },
      { name: 'Pasta suspensa kraft — caixa com 50', unit: 'cx', price: [6990, 11990] },
      { name: 'Bloco adesivo 76×76 mm — pacote com 4', unit: 'pct', price: [1290, 2490] },
      { name: 'Envelope pardo A4 — caixa com 250', unit: 'cx', price: [5990, 9990] },
      { name: 'Marcador de texto — caixa com 12', unit: 'cx', price: [2490, 4590], variants: ['amarelo', 'verde', 'rosa', 'laranja'] },
      { name: 'Etiqueta adesiva A4 — 100 folhas', unit: 'pct', price: [3990, 8990] },
      { name: 'Caderno universitário 10 matérias', unit: 'un', price: [1990, 3490] },
    ],
  },
  {
    name: 'Informática',
    code: 'INF',
    items: [
      { name: 'Toner compatível 85A', unit: 'un', price: [6990, 12990] },
      { name: 'Cartucho de tinta', unit: 'un', price: [5990, 14990], variants: ['preto', 'ciano', 'magenta', 'amarelo'] },
      { name: 'Mouse óptico USB', unit: 'un', price: [1990, 5990] },
      { name: 'Teclado ABNT2 USB', unit: 'un', price: [3990, 9990] },
      { name: 'Pen drive 64 GB', unit: 'un', price: [2990, 5990] },
      { name: 'Cabo HDMI 2 m', unit: 'un', price: [1490, 3990] },
      { name: 'Headset com microfone USB', unit: 'un', price: [8990, 24990] },
      { name: 'Monitor 24" Full HD', unit: 'un', price: [69990, 99990] },
      { name: 'Nobreak 1200 VA bivolt', unit: 'un', price: [59990, 89990] },
      { name: 'Filtro de linha 6 tomadas', unit: 'un', price: [2990, 6990] },
    ],
  },
  {
    name: 'Limpeza e higiene',
    code: 'LIM',
    items: [
      { name: 'Papel toalha interfolha — fardo 1.000 folhas', unit: 'pct', price: [1890, 3290] },
      { name: 'Papel higiênico rolão 300 m — fardo com 8', unit: 'pct', price: [4990, 8990] },
      { name: 'Sabonete líquido 5 L', unit: 'un', price: [2990, 5490] },
      { name: 'Álcool em gel 70% 5 L', unit: 'un', price: [3990, 6990] },
      { name: 'Detergente neutro 5 L', unit: 'un', price: [1590, 2990] },
      { name: 'Saco de lixo 100 L — pacote com 100', unit: 'pct', price: [4490, 7990], variants: ['preto', 'azul', 'verde'] },
      { name: 'Desinfetante 5 L', unit: 'un', price: [1690, 3290] },
      { name: 'Luva nitrílica — caixa com 100', unit: 'cx', price: [2990, 5990], variants: SIZES },
      { name: 'Pano multiuso — rolo 300 panos', unit: 'un', price: [4990, 8990] },
      { name: 'Dispenser para papel toalha', unit: 'un', price: [3490, 8990] },
    ],
  },
  {
    name: 'Copa e cozinha',
    code: 'COP',
    items: [
      { name: 'Café torrado e moído 500 g', unit: 'pct', price: [1690, 3490] },
      { name: 'Açúcar refinado em sachê — caixa com 1.000', unit: 'cx', price: [3990, 5990] },
      { name: 'Copo descartável 180 ml — pacote com 100', unit: 'pct', price: [490, 990] },
      { name: 'Mexedor para café — pacote com 500', unit: 'pct', price: [590, 1290] },
      { name: 'Filtro de papel 103 — caixa com 30', unit: 'cx', price: [390, 790] },
      { name: 'Água mineral 20 L', unit: 'un', price: [1290, 1990] },
      { name: 'Chá sortido — caixa com 10 sachês', unit: 'cx', price: [490, 990] },
    ],
  },
  {
    name: 'EPI',
    code: 'EPI',
    items: [
      { name: 'Capacete de segurança classe B', unit: 'un', price: [1990, 4990], variants: ['branco', 'amarelo', 'azul', 'vermelho'] },
      { name: 'Óculos de proteção incolor', unit: 'un', price: [690, 1990] },
      { name: 'Protetor auricular tipo plug — caixa com 100 pares', unit: 'cx', price: [6990, 12990] },
      { name: 'Luva de vaqueta', unit: 'un', price: [1290, 2490], variants: SIZES },
      { name: 'Botina de segurança com bico composite', unit: 'un', price: [8990, 17990], variants: ['38', '40', '42', '44'] },
      { name: 'Respirador PFF2 — caixa com 20', unit: 'cx', price: [3990, 7990] },
      { name: 'Colete refletivo', unit: 'un', price: [1490, 2990] },
      { name: 'Cinto de segurança tipo paraquedista', unit: 'un', price: [18990, 39990] },
      { name: 'Protetor solar FPS 30 — 1 kg', unit: 'kg', price: [5990, 9990] },
    ],
  },
  {
    name: 'Ferramentas',
    code: 'FER',
    items: [
      { name: 'Furadeira de impacto 650 W', unit: 'un', price: [19990, 39990], variants: ['127 V', '220 V'] },
      { name: 'Jogo de chaves combinadas — 8 peças', unit: 'un', price: [7990, 15990] },
      { name: 'Alicate universal 8"', unit: 'un', price: [2990, 6990] },
      { name: 'Trena 5 m', unit: 'un', price: [1490, 3990] },
      { name: 'Disco de corte 7" — caixa com 10', unit: 'cx', price: [3990, 7990] },
      { name: 'Parafusadeira a bateria 12 V', unit: 'un', price: [29990, 59990] },
      { name: 'Nível de alumínio 40 cm', unit: 'un', price: [2490, 5990] },
      { name: 'Serra tico-tico 500 W', unit: 'un', price: [24990, 44990], variants: ['127 V', '220 V'] },
    ],
  },
  {
    name: 'Elétrica',
    code: 'ELE',
    items: [
      { name: 'Cabo flexível 2,5 mm²', unit: 'm', price: [190, 390], variants: ['azul', 'preto', 'vermelho', 'verde'] },
      { name: 'Lâmpada LED tubular 18 W', unit: 'un', price: [990, 2490] },
      { name: 'Disjuntor bipolar 32 A', unit: 'un', price: [2990, 5990] },
      { name: 'Fita isolante 20 m', unit: 'un', price: [490, 1290] },
      { name: 'Tomada 2P+T 10 A', unit: 'un', price: [890, 1990] },
      { name: 'Luminária LED de emergência', unit: 'un', price: [2490, 5990] },
      { name: 'Extensão elétrica 10 m', unit: 'un', price: [3990, 7990] },
    ],
  },
  {
    name: 'Embalagens',
    code: 'EMB',
    items: [
      { name: 'Caixa de papelão 40×30×30 — pacote com 25', unit: 'pct', price: [5990, 9990] },
      { name: 'Fita adesiva transparente 48 mm × 100 m', unit: 'un', price: [590, 1290] },
      { name: 'Filme stretch 500 mm', unit: 'kg', price: [1890, 2990] },
      { name: 'Plástico bolha 1,30 m', unit: 'm', price: [190, 450] },
      { name: 'Etiqueta térmica 100×150 — rolo com 500', unit: 'un', price: [2490, 4990] },
      { name: 'Envelope de segurança — pacote com 100', unit: 'pct', price: [3990, 7990] },
    ],
  },
  {
    name: 'Mobiliário de escritório',
    code: 'MOB',
    items: [
      { name: 'Cadeira giratória ergonômica NR-17', unit: 'un', price: [49990, 129990], variants: ['preta', 'cinza', 'azul'] },
      { name: 'Mesa de escritório 1,20 m', unit: 'un', price: [39990, 89990] },
      { name: 'Armário de aço 2 portas', unit: 'un', price: [79990, 149990] },
      { name: 'Gaveteiro volante 3 gavetas', unit: 'un', price: [29990, 59990] },
      { name: 'Arquivo de aço 4 gavetas', unit: 'un', price: [69990, 119990] },
      { name: 'Quadro branco 120×90 cm', unit: 'un', price: [14990, 29990] },
    ],
  },
  {
    name: 'Manutenção industrial',
    code: 'MAN',
    items: [
      { name: 'Graxa multiuso 1 kg', unit: 'kg', price: [2490, 4990] },
      { name: 'Óleo lubrificante 1 L', unit: 'l', price: [1990, 3990] },
      { name: 'Rolamento 6205 2RS', unit: 'un', price: [1490, 3990] },
      { name: 'Correia em V A-42', unit: 'un', price: [1990, 4490] },
      { name: 'Desengripante spray 300 ml', unit: 'un', price: [1490, 2990] },
      { name: 'Abraçadeira de nylon — pacote com 100', unit: 'pct', price: [990, 2490] },
      { name: 'Selante de silicone 280 g', unit: 'un', price: [1290, 2990] },
    ],
  },
  {
    name: 'Serviços',
    code: 'SRV',
    items: [
      { name: 'Instalação técnica', unit: 'h', price: [12000, 18000] },
      { name: 'Manutenção preventiva de equipamentos', unit: 'h', price: [15000, 22000] },
      { name: 'Treinamento de uso de EPI', unit: 'h', price: [18000, 30000] },
      { name: 'Montagem de mobiliário', unit: 'h', price: [9000, 14000] },
    ],
  },
];

/** Fictional brands (real ones would make the demo look like an endorsement). */
export const BRANDS = ['Fortix', 'Vértice', 'Qualitá', 'Ecoline', 'Prisma', 'Titan', 'Nórdica', 'Solaris', 'Atlas Pro', 'Multiplus', 'Brasa', 'Condora'];

export const PROMOTION_LABELS = [
  'Queima de estoque',
  'Promoção de lançamento',
  'Black Friday B2B',
  'Volta às aulas',
  'Semana do EPI',
  'Leve mais, pague menos',
];
