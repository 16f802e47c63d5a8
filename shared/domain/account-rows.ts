import { ACCOUNT_STATUSES, type Account, type AccountStatus } from '../models';
import { alphanumericOnly, normalizeText } from './text';

/** What the accounts list shows and filters on: a light projection of an account kept in memory. */
export interface AccountRow {
  id: string;
  name: string;
  tradeName: string;
  nameSort: string;
  status: AccountStatus;
  segment: Account['segment'];
  industry: string;
  source: Account['source'];
  /** The account that referred this one ('' when none): the 360° page lists referrals given from the rows. */
  referredBy: string;
  taxId: string;
  city: string;
  state: string;
  ownerId: string;
  tags: string[];
  updatedAt: number;
  /** Normalised name, trade name, city and tax id digits, for the quick filter. */
  haystack: string;
}

export function toAccountRow(a: Account): AccountRow {
  return {
    id: a.id,
    name: a.name,
    tradeName: a.tradeName,
    nameSort: a.nameSort,
    status: a.status,
    segment: a.segment,
    industry: a.industry,
    source: a.source,
    referredBy: a.referredBy,
    taxId: a.taxId,
    city: a.city,
    state: a.state,
    ownerId: a.ownerId,
    tags: a.tags,
    updatedAt: a.updatedAt,
    haystack: [normalizeText(a.name), normalizeText(a.tradeName), normalizeText(a.city), a.taxIdDigits.toLowerCase()].join(' '),
  };
}

/** The list order: by normalised name, ties by id, so paging and re-sorting agree. */
export function compareAccountRows(a: Pick<AccountRow, 'nameSort' | 'id'>, b: Pick<AccountRow, 'nameSort' | 'id'>): number {
  if (a.nameSort !== b.nameSort) return a.nameSort < b.nameSort ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface AccountRowFilter {
  /** Words typed in the quick filter; every word must match (accents and case ignored). */
  text?: string;
  statuses?: readonly AccountStatus[];
  segments?: readonly Account['segment'][];
  industries?: readonly string[];
  ownerIds?: readonly string[];
  cities?: readonly string[];
  states?: readonly string[];
  /** Rows carrying any of these tags. */
  tags?: readonly string[];
  sources?: readonly Account['source'][];
}

const asSet = <T>(values: readonly T[] | undefined): Set<T> | null => (values?.length ? new Set(values) : null);

/** True when the filter selects something (an empty filter lists every row). */
export function isFiltering(filter: AccountRowFilter): boolean {
  return Boolean(
    filter.text?.trim() ||
    filter.statuses?.length ||
    filter.segments?.length ||
    filter.industries?.length ||
    filter.ownerIds?.length ||
    filter.cities?.length ||
    filter.states?.length ||
    filter.tags?.length ||
    filter.sources?.length,
  );
}

/**
 * Rows matching the filter, in the given order. Within one field any chosen value matches; across
 * fields every one must match. Tax ids match with or without punctuation.
 */
export function filterAccountRows(rows: readonly AccountRow[], filter: AccountRowFilter): readonly AccountRow[] {
  const words = normalizeText(filter.text ?? '')
    .split(' ')
    .filter(Boolean)
    .map((w) => (/\d/.test(w) ? alphanumericOnly(w).toLowerCase() || w : w));
  const statuses = asSet(filter.statuses);
  const segments = asSet(filter.segments);
  const industries = asSet(filter.industries);
  const owners = asSet(filter.ownerIds);
  const cities = asSet(filter.cities);
  const states = asSet(filter.states);
  const tags = asSet(filter.tags);
  const sources = asSet(filter.sources);
  if (!words.length && !statuses && !segments && !industries && !owners && !cities && !states && !tags && !sources) return rows;
  return rows.filter(
    (r) =>
      (!statuses || statuses.has(r.status)) &&
      (!segments || segments.has(r.segment)) &&
      (!industries || industries.has(r.industry)) &&
      (!owners || owners.has(r.ownerId)) &&
      (!cities || cities.has(r.city)) &&
      (!states || states.has(r.state)) &&
      (!sources || sources.has(r.source)) &&
      (!tags || r.tags.some((t) => tags.has(t))) &&
      words.every((w) => r.haystack.includes(w)),
  );
}

export const ACCOUNT_SORT_KEYS = ['name', 'city', 'status', 'updated'] as const;
export type AccountSortKey = (typeof ACCOUNT_SORT_KEYS)[number];
export interface AccountSort {
  key: AccountSortKey;
  dir: 'asc' | 'desc';
}
export const DEFAULT_ACCOUNT_SORT: AccountSort = { key: 'name', dir: 'asc' };

const STATUS_ORDER = new Map(ACCOUNT_STATUSES.map((s, i) => [s, i]));
const cityKey = (r: AccountRow) => normalizeText(r.city);

/**
 * Rows in the chosen order; rows come in name order (the store's), and ties keep it. Name order
 * ascending returns the input as is, so the common case costs nothing at 50k rows.
 */
export function sortAccountRows(rows: readonly AccountRow[], sort: AccountSort): readonly AccountRow[] {
  if (sort.key === 'name') return sort.dir === 'asc' ? rows : [...rows].reverse();
  const sign = sort.dir === 'asc' ? 1 : -1;
  const indexed = rows.map((row, i) => ({
    row,
    i,
    k: sort.key === 'city' ? cityKey(row) : sort.key === 'status' ? STATUS_ORDER.get(row.status)! : row.updatedAt,
  }));
  indexed.sort((a, b) => {
    // Rows without a city go last whichever the direction.
    if (sort.key === 'city' && (a.k === '') !== (b.k === '')) return a.k === '' ? 1 : -1;
    if (a.k !== b.k) return (a.k < b.k ? -1 : 1) * sign;
    return a.i - b.i;
  });
  return indexed.map((x) => x.row);
}

/** The distinct non-empty values of one field over the rows, sorted for a picker. */
export function distinctValues(rows: readonly AccountRow[], pick: (row: AccountRow) => string | readonly string[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) {
    const v = pick(r);
    if (typeof v === 'string') {
      if (v) seen.add(v);
    } else for (const x of v) if (x) seen.add(x);
  }
  return [...seen].sort((a, b) => a.localeCompare(b, 'pt-BR'));
}
