import { sortKey } from '../domain/text';
import { AVAILABILITY, type BaseDoc, type Product } from '../models';
import { isoDay, DAY } from './dates';
import { CATALOGUE_ADMIN, laterEdit, stampDoc, type GeneratorContext } from './context';
import { BRANDS, CATEGORIES, PROMOTION_LABELS } from './catalogue-templates';
import { weightedPicker } from './random';
import { PRICE_LISTS } from './vocabulary';

const pickAvailability = weightedPicker(AVAILABILITY, [70, 12, 6, 8, 4]);
const ITEMS = CATEGORIES.flatMap((category, c) => category.items.map((item) => ({ category, c, item })));

/** tabela-a is for large buyers (10 % under list), tabela-b the list price, tabela-c small buyers (8 % over). */
const LIST_FACTORS = [0.9, 1, 1.08];

/**
 * Product `index`: item templates are walked in order, so every item appears before any repeats
 * with another brand or variant; SKUs are unique by construction.
 */
export function productAt(ctx: GeneratorContext, index: number): Product {
  const random = ctx.random('product', index);
  const { category, item } = ITEMS[index % ITEMS.length]!;
  const round = Math.floor(index / ITEMS.length);
  const brand = BRANDS[(round + index) % BRANDS.length]!;
  const variant = item.variants ? item.variants[round % item.variants.length] : undefined;
  const edition = Math.floor(round / BRANDS.length);
  const name = `${item.name}${variant ? ` ${variant}` : ''} — ${brand}${edition > 0 ? ` linha ${edition + 1}` : ''}`;
  const base = item.price[0] + random.int(item.price[1] - item.price[0] + 1);
  const prices = PRICE_LISTS.map((priceListId, i) => ({
    priceListId,
    // Whole 10 centavos, as price tables are printed.
    amount: Math.max(10, Math.round((base * LIST_FACTORS[i]!) / 10) * 10),
    currency: 'BRL' as const,
  }));
  const availability = pickAvailability(random);
  const identity = ctx.identity('products', index);
  const promoStart = ctx.now - random.between(0, 20) * DAY;
  const product: Omit<Product, keyof BaseDoc> = {
    sku: `${category.code}-${String(index + 1).padStart(6, '0')}`,
    name,
    nameSort: sortKey(name),
    category: category.name,
    description: `${item.name}${variant ? `, ${variant}` : ''}. Marca ${brand}. Vendido por ${item.unit}. Faturamento em até 24 h para itens em estoque.`,
    unit: item.unit,
    prices,
    availability,
    stockQty: availability === 'in_stock' ? random.between(50, 5000) : availability === 'low_stock' ? random.between(1, 30) : 0,
    active: availability !== 'discontinued',
  };
  if (availability !== 'discontinued' && random.chance(0.1)) {
    product.promotion = {
      label: random.pick(PROMOTION_LABELS),
      discountBp: random.between(5, 25) * 100,
      from: isoDay(promoStart),
      to: isoDay(promoStart + random.between(7, 45) * DAY),
    };
  }
  return stampDoc<Product>(product, identity, CATALOGUE_ADMIN, {
    at: laterEdit(random, identity.createdAt, ctx.now),
    fields: ['prices', 'availability', 'stockQty'],
  });
}

/** What deals and orders need from the catalogue, kept for every product (small even at 20k). */
export type Catalogue = {
  ids: string[];
  skus: string[];
  names: string[];
  /** prices[listIndex][product] in centavos. */
  prices: Int32Array[];
  units: Product['unit'][];
  /** Active products per category index. */
  byCategory: number[][];
  active: number[];
};

export function buildCatalogue(ctx: GeneratorContext): Catalogue {
  const n = ctx.counts.products;
  const catalogue: Catalogue = {
    ids: [],
    skus: [],
    names: [],
    units: [],
    prices: PRICE_LISTS.map(() => new Int32Array(n)),
    byCategory: CATEGORIES.map(() => []),
    active: [],
  };
  for (let p = 0; p < n; p++) {
    const product = productAt(ctx, p);
    catalogue.ids.push(product.id);
    catalogue.skus.push(product.sku);
    catalogue.names.push(product.name);
    catalogue.units.push(product.unit);
    product.prices.forEach((price, i) => (catalogue.prices[i]![p] = price.amount));
    if (product.active) {
      catalogue.byCategory[ITEMS[p % ITEMS.length]!.c]!.push(p);
      catalogue.active.push(p);
    }
  }
  return catalogue;
}

export { CATEGORIES };
