import { randomId } from './random';
import type { DealLine } from '../models';
import type { AccountProfile } from './accounts';
import type { Random } from './random';
import { PRICE_LISTS } from './vocabulary';
import type { World } from './world';

/** Line total in centavos after the line discount (basis points), rounded per line as invoices are. */
export function lineTotal(qty: number, unitPrice: number, discountBp: number): number {
  return Math.round((qty * unitPrice * (10_000 - discountBp)) / 10_000);
}

const QTY: Record<string, readonly [number, number]> = {
  un: [1, 40],
  cx: [2, 60],
  pct: [5, 200],
  kg: [5, 100],
  l: [5, 80],
  m: [50, 500],
  m2: [10, 200],
  h: [4, 60],
};

/**
 * 1–6 lines mostly from one category (a deal is about a need: EPI for a site, paper for the year),
 * priced from the account's price list with its agreed discount, sometimes a little more.
 */
export function makeLines(world: World, random: Random, account: AccountProfile, at: number): DealLine[] {
  const catalogue = world.catalogue;
  if (catalogue.active.length === 0) return [];
  const categories = catalogue.byCategory.filter((c) => c.length > 0);
  const theme = random.pick(categories);
  const list = Math.max(0, PRICE_LISTS.indexOf(account.priceListId as (typeof PRICE_LISTS)[number]));
  const lines: DealLine[] = [];
  const used = new Set<number>();
  for (let n = random.between(1, 6); n > 0; n--) {
    const p = random.chance(0.8) ? random.pick(theme) : random.pick(catalogue.active);
    if (used.has(p)) continue;
    used.add(p);
    const [min, max] = QTY[catalogue.units[p]!] ?? [1, 20];
    lines.push({
      id: randomId(at, random),
      productId: catalogue.ids[p]!,
      sku: catalogue.skus[p]!,
      name: catalogue.names[p]!,
      qty: random.between(min, max),
      unitPrice: catalogue.prices[list]![p]!,
      discountBp: Math.min(10_000, account.discountBp + (random.chance(0.2) ? random.between(1, 5) * 100 : 0)),
    });
  }
  return lines;
}
