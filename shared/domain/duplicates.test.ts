import { describe, expect, it } from 'vitest';
import type { Account, Contact } from '../models';
import {
  NAME_SIMILARITY_THRESHOLD,
  accountContactKeys,
  coreName,
  emailDomain,
  findAccountDuplicates,
  findContactDuplicates,
  isFreeMailDomain,
  matchAccount,
  matchContact,
  nameSimilarity,
  phoneKey,
  probeContactKeys,
  probeNamePrefixes,
  stripLegalSuffixes,
  type AccountProbe,
  type ContactProbe,
} from './duplicates';

function account(over: Partial<Account> = {}): Account {
  return {
    id: 'a1',
    createdAt: 1,
    updatedAt: 1,
    updatedBy: 'x',
    fieldTimes: {},
    name: 'Empresa Qualquer Ltda',
    tradeName: '',
    nameSort: 'empresa qualquer ltda',
    status: 'client',
    segment: 'retail',
    industry: '',
    taxIdKind: 'cnpj',
    taxId: '11.222.333/0001-81',
    taxIdDigits: '11222333000181',
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
  };
}

const probe = (over: Partial<AccountProbe> = {}): AccountProbe => ({ name: '', tradeName: '', taxId: '', emails: [], phones: [], country: 'BR', ...over });

describe('account duplicate reasons', () => {
  it('same tax id, whatever the punctuation typed', () => {
    const m = matchAccount(probe({ taxId: '11222333/0001-81', name: 'Outro Nome' }), account());
    expect(m?.reasons).toEqual([{ kind: 'tax_id', value: '11.222.333/0001-81' }]);
    expect(m?.score).toBe(1);
  });

  it('a tax id still being typed matches nothing', () => {
    expect(matchAccount(probe({ taxId: '1122' }), account({ taxIdDigits: '1122' }))).toBeNull();
  });

  it('same e-mail, case-insensitively, and not also the same domain', () => {
    const m = matchAccount(probe({ emails: ['Compras@Silva.com.br'] }), account({ emails: [{ label: 'work', address: 'compras@silva.com.br' }] }));
    expect(m?.reasons).toEqual([{ kind: 'email', value: 'compras@silva.com.br' }]);
  });

  it('same company mail domain', () => {
    const m = matchAccount(probe({ emails: ['vendas@silva.com.br'] }), account({ emails: [{ label: 'work', address: 'compras@silva.com.br' }] }));
    expect(m?.reasons).toEqual([{ kind: 'email_domain', value: 'silva.com.br' }]);
  });

  it('free-mail domains are no reason', () => {
    for (const domain of ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br', 'uol.com.br', 'bol.com.br', 'sapo.pt']) {
      expect(isFreeMailDomain(domain)).toBe(true);
      expect(matchAccount(probe({ emails: [`joao@${domain}`] }), account({ emails: [{ label: 'work', address: `maria@${domain}` }] }))).toBeNull();
    }
    expect(isFreeMailDomain('silva.com.br')).toBe(false);
  });

  it('same phone, however it was written', () => {
    const stored = account({ phones: [{ label: 'work', number: '+55 11 98765 4321' }] });
    for (const typed of ['(11) 98765-4321', '11987654321', '+55 (11) 98765-4321', '011 98765-4321']) {
      expect(matchAccount(probe({ phones: [typed] }), stored)?.reasons).toEqual([{ kind: 'phone', value: '+55 11 98765 4321' }]);
    }
    expect(matchAccount(probe({ phones: ['(11) 98765-4322'] }), stored)).toBeNull();
  });

  it('Portuguese numbers compare by their national number', () => {
    expect(phoneKey('+351 912 345 678')).toBe('912345678');
    expect(phoneKey('912 345 678', 'PT')).toBe('912345678');
    expect(phoneKey('123')).toBe('');
  });

  it('the fast path agrees with libphonenumber on Brazilian and Portuguese numbers', () => {
    const cases: [string, string, string][] = [
      ['+55 (21) 99876-5432', 'BR', '21998765432'],
      ['0055 21 3333 4444', 'BR', '2133334444'],
      ['(21) 3333-4444', 'BR', '2133334444'],
      ['0 21 11 98765-4321', 'BR', '11987654321'],
      ['+351 213 456 789', 'BR', '213456789'],
      ['00351 912 345 678', 'PT', '912345678'],
      ['213 456 789', 'PT', '213456789'],
      ['+1 (415) 555-2671', 'BR', '4155552671'],
      ['+44 20 7946 0958', 'PT', '2079460958'],
    ];
    for (const [typed, country, national] of cases) expect(phoneKey(typed, country), typed).toBe(national);
  });

  it('a similar name, legal form aside', () => {
    const m = matchAccount(probe({ name: 'Papéis Paulista' }), account({ name: 'Distribuidora X S.A.', tradeName: 'Papeis Paulista Ltda.' }));
    expect(m?.reasons).toEqual([{ kind: 'name', value: 'Papeis Paulista Ltda.', similarity: 1 }]);
  });

  it('reports several reasons at once and ranks by the strongest', () => {
    const a = account({ id: 'a', name: 'Ferragens Silva Ltda', phones: [{ label: 'work', number: '(11) 3333-4444' }] });
    const b = account({ id: 'b', name: 'Ferragens Silva ME', taxIdDigits: '99999999000191' });
    const found = findAccountDuplicates(probe({ name: 'Ferragens Silva', taxId: '11.222.333/0001-81', phones: ['11 3333-4444'] }), [b, a]);
    expect(found.map((m) => m.id)).toEqual(['a', 'b']);
    expect(found[0]!.reasons.map((r) => r.kind)).toEqual(['tax_id', 'phone', 'name']);
    expect(found[1]!.reasons.map((r) => r.kind)).toEqual(['name']);
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score);
  });

  it('never reports the account being edited', () => {
    expect(matchAccount(probe({ id: 'a1', taxId: '11222333000181' }), account())).toBeNull();
  });
});

describe('names', () => {
  it('strips legal suffixes (LTDA, S.A., ME, EIRELI, Lda, Unipessoal) but keeps at least one word', () => {
    expect(stripLegalSuffixes('Comercial Santos Ltda.')).toEqual(['comercial', 'santos']);
    expect(stripLegalSuffixes('Metalúrgica Andrade S.A.')).toEqual(['metalurgica', 'andrade']);
    expect(stripLegalSuffixes('Metalurgica Andrade S/A')).toEqual(['metalurgica', 'andrade']);
    expect(stripLegalSuffixes('Padaria Central ME')).toEqual(['padaria', 'central']);
    expect(stripLegalSuffixes('Oficina Rápida EIRELI')).toEqual(['oficina', 'rapida']);
    expect(stripLegalSuffixes('Vinhos do Douro, Unipessoal Lda')).toEqual(['vinhos', 'do', 'douro']);
    expect(stripLegalSuffixes('Santos & Cia Ltda')).toEqual(['santos']);
    expect(stripLegalSuffixes('Ltda')).toEqual(['ltda']);
    expect(coreName('Distribuidora de Papéis do Sul Ltda')).toBe('distribuidora papeis sul');
  });

  it('threshold: near spellings and reordered words match, different companies do not', () => {
    expect(nameSimilarity('Tech Solutions', 'Tech Solution')).toBeGreaterThanOrEqual(NAME_SIMILARITY_THRESHOLD);
    expect(nameSimilarity('Distribuidora Paulista de Papéis', 'Distribuidora de Papéis Paulista')).toBe(1);
    expect(nameSimilarity('Distribuidora Norte', 'Distribuidora Sul')).toBeLessThan(NAME_SIMILARITY_THRESHOLD);
    expect(nameSimilarity('Ferragens Silva', 'Ferragens Souza')).toBeLessThan(NAME_SIMILARITY_THRESHOLD);
    expect(nameSimilarity('', 'Ferragens')).toBe(0);
  });

  it('a stricter threshold drops a match a looser one reports', () => {
    const a = account({ name: 'Construtora Alfa' });
    const p = probe({ name: 'Construtora Alfa Beta' });
    expect(matchAccount(p, a, 0.8)?.reasons[0]?.kind).toBe('name');
    expect(matchAccount(p, a, 0.95)).toBeNull();
  });

  it('name prefixes are the first normalized word of each name (≥ 3 letters)', () => {
    expect(probeNamePrefixes({ name: 'Álvaro Materiais', tradeName: 'AM' })).toEqual(['alvaro']);
  });
});

describe('lookup keys', () => {
  it('e-mails, company domains (free mail left out) and phones', () => {
    const keys = accountContactKeys(
      account({
        emails: [
          { label: 'work', address: 'Compras@Silva.com.br' },
          { label: 'other', address: 'dono@gmail.com' },
        ],
        phones: [{ label: 'work', number: '+55 11 98765 4321' }],
      }),
    );
    expect(keys.sort()).toEqual(['d:silva.com.br', 'e:compras@silva.com.br', 'e:dono@gmail.com', 'p:11987654321']);
    expect(probeContactKeys({ emails: ['vendas@silva.com.br'], phones: ['(11) 98765-4321'], country: 'BR' }).sort()).toEqual([
      'd:silva.com.br',
      'e:vendas@silva.com.br',
      'p:11987654321',
    ]);
    expect(emailDomain('x@Y.com')).toBe('y.com');
  });
});

describe('contact duplicate reasons', () => {
  const contact = (over: Partial<Contact> = {}): Contact => ({
    id: 'c1',
    createdAt: 1,
    updatedAt: 1,
    updatedBy: 'x',
    fieldTimes: {},
    accountId: 'a1',
    firstName: 'Ana',
    lastName: 'Souza',
    nameSort: 'ana souza',
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
    ...over,
  });
  const cp = (over: Partial<ContactProbe> = {}): ContactProbe => ({
    accountId: 'a1',
    firstName: '',
    lastName: '',
    emails: [],
    phones: [],
    country: 'BR',
    ...over,
  });

  it('same e-mail anywhere', () => {
    const c = contact({ accountId: 'other', emails: [{ label: 'work', address: 'ana@x.com' }], emailKey: 'ana@x.com' });
    expect(matchContact(cp({ emails: ['ANA@x.com'] }), c)?.reasons).toEqual([{ kind: 'email', value: 'ana@x.com' }]);
  });

  it('same phone anywhere', () => {
    const c = contact({ accountId: 'other', phones: [{ label: 'mobile', number: '+55 21 99876 5432' }] });
    expect(matchContact(cp({ phones: ['(21) 99876-5432'] }), c)?.reasons.map((r) => r.kind)).toEqual(['phone']);
  });

  it('similar name only within the same account', () => {
    expect(matchContact(cp({ firstName: 'Ana', lastName: 'Sousa' }), contact())?.reasons[0]?.kind).toBe('name');
    expect(matchContact(cp({ accountId: 'a2', firstName: 'Ana', lastName: 'Souza' }), contact())).toBeNull();
    expect(matchContact(cp({ firstName: 'Bruno', lastName: 'Lima' }), contact())).toBeNull();
  });

  it('ranks and skips the contact being edited', () => {
    const list = [contact(), contact({ id: 'c2', firstName: 'Ana', lastName: 'Souza' })];
    expect(findContactDuplicates(cp({ id: 'c1', firstName: 'Ana', lastName: 'Souza' }), list).map((m) => m.id)).toEqual(['c2']);
  });
});
