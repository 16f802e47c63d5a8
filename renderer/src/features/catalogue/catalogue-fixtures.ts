import type { Account, Product } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { accountFieldsFromForm, emptyAccountForm } from '@shared/domain/account-form';
import { sortKey } from '@shared/domain/text';

/** A catalogue product for tests: tabela-b price by default, in stock, active. */
export function testProduct(fields: Pick<Product, 'sku' | 'name' | 'category'> & Partial<Product> & { price?: number }): Product {
  const { price = 1000, ...rest } = fields;
  return createDoc<Product>(
    {
      description: '',
      unit: 'un',
      availability: 'in_stock',
      stockQty: 10,
      active: true,
      prices: [{ priceListId: 'tabela-b', amount: price, currency: 'BRL' }],
      ...rest,
      nameSort: sortKey(rest.name),
    },
    'catalogue-admin',
  );
}

/** An account for tests with the given commercial conditions. */
export function testAccount(name: string, conditions: Partial<Account['conditions']> = {}): Account {
  const base = accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name });
  return createDoc<Account>({ ...base, conditions: { ...base.conditions, ...conditions } }, 'seed');
}

/** An ISO day `days` from today (local calendar). */
export function isoDayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
