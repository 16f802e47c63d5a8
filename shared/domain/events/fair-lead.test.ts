import { afterEach, describe, expect, it } from 'vitest';
import { accountSchema, contactSchema, type CrmEvent, type EventCapture } from '../../models';
import {
  capturesOnDay,
  emptyLeadForm,
  eventDatesError,
  leadErrors,
  newLeadDocuments,
  splitPersonName,
  visitActivityFields,
  withCapture,
  type LeadForm,
} from './fair-lead';

const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

const words = { interests: 'Interesse', yes: 'Sim', no: 'Não', consentShown: 'Texto de consentimento exibido:', visitSummary: 'Visita ao estande — Feicon' };
const event = {
  id: 'e1',
  name: 'Feicon 2026',
  city: 'São Paulo',
  state: 'SP',
  consentRequired: true,
  consentText: 'Autorizo a Carteira a me enviar ofertas por e-mail e WhatsApp. '.repeat(5).trim(),
  questions: [
    { id: 'q1', label: 'Compra em volume?', kind: 'yes_no' as const },
    { id: 'q2', label: 'Prazo', kind: 'choice' as const, options: ['30 dias', '90 dias'] },
  ],
};
const lead = (fields: Partial<LeadForm> = {}): LeadForm => ({
  ...emptyLeadForm(),
  name: 'Ana Maria Souza',
  company: 'Papelaria Central',
  role: 'Compradora',
  phone: '(11) 98765-4321',
  email: 'Ana@PapelariaCentral.com.br',
  interests: ['EPI', 'Papelaria'],
  answers: { q1: 'yes', q2: '90 dias' },
  consent: true,
  note: 'Quer visita em maio.',
  ...fields,
});

describe('fair lead', () => {
  it('keeps a lead only with a name, a valid e-mail and phone, and the consent the event requires', () => {
    expect(leadErrors(lead(), event)).toEqual([]);
    expect(leadErrors(lead({ name: ' ', email: 'ana@', phone: '12', consent: false }), event)).toEqual([
      { field: 'name', key: 'lead_name_required' },
      { field: 'phone', key: 'phone_invalid' },
      { field: 'email', key: 'email_invalid' },
      { field: 'consent', key: 'lead_consent_required' },
    ]);
    // An event that does not require consent takes a lead without it; a bad CNPJ is still refused.
    expect(leadErrors(lead({ consent: false, taxId: '11.222.333/0001-00' }), { consentRequired: false })).toEqual([
      { field: 'taxId', key: 'tax_id_invalid_cnpj' },
    ]);
  });

  it('becomes a lead account from the fair and its contact, with the consent text shown kept word for word and dated', () => {
    const now = Date.UTC(2026, 3, 8, 15);
    const docs = newLeadDocuments(lead({ taxId: '11.222.333/0001-81' }), event, now, 'ana', words);
    expect(accountSchema.omit({ id: true, createdAt: true, updatedAt: true, updatedBy: true, fieldTimes: true }).parse(docs.account)).toBeTruthy();
    expect(docs.account).toMatchObject({ name: 'Papelaria Central', status: 'lead', source: 'fair', taxIdKind: 'cnpj', taxIdDigits: '11222333000181' });
    const contact = { ...docs.contact, accountId: 'a1' };
    expect(contactSchema.omit({ id: true, createdAt: true, updatedAt: true, updatedBy: true, fieldTimes: true }).parse(contact)).toBeTruthy();
    expect(contact).toMatchObject({ firstName: 'Ana', lastName: 'Maria Souza', role: 'Compradora', emailKey: 'ana@papelariacentral.com.br' });
    expect(contact.phones).toEqual([{ label: 'mobile', number: '+55 11 98765 4321' }]);
    expect(contact.consent).toEqual({ basis: 'consent', marketing: true, at: now, source: 'Feicon 2026' });
    expect(contact.notes.map((n) => n.text)).toEqual([
      'Feicon 2026\nInteresse: EPI, Papelaria\nCompra em volume?: Sim\nPrazo: 90 dias\n\nQuer visita em maio.',
      `Texto de consentimento exibido:\n${event.consentText}`,
    ]);
    expect(docs.capture).toMatchObject({
      kind: 'lead',
      at: now,
      interests: ['EPI', 'Papelaria'],
      answers: [
        { questionId: 'q1', value: 'yes' },
        { questionId: 'q2', value: '90 dias' },
      ],
    });
  });

  it('without a company the person is the account, and without consent nothing is recorded as given', () => {
    const docs = newLeadDocuments(lead({ company: '', consent: false }), { ...event, consentRequired: false }, 5, 'ana', words);
    expect(docs.account.name).toBe('Ana Maria Souza');
    expect(docs.contact.consent).toEqual({ basis: 'none', marketing: false, at: 0, source: '' });
    expect(docs.contact.notes).toHaveLength(1);
    expect(() => newLeadDocuments(lead({ email: 'x' }), event, 5, 'ana', words)).toThrow(/email_invalid/);
  });

  it('logs a visit of an existing client as a visit activity that names the event', () => {
    const visit = visitActivityFields(lead(), event, { accountId: 'a9', contactId: 'c9' }, 1000, 'ana', words);
    expect(visit).toMatchObject({ type: 'visit', accountId: 'a9', contactId: 'c9', summary: 'Visita ao estande — Feicon', at: 1000, ownerId: 'ana' });
    expect(visit.body).toContain('#/events/e1');
    expect(visit.body).toContain('Compra em volume?: Sim');
  });

  it("adds the account to the event's leads once and counts the captures of the user's local day", () => {
    process.env.TZ = 'America/Sao_Paulo';
    const capture = (id: string, accountId: string, at: number): EventCapture => ({
      id,
      kind: 'lead',
      accountId,
      contactId: '',
      activityId: '',
      at,
      by: 'ana',
      interests: [],
      answers: [],
    });
    const base = { leadAccountIds: ['a1'], captures: [] } as unknown as CrmEvent;
    const once = withCapture(base, capture('k1', 'a1', Date.parse('2026-03-10T01:00:00Z')));
    expect(once.leadAccountIds).toEqual(['a1']);
    const twice = withCapture({ ...base, ...once }, capture('k2', 'a2', Date.parse('2026-03-09T12:00:00Z')));
    expect(twice.leadAccountIds).toEqual(['a1', 'a2']);
    // 22:00 on 9 March in São Paulo is 01:00 UTC on the 10th: still the 9th there.
    expect(capturesOnDay(twice, '2026-03-09')).toBe(2);
    expect(capturesOnDay(twice, '2026-03-10')).toBe(0);
  });

  it('splits names and refuses an end before the start', () => {
    expect(splitPersonName('  João  da Silva ')).toEqual({ firstName: 'João', lastName: 'da Silva' });
    expect(eventDatesError('2026-04-10', '2026-04-07')).toBe('event_end_before_start');
    expect(eventDatesError('2026-04-07', '2026-04-07')).toBeNull();
    expect(eventDatesError('', '2026-04-07')).toBeNull();
  });
});
