import { createDoc } from '../../shared/domain/documents';
import { accountSchema, productSchema, type Account, type Product } from '../../shared/models';

/** A schema-valid account, as RxDB's CouchDB replication pushes it: primary key moved to `_id`. */
export function accountAsPushed(name = 'Ferragens Horizonte Ltda'): Record<string, unknown> {
  const account = accountSchema.parse(
    createDoc<Account>(
      {
        name,
        tradeName: 'Horizonte',
        nameSort: name.toLowerCase(),
        status: 'client',
        segment: 'small_business',
        industry: 'hardware',
        taxIdKind: 'none',
        taxId: '',
        taxIdDigits: '',
        country: 'BR',
        city: 'Campinas',
        state: 'SP',
        addresses: [],
        phones: [],
        emails: [],
        website: '',
        preferredChannel: 'phone',
        ownerId: 'ana',
        tags: [],
        source: 'fair',
        referredBy: '',
        risk: { signals: [], score: 0 },
        conditions: { priceListId: '', discountBp: 0, paymentTerms: '30 dias', bonuses: '', loyaltyTier: 'none' },
        notes: [],
      },
      'ana',
    ),
  );
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
