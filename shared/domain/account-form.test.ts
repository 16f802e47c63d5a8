import { describe, expect, it } from 'vitest';
import { accountSchema, type Account } from '../models';
import { createDoc } from './documents';
import { accountEditPatch, accountFieldsFromForm, accountFormFromAccount, accountFormSchema, emptyAccountForm, parseDiscountBp } from './account-form';

const valid = {
  ...emptyAccountForm(),
  name: 'Padaria Pão Quente Ltda',
  tradeName: 'Pão Quente',
  taxId: '11.222.333/0001-81',
  city: 'São Paulo',
  state: 'SP',
  phone: '(11) 98765-4321',
  email: 'Compras@PaoQuente.com.br',
  tags: 'padaria, vip, padaria',
  discountPct: '12,5',
};

function errorsOf(values: object) {
  const result = accountFormSchema.safeParse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('account form', () => {
  it('accepts a valid Brazilian account and stores normalised fields', () => {
    expect(errorsOf(valid)).toEqual({});
    const fields = accountFieldsFromForm(valid);
    expect(fields.taxIdDigits).toBe('11222333000181');
    expect(fields.nameSort).toBe('pao quente');
    expect(fields.phones[0]?.number).toBe('+55 11 98765 4321');
    expect(fields.emails[0]?.address).toBe('Compras@paoquente.com.br');
    expect(fields.tags).toEqual(['padaria', 'vip']);
    expect(fields.conditions.discountBp).toBe(1250);
    expect(() => accountSchema.parse(createDoc<Account>(fields, 'tester'))).not.toThrow();
  });

  it('reports each bad field with a translatable key', () => {
    expect(errorsOf({ ...valid, name: ' ', taxId: '11.222.333/0001-80', phone: '123', email: 'ana@', discountPct: '120' })).toEqual({
      name: 'required',
      taxId: 'tax_id_invalid_cnpj',
      phone: 'phone_invalid',
      email: 'email_invalid',
      discountPct: 'discount_invalid',
    });
  });

  it('validates CPF and Portuguese NIF by their kind', () => {
    expect(errorsOf({ ...valid, taxIdKind: 'cpf', taxId: '529.982.247-25' })).toEqual({});
    expect(errorsOf({ ...valid, taxIdKind: 'cpf', taxId: '529.982.247-24' })).toEqual({ taxId: 'tax_id_invalid_cpf' });
    expect(errorsOf({ ...valid, country: 'PT', taxIdKind: 'nif', taxId: '123456789', phone: '912 345 678' })).toEqual({});
    expect(errorsOf({ ...valid, country: 'PT', taxIdKind: 'nif', taxId: '123456788', phone: '' })).toEqual({ taxId: 'tax_id_invalid_nif' });
  });

  it('round-trips a stored account through the form, keeping what the form does not show', () => {
    const doc = createDoc<Account>(accountFieldsFromForm(valid), 'tester');
    const withMore = { ...doc, phones: [...doc.phones, { label: 'mobile' as const, number: '+55 21 99999 0000' }] };
    const again = accountFieldsFromForm({ ...accountFormFromAccount(withMore), city: 'Campinas' }, withMore);
    expect(again.city).toBe('Campinas');
    expect(again.phones).toEqual(withMore.phones);
    expect(again.conditions.discountBp).toBe(1250);
  });

  it('parses discounts typed with comma or dot', () => {
    expect(parseDiscountBp('')).toBe(0);
    expect(parseDiscountBp('7.25')).toBe(725);
    expect(parseDiscountBp('100')).toBe(10_000);
    expect(parseDiscountBp('100,01')).toBeNull();
    expect(parseDiscountBp('abc')).toBeNull();
  });

  it('writes only what the user changed, over the account as it is now', () => {
    const opened = createDoc<Account>(accountFieldsFromForm({ ...valid, phone: '' }), 'tester');
    const started = accountFormFromAccount(opened);
    // While the editor is open, sync brings a phone and another price list.
    const now: Account = { ...opened, phones: [{ label: 'work', number: '+55 81 98888 7777' }], conditions: { ...opened.conditions, priceListId: 'tabela-c' } };
    const patch = accountEditPatch(started, { ...started, tradeName: 'Pão Quentíssimo', discountPct: '15' }, now);
    expect(patch).toEqual({
      tradeName: 'Pão Quentíssimo',
      nameSort: 'pao quentissimo',
      conditions: { ...now.conditions, discountBp: 1500 },
    });
    expect(accountEditPatch(started, started, now)).toEqual({});
    // A phone the user typed replaces the first one and keeps the others.
    const typed = accountEditPatch(
      started,
      { ...started, phone: '(11) 3333-4444' },
      { ...now, phones: [...now.phones, { label: 'mobile', number: '+55 11 99999 0000' }] },
    );
    expect(typed.phones?.map((p) => p.number)).toEqual(['+55 11 3333 4444', '+55 11 99999 0000']);
  });

  it('keeps who referred the account only while its source is a referral', () => {
    const referred = accountFieldsFromForm({ ...valid, source: 'referral', referredBy: 'acc-1' });
    expect(referred.referredBy).toBe('acc-1');
    expect(accountFieldsFromForm({ ...valid, source: 'fair', referredBy: 'acc-1' }).referredBy).toBe('');
    const opened = createDoc<Account>(referred, 'tester');
    const started = accountFormFromAccount(opened);
    expect(started.referredBy).toBe('acc-1');
    // Another field edited: the referrer is not written again; the source changed: it goes.
    expect(accountEditPatch(started, { ...started, city: 'Campinas' }, opened)).toEqual({ city: 'Campinas' });
    expect(accountEditPatch(started, { ...started, source: 'website' }, opened)).toEqual({ source: 'website', referredBy: '' });
    expect(accountEditPatch(started, { ...started, referredBy: 'acc-2' }, opened)).toEqual({ referredBy: 'acc-2' });
    // A draft of an older version has no referral fields and still saves.
    const { referredBy: _r, referrerContactId: _c, ...older } = valid;
    expect(errorsOf(older)).toEqual({});
  });
});
