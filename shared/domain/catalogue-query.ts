import { sortKey } from './text';

/**
 * Indexed, keyset-paged reads of the catalogue (20k products): every query here is served by one
 * of the products' indexes ('sku', 'nameSort', ['category', 'nameSort'], each ending with the id),
 * so counts stay index-only (RxDB refuses slow counts) and pages never use `skip`.
 */

/** Which index the search box uses. */
export type SearchKind = 'name' | 'sku';

/** One ordered, filtered read of the products: equality on the category, a prefix on the sort field. */
export interface ProductListSpec {
  /** '' for every category. Ignored by SKU searches (a SKU is unique across the catalogue). */
  category: string;
  field: 'nameSort' | 'sku';
  /** Already normalised for the field (sortKey for names, upper case for SKUs); '' for no prefix. */
  prefix: string;
}

/** Where a page ended: the sort field's value and the id that breaks ties. */
export interface PageKey {
  value: string;
  id: string;
}

type Selector = Record<string, unknown>;
type Sort = Record<string, 'asc'>[];

/** Past every string the index can hold that starts with the prefix. */
const UPPER = '\uffff';

/** A SKU as the index holds it: trimmed and upper case ("pap-0001" finds "PAP-0001…"). */
export const skuPrefix = (text: string): string => text.trim().toUpperCase().slice(0, 40);
/** A name as the nameSort index holds it: lower case, accent-free. */
export const namePrefix = (text: string): string => sortKey(text);

/**
 * Whether typed text reads as a SKU rather than a name: one word holding a digit or a hyphen
 * ("PAP-00", "85a", "INF-"). The screen still offers the other kind when it finds more there.
 */
export function looksLikeSku(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && !/\s/.test(t) && /[\d-]/.test(t);
}

/**
 * The search kind to show: the one the text reads as, unless it finds nothing and the other one
 * does (someone typing "pap" for the SKUs of Papelaria still sees them when no name starts so).
 */
export function chooseSearchKind(text: string, counts: { name: number; sku: number }): SearchKind {
  const preferred: SearchKind = looksLikeSku(text) ? 'sku' : 'name';
  const other: SearchKind = preferred === 'sku' ? 'name' : 'sku';
  return counts[preferred] === 0 && counts[other] > 0 ? other : preferred;
}

/** The read behind the list for the current category, text and search kind. */
export function listSpec(category: string, text: string, kind: SearchKind): ProductListSpec {
  if (!text.trim()) return { category, field: 'nameSort', prefix: '' };
  return kind === 'sku' ? { category: '', field: 'sku', prefix: skuPrefix(text) } : { category, field: 'nameSort', prefix: namePrefix(text) };
}

const equality = (spec: ProductListSpec): Selector => (spec.category && spec.field === 'nameSort' ? { category: spec.category } : {});
const range = (spec: ProductListSpec): Selector => (spec.prefix ? { $gte: spec.prefix, $lt: spec.prefix + UPPER } : {});

/** The ascending sort that matches the index exactly (category first when it is filtered). */
export function specSort(spec: ProductListSpec): Sort {
  const eq = equality(spec);
  return [...Object.keys(eq).map((k) => ({ [k]: 'asc' as const })), { [spec.field]: 'asc' }, { id: 'asc' }];
}

/** Every product the spec selects (also the count's selector: index-only). */
export function specSelector(spec: ProductListSpec): Selector {
  const r = range(spec);
  return { ...equality(spec), ...(Object.keys(r).length ? { [spec.field]: r } : {}) };
}

/**
 * The rows after a page's last key, in two index-served reads: first the ties of the sort value
 * with a greater id, then the greater values (still inside the prefix).
 */
export function selectorsAfter(spec: ProductListSpec, key: PageKey): [ties: Selector, rest: Selector] {
  const eq = equality(spec);
  const upper = spec.prefix ? { $lt: spec.prefix + UPPER } : {};
  return [
    { ...eq, [spec.field]: key.value, id: { $gt: key.id } },
    { ...eq, [spec.field]: { $gt: key.value, ...upper } },
  ];
}

/** The key a row ends a page with. */
export function pageKeyOf(spec: ProductListSpec, row: { id: string; nameSort: string; sku: string }): PageKey {
  return { value: spec.field === 'sku' ? row.sku : row.nameSort, id: row.id };
}

/** The rows of the spec whose sort value is in [low, high) (for an index-only count). */
export function selectorBetween(spec: ProductListSpec, low: string, high: string): Selector {
  return { ...equality(spec), [spec.field]: { $gte: low, $lt: high } };
}

/** The rows of the spec whose sort value is `key` or above, in index order. */
export function selectorFrom(spec: ProductListSpec, key: string): Selector {
  return { ...equality(spec), [spec.field]: { $gte: key, ...(spec.prefix ? { $lt: spec.prefix + UPPER } : {}) } };
}

/**
 * A key to start reading at so that row `target` of the list is near: `before` rows sort below
 * `key`, and `target - before` ≤ `slack` unless one run of identical values is longer than that.
 * Found with index-only counts, one character at a time, each by bisection of its code unit — how
 * a virtual list jumps to row 15 000 of 20 000 without reading the 15 000 rows before it.
 * IndexedDB counts by walking the key range, so every count spans only the still-undecided range
 * (it halves at each step): about one pass over the index keys in all, no document read.
 * `countBetween(low, high)` is how many rows sort in [low, high); `start` is below every row (the prefix).
 */
export async function seekKey(
  countBetween: (low: string, high: string) => Promise<number>,
  target: number,
  { start = '', slack, firstFrom }: { start?: string; slack: number; firstFrom?: (key: string) => Promise<string | null> },
): Promise<{ key: string; before: number; probes: number }> {
  let key = start;
  let before = 0;
  let probes = 0;
  while (target - before > slack && key.length < 240) {
    // Long shared beginnings ("caneta esferográfica — caixa com 50 …") are skipped in one go: the
    // first value from here tells the candidate, bisection on its length tells how much of it the
    // target row shares (every row of [key, first) is absent, so `before` is unchanged).
    const first = firstFrom ? await firstFrom(key) : null;
    if (first && first.length > key.length && first.startsWith(key)) {
      let lo = key.length + 1;
      let hi = first.length;
      let shared = key.length;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        probes++;
        if (before + (await countBetween(key, first.slice(0, mid) + UPPER)) > target) {
          shared = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      key = first.slice(0, shared);
    }
    // base: the largest candidate known to keep ≤ target rows below it; rows below base = baseCount.
    let base = key;
    let baseCount = before;
    let best = -1;
    const below = async (code: number) => {
      probes++;
      const probe = key + String.fromCharCode(code);
      return baseCount + (await countBetween(base, probe));
    };
    const accept = (code: number, n: number) => {
      best = code;
      base = key + String.fromCharCode(code);
      baseCount = n;
    };
    // Names and SKUs are mostly ASCII: settle that first, then bisect 7 bits instead of 16.
    let lo = 0;
    let hi = 0x7f;
    const ascii = await below(0x80);
    if (ascii <= target) {
      accept(0x80, ascii);
      lo = 0x81;
      hi = 0xffff;
    }
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const n = await below(mid);
      if (n <= target) {
        accept(mid, n);
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Rows equal to `key` alone reach past the target: read from here.
    if (best < 0) break;
    key = base;
    before = baseCount;
  }
  return { key, before, probes };
}
