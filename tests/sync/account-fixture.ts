import type { Account, BaseDoc } from '../../shared/models';

/** The fields of a schema-valid account, for sync and conflict tests. */
export function sampleAccountFields(name = 'Acme Distribuidora'): Omit<Account, keyof BaseDoc> {
  return {
    name,
    tradeName: 'Acme',
    nameSort: name.toLowerCase(),
    status: 'lead',
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
  };
}
