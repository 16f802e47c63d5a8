import type { Account, AccountStatus } from '../models';
import { alphanumericOnly, normalizeText } from './text';

/** What the accounts list shows and filters on: a light projection of an account kept in memory. */
export interface AccountRow {
  id: string;
  name: string;
  tradeName: string;
  nameSort: string;
  status: AccountStatus;
  segment: Account['segment'];
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
}

/** Rows matching the filter, in the given order. Tax ids match with or without punctuation. */
export function filterAccountRows(rows: readonly AccountRow[], filter: AccountRowFilter): readonly AccountRow[] {
  const words = normalizeText(filter.text ?? '')
    .split(' ')
    .filter(Boolean)
    .map((w) => (/\d/.test(w) ? alphanumericOnly(w).toLowerCase() || w : w));
  const statuses = filter.statuses?.length ? new Set(filter.statuses) : null;
  if (!words.length && !statuses) return rows;
  return rows.filter((r) => (!statuses || statuses.has(r.status)) && words.every((w) => r.haystack.includes(w)));
}
