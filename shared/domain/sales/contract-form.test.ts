import { describe, expect, it } from 'vitest';
import { contractFormOf, contractFromDeal, contractRevision, contractTermsFromForm, parseTypedAmount, type ContractForm } from './contract-form';

const form = (over: Partial<ContractForm> = {}): ContractForm => ({
  title: 'Fornecimento de EPIs 2027',
  value: '12.000,50',
  currency: 'BRL',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  termMonths: '12',
  renewalDate: '',
  clauses: [],
  ...over,
});

describe('contract form', () => {
  it('reads typed amounts to the cent in Portuguese and English', () => {
    expect(parseTypedAmount('1.234,56', 'pt-BR')).toBe(123_456);
    expect(parseTypedAmount('1234,5', 'pt-PT')).toBe(123_450);
    expect(parseTypedAmount('R$ 1.234', 'pt-BR')).toBe(123_400);
    expect(parseTypedAmount('1234.56', 'pt-BR')).toBe(123_456);
    expect(parseTypedAmount('1,234.56', 'en')).toBe(123_456);
    expect(parseTypedAmount('-10,00', 'pt-BR')).toBe(-1000);
    expect(parseTypedAmount('12,345', 'pt-BR')).toBeNull();
    expect(parseTypedAmount('doze', 'pt-BR')).toBeNull();
    expect(parseTypedAmount('', 'pt-BR')).toBeNull();
  });

  it('turns a valid form into terms and back', () => {
    const result = contractTermsFromForm(form({ title: '  EPIs  ' }), 'pt-BR');
    expect(result).toEqual({
      ok: true,
      terms: {
        title: 'EPIs',
        value: { amount: 1_200_050, currency: 'BRL' },
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        termMonths: 12,
        renewalDate: '',
        clauses: [],
      },
    });
    if (result.ok) expect(contractFormOf(result.terms, 'pt-BR')).toEqual(form({ title: 'EPIs', value: '12000,50' }));
  });

  it('says what is wrong with each field: negative value, dates out of order, renewal after the end, an empty title, a bad term', () => {
    expect(contractTermsFromForm(form({ value: '-1,00', endDate: '2026-12-31', termMonths: '1,5', title: ' ' }), 'pt-BR')).toEqual({
      ok: false,
      errors: { title: 'title_required', value: 'value_negative', endDate: 'dates_out_of_order', termMonths: 'term_invalid' },
    });
    expect(contractTermsFromForm(form({ value: 'abc', renewalDate: '2028-01-31' }), 'pt-BR')).toEqual({
      ok: false,
      errors: { value: 'value_invalid', renewalDate: 'renewal_after_end' },
    });
  });

  it("makes a won deal a draft contract with the deal's account, value and an editable referral clause, version 1 holding them", () => {
    const c = contractFromDeal(
      { id: 'deal1', accountId: 'acc1', title: 'Luvas 2027', value: { amount: 5697, currency: 'BRL' }, ownerId: 'ana' },
      ' O cliente indicará 2 empresas após 90 dias. ',
      { id: '0mf3k2a1bcdefghi7kq2f', clauseId: 'k1' },
      { today: '2026-12-15', at: 42, by: 'tester' },
    );
    expect(c).toMatchObject({
      number: 'CT-2026-7KQ2F',
      accountId: 'acc1',
      dealId: 'deal1',
      status: 'draft',
      title: 'Luvas 2027',
      value: { amount: 5697, currency: 'BRL' },
      clauses: [{ id: 'k1', kind: 'referral', text: 'O cliente indicará 2 empresas após 90 dias.' }],
      ownerId: 'ana',
    });
    expect(c.versions).toEqual([{ version: 1, at: 42, by: 'tester', summary: '', terms: expect.objectContaining({ value: c.value, clauses: c.clauses }) }]);
  });
});

describe('contract revision', () => {
  const base = contractFromDeal(
    { id: 'deal1', accountId: 'acc1', title: 'Luvas 2027', value: { amount: 100_000, currency: 'BRL' }, ownerId: 'ana' },
    'O cliente indicará 2 empresas após 90 dias.',
    { id: '0mf3k2a1bcdefghi7kq2f', clauseId: 'k1' },
    { today: '2026-12-15', at: 1, by: 'ana' },
  );
  const contract = { ...base, id: 'c1', createdAt: 1, updatedAt: 1, updatedBy: 'ana', fieldTimes: {} };

  it('appends version 2 with the new terms, and nothing when the terms are the same', () => {
    const terms = { ...termsOfForm(contract), value: { amount: 120_000, currency: 'BRL' as const } };
    const revision = contractRevision(contract, terms, 'bia', 50);
    expect(revision?.version).toBe(2);
    expect(revision?.patch.versions.map((v) => [v.version, v.summary, v.terms?.value.amount])).toEqual([
      [1, '', 100_000],
      [2, 'value', 120_000],
    ]);
    expect(contractRevision(contract, termsOfForm(contract), 'bia', 50)).toBeNull();
  });

  it('gives an older version without terms the terms it left, so the new one can be compared with it', () => {
    const older = { ...contract, versions: [{ version: 1, at: 1, by: 'ana', summary: 'Minuta inicial enviada ao cliente.' }] };
    const revision = contractRevision(older, { ...termsOfForm(contract), endDate: '2027-12-31', startDate: '2027-01-01' }, 'bia', 50)!;
    expect(revision.patch.versions[0]).toEqual({ ...older.versions[0], terms: termsOfForm(contract) });
    expect(revision.patch.versions[1]?.summary).toBe('startDate, endDate');
  });
});

const termsOfForm = (c: Parameters<typeof contractFormOf>[0]) => {
  const r = contractTermsFromForm(contractFormOf(c, 'pt-BR'), 'pt-BR');
  if (!r.ok) throw new Error('invalid');
  return r.terms;
};
