import { describe, expect, it } from 'vitest';
import type { Account } from '../models';
import { createDoc } from './documents';
import { accountFieldsFromForm, emptyAccountForm } from './account-form';
import { compareAccountRows, distinctValues, filterAccountRows, isFiltering, sortAccountRows, toAccountRow } from './account-rows';

const row = (name: string, extra: Partial<ReturnType<typeof emptyAccountForm>> = {}) =>
  toAccountRow(createDoc<Account>(accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name, ...extra }), 't'));

describe('account rows', () => {
  const rows = [
    row('Ótica Visão Ltda', { city: 'São Paulo', status: 'client' }),
    row('Açougue Bom Corte', { city: 'Belo Horizonte', taxIdKind: 'cnpj', taxId: '11.222.333/0001-81' }),
    row('Zebra Papéis S.A.', { city: 'Curitiba', status: 'key' }),
  ].sort(compareAccountRows);

  it('sorts by name ignoring accents and case', () => {
    expect(rows.map((r) => r.name)).toEqual(['Açougue Bom Corte', 'Ótica Visão Ltda', 'Zebra Papéis S.A.']);
  });

  it('filters accent- and case-insensitively, every word must match', () => {
    expect(filterAccountRows(rows, { text: 'sao paulo' }).map((r) => r.name)).toEqual(['Ótica Visão Ltda']);
    expect(filterAccountRows(rows, { text: 'OTICA paulo' })).toHaveLength(1);
    expect(filterAccountRows(rows, { text: 'otica curitiba' })).toHaveLength(0);
  });

  it('finds a tax id with or without punctuation', () => {
    expect(filterAccountRows(rows, { text: '11222333' }).map((r) => r.name)).toEqual(['Açougue Bom Corte']);
    expect(filterAccountRows(rows, { text: '11.222.333/0001' }).map((r) => r.name)).toEqual(['Açougue Bom Corte']);
  });

  it('filters by status', () => {
    expect(
      filterAccountRows(rows, { statuses: ['key', 'client'] })
        .map((r) => r.status)
        .sort(),
    ).toEqual(['client', 'key']);
  });

  const wide = [
    {
      ...row('Alfa', { city: 'Recife', state: 'PE', status: 'lead', segment: 'retail', industry: 'Varejo', source: 'fair', tags: 'feira, vip' }),
      ownerId: 'ana',
      updatedAt: 3,
    },
    {
      ...row('Beta', { city: 'Curitiba', state: 'PR', status: 'client', segment: 'enterprise', industry: 'Indústria', source: 'referral', tags: 'vip' }),
      ownerId: 'bruno',
      updatedAt: 1,
    },
    {
      ...row('Gama', { city: '', state: '', status: 'key', segment: 'retail', industry: 'Varejo', source: 'website', tags: '' }),
      ownerId: 'ana',
      updatedAt: 2,
    },
  ].sort(compareAccountRows);
  const names = (rs: readonly { name: string }[]) => rs.map((r) => r.name);

  it('filters by every field: any value within a field, all fields together', () => {
    expect(names(filterAccountRows(wide, { segments: ['retail'] }))).toEqual(['Alfa', 'Gama']);
    expect(names(filterAccountRows(wide, { segments: ['retail'], ownerIds: ['ana'], sources: ['website'] }))).toEqual(['Gama']);
    expect(names(filterAccountRows(wide, { industries: ['Indústria'] }))).toEqual(['Beta']);
    expect(names(filterAccountRows(wide, { states: ['PE', 'PR'] }))).toEqual(['Alfa', 'Beta']);
    expect(names(filterAccountRows(wide, { cities: ['Curitiba'] }))).toEqual(['Beta']);
    expect(names(filterAccountRows(wide, { tags: ['feira'] }))).toEqual(['Alfa']);
    expect(names(filterAccountRows(wide, { tags: ['vip'], statuses: ['client'] }))).toEqual(['Beta']);
    expect(filterAccountRows(wide, {})).toBe(wide);
    expect(isFiltering({})).toBe(false);
    expect(isFiltering({ text: '  ' })).toBe(false);
    expect(isFiltering({ tags: ['vip'] })).toBe(true);
  });

  it('sorts by name, city (empty last), status and last update, both ways', () => {
    expect(names(sortAccountRows(wide, { key: 'name', dir: 'asc' }))).toEqual(['Alfa', 'Beta', 'Gama']);
    expect(names(sortAccountRows(wide, { key: 'name', dir: 'desc' }))).toEqual(['Gama', 'Beta', 'Alfa']);
    expect(names(sortAccountRows(wide, { key: 'city', dir: 'asc' }))).toEqual(['Beta', 'Alfa', 'Gama']);
    expect(names(sortAccountRows(wide, { key: 'city', dir: 'desc' }))).toEqual(['Alfa', 'Beta', 'Gama']);
    expect(names(sortAccountRows(wide, { key: 'status', dir: 'asc' }))).toEqual(['Alfa', 'Beta', 'Gama']);
    expect(names(sortAccountRows(wide, { key: 'updated', dir: 'desc' }))).toEqual(['Alfa', 'Gama', 'Beta']);
  });

  it('lists the distinct values of a field for the pickers', () => {
    expect(distinctValues(wide, (r) => r.ownerId)).toEqual(['ana', 'bruno']);
    expect(distinctValues(wide, (r) => r.tags)).toEqual(['feira', 'vip']);
    expect(distinctValues(wide, (r) => r.city)).toEqual(['Curitiba', 'Recife']);
  });
});
