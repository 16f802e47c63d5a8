import { describe, expect, it } from 'vitest';
import type { Contact } from '../models';
import { compareContactRows, contactMatcher, toContactRow } from './contact-rows';

const contact = (patch: Partial<Contact>): Contact => ({
  id: 'c1',
  createdAt: 0,
  updatedAt: 0,
  updatedBy: '',
  fieldTimes: {},
  accountId: 'a1',
  firstName: 'João',
  lastName: 'Conceição',
  nameSort: 'joao conceicao',
  role: 'Comprador Sênior',
  department: 'Compras',
  phones: [{ label: 'mobile', number: '+55 11 98765 4321' }],
  emails: [{ label: 'work', address: 'Joao.C@Empresa.com.br' }],
  emailKey: 'joao.c@empresa.com.br',
  preferredChannel: 'email',
  birthday: '',
  decisionMaker: false,
  consent: { basis: 'none', marketing: false, at: 0, source: '' },
  ownerId: '',
  tags: [],
  notes: [],
  ...patch,
});

describe('contact rows', () => {
  const doc = contact({});
  const matches = (filter: Parameters<typeof contactMatcher>[0]) => contactMatcher(filter)(doc);

  it('matches names without accents or case, every word', () => {
    expect(matches({ text: 'joao' })).toBe(true);
    expect(matches({ text: 'CONCEICAO jo' })).toBe(true);
    expect(matches({ text: 'joao silva' })).toBe(false);
    expect(contactMatcher({ text: 'ana maria' })(contact({ firstName: 'Ana  Maria', lastName: 'Luz' }))).toBe(true);
    expect(contactMatcher({ text: 'sao' })(contact({ firstName: 'Conceição', lastName: 'São Pedro' }))).toBe(true);
  });
  it('matches e-mails and phone digits however they are typed', () => {
    expect(matches({ text: 'joao.c@empresa' })).toBe(true);
    expect(matches({ text: 'JOAO.C@EMPRESA.COM.BR' })).toBe(true);
    expect(matches({ text: '98765-4321' })).toBe(true);
    expect(matches({ text: '(11) 98765' })).toBe(true);
    expect(matches({ text: '98765-0000' })).toBe(false);
  });
  it('filters by account and by part of the role', () => {
    expect(matches({ accountId: 'a1', role: 'comprador senior' })).toBe(true);
    expect(matches({ role: 'compr' })).toBe(true);
    expect(matches({ accountId: 'a2' })).toBe(false);
    expect(matches({ role: 'diretor' })).toBe(false);
  });
  it('orders by sort key, then id', () => {
    const rows = [
      toContactRow(contact({ id: 'b', nameSort: 'ana' })),
      toContactRow(contact({ id: 'a', nameSort: 'ana' })),
      toContactRow(contact({ id: 'c', nameSort: 'aa' })),
    ];
    expect(rows.sort(compareContactRows).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
});
