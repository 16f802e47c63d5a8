import type { Account, Activity, Contact } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { derivedValues } from '@shared/domain/derived-fields';
import { emailKey } from '@shared/domain/validators';

type Fields<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'fieldTimes'>;
let seq = 0;
const NOW = Date.UTC(2026, 10, 27, 12);

/** A contact document for tests (derived fields computed as the app does). */
export function contactDoc(patch: Partial<Fields<Contact>> & { id?: string } = {}): Contact {
  const { id, ...fields } = patch;
  const base: Fields<Contact> = {
    accountId: '',
    firstName: 'Ana',
    lastName: 'Souza',
    nameSort: '',
    role: '',
    department: '',
    phones: [],
    emails: [],
    emailKey: '',
    preferredChannel: 'phone',
    birthday: '',
    decisionMaker: false,
    consent: { basis: 'none', marketing: false, at: 0, source: '' },
    ownerId: '',
    tags: [],
    notes: [],
    ...fields,
  };
  base.nameSort = derivedValues('contacts', base).nameSort as string;
  base.emailKey = base.emails[0] ? emailKey(base.emails[0].address) : '';
  return createDoc<Contact>(base, 'fixture', NOW, id ?? `contact-${String(++seq).padStart(6, '0')}`);
}

export function accountDoc(patch: Partial<Fields<Account>> & { id?: string } = {}): Account {
  const { id, ...fields } = patch;
  const base: Fields<Account> = {
    name: 'Conta Ltda',
    tradeName: '',
    nameSort: '',
    status: 'client',
    segment: 'small_business',
    industry: '',
    taxIdKind: 'none',
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
    ...fields,
  };
  base.nameSort = derivedValues('accounts', base).nameSort as string;
  return createDoc<Account>(base, 'fixture', NOW, id ?? `account-${String(++seq).padStart(6, '0')}`);
}

export function activityDoc(patch: Partial<Fields<Activity>> & { id?: string } = {}): Activity {
  const { id, ...fields } = patch;
  const at = fields.at ?? NOW;
  const base: Fields<Activity> = {
    type: 'call',
    accountId: '',
    contactId: '',
    dealId: '',
    at,
    atInv: Number.MAX_SAFE_INTEGER - at,
    summary: '',
    body: '',
    outcome: '',
    durationMin: 0,
    taskState: 'none',
    dueAt: 0,
    reminderAt: 0,
    ownerId: '',
    ...fields,
  };
  return createDoc<Activity>(base, 'fixture', NOW, id ?? `activity-${String(++seq).padStart(6, '0')}`);
}
