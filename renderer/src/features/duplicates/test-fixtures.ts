import type { Account, Activity, Contact, Deal } from '@shared/models';
import { accountSortKey } from '@shared/domain/derived-fields';
import { createDoc } from '@shared/domain/documents';

type Fields<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'fieldTimes'>;

/** A valid account for tests, with `over` applied (nameSort follows the names). */
export function testAccount(id: string, over: Partial<Account> = {}): Account {
  const base = {
    name: 'Empresa Ltda',
    tradeName: '',
    status: 'client',
    segment: 'retail',
    industry: '',
    taxIdKind: 'cnpj',
    taxId: '',
    taxIdDigits: '',
    country: 'BR',
    city: '',
    state: '',
    addresses: [],
    phones: [],
    emails: [],
    website: '',
    preferredChannel: 'phone',
    ownerId: '',
    tags: [],
    source: 'other',
    referredBy: '',
    risk: { signals: [], score: 0 },
    conditions: { priceListId: '', discountBp: 0, paymentTerms: '', bonuses: '', loyaltyTier: 'none' },
    notes: [],
    ...over,
  } as Omit<Fields<Account>, 'nameSort'>;
  return createDoc<Account>({ ...base, nameSort: accountSortKey(base) }, 'tester', Date.now(), id);
}

export function testContact(id: string, accountId: string, firstName: string, lastName: string): Contact {
  return createDoc<Contact>(
    {
      accountId,
      firstName,
      lastName,
      nameSort: `${firstName} ${lastName}`.toLowerCase(),
      role: '',
      department: '',
      phones: [],
      emails: [],
      emailKey: '',
      preferredChannel: 'email',
      birthday: '',
      decisionMaker: false,
      consent: { basis: 'none', marketing: false, at: 0, source: '' },
      ownerId: '',
      tags: [],
      notes: [],
    },
    'tester',
    Date.now(),
    id,
  );
}

export function testActivity(id: string, accountId: string, summary: string, at = Date.now()): Activity {
  return createDoc<Activity>(
    {
      type: 'call',
      accountId,
      contactId: '',
      dealId: '',
      at,
      atInv: 9_007_199_254_740_991 - at,
      summary,
      body: '',
      outcome: '',
      durationMin: 0,
      taskState: 'none',
      dueAt: 0,
      reminderAt: 0,
      ownerId: '',
    },
    'tester',
    Date.now(),
    id,
  );
}

export function testDeal(id: string, accountId: string, title: string): Deal {
  return createDoc<Deal>(
    {
      accountId,
      title,
      stage: 'proposal',
      lines: [],
      value: { amount: 100_00, currency: 'BRL' },
      probability: 50,
      expectedClose: '',
      lostReason: '',
      competitorId: '',
      contactIds: [],
      ownerId: '',
      notes: [],
    },
    'tester',
    Date.now(),
    id,
  );
}
