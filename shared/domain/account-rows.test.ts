import { describe, expect, it } from 'vitest';
import type { Account } from '../models';
import { createDoc } from './documents';
import { accountFieldsFromForm, emptyAccountForm } from './account-form';
import { compareAccountRows, filterAccountRows, toAccountRow } from './account-rows';

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
    expect(filterAccountRows(rows, { statuses: ['key', 'client'] }).map((r) => r.status).sort()).toEqual(['client', 'key']);
  });
});
