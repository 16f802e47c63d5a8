import { createDoc } from '../../shared/domain/documents';
import { sampleAccountFields } from '../sync/account-fixture';
import { accountSchema, productSchema, type Account, type Product } from '../../shared/models';

/** A schema-valid account, as RxDB's CouchDB replication pushes it: primary key moved to `_id`. */
export function accountAsPushed(name = 'Ferragens Horizonte Ltda'): Record<string, unknown> {
  const account = accountSchema.parse(createDoc<Account>({ ...sampleAccountFields(name), tradeName: 'Horizonte', status: 'client' }, 'ana'));
  return asPushed(account);
}

export function productAsPushed(sku = 'PAR-0001'): Record<string, unknown> {
  const product = productSchema.parse(
    createDoc<Product>(
      {
        sku,
        name: 'Parafuso sextavado 8 mm',
        nameSort: 'parafuso sextavado 8 mm',
        category: 'fixação',
        description: '',
        unit: 'cx',
        prices: [{ priceListId: 'default', amount: 1990, currency: 'BRL' }],
        availability: 'in_stock',
        stockQty: 120,
        active: true,
      },
      'catalogo',
    ),
  );
  return asPushed(product);
}

function asPushed<T extends { id: string }>(doc: T): Record<string, unknown> {
  const { id, ...rest } = doc;
  return { _id: id, ...rest };
}
