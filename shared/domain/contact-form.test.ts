import { describe, expect, it } from 'vitest';
import { contactSchema, type Contact } from '../models';
import { consentErrors, recordConsent, withdrawConsent } from './contact-consent';
import {
  birthdayError,
  contactEditPatch,
  contactFieldsFromForm,
  contactFormFromContact,
  contactFormSchema,
  emptyContactForm,
  type ContactFormValues,
} from './contact-form';

const NOW = Date.UTC(2026, 10, 27, 12);
const form = (patch: Partial<ContactFormValues> = {}): ContactFormValues => ({
  ...emptyContactForm({ accountId: 'acc1' }),
  firstName: 'Ana',
  lastName: 'Souza',
  phones: [{ label: 'mobile', number: '(11) 98765-4321' }],
  emails: [{ label: 'work', address: 'Ana.Souza@Empresa.com.br' }],
  ...patch,
});
const issues = (values: ContactFormValues) => {
  const result = contactFormSchema.safeParse(values);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('contact form schema', () => {
  it('accepts a complete contact', () => {
    expect(issues(form())).toEqual([]);
  });
  it('requires the first name and bounds lengths, as i18n keys', () => {
    expect(issues(form({ firstName: '  ' }))).toEqual(['firstName:required']);
    expect(issues(form({ role: 'x'.repeat(121) }))).toEqual(['role:too_long']);
  });
  it('checks every phone and e-mail row, pointing at the row', () => {
    const values = form({
      phones: [
        { label: 'mobile', number: '(11) 98765-4321' },
        { label: 'work', number: '1234' },
        { label: 'home', number: '11987654321' },
      ],
      emails: [
        { label: 'work', address: 'ana@empresa' },
        { label: 'other', address: '' },
      ],
    });
    expect(issues(values)).toEqual(['phones.1.number:phone_invalid', 'phones.2.number:phone_duplicate', 'emails.0.address:email_invalid']);
  });
  it('reads numbers typed without +country as the contact’s country', () => {
    expect(issues(form({ country: 'PT', phones: [{ label: 'mobile', number: '912 345 678' }] }))).toEqual([]);
    expect(issues(form({ country: 'BR', phones: [{ label: 'mobile', number: '912 345 678' }] }))).toEqual(['phones.0.number:phone_invalid']);
  });
  it('needs a way to reach the contact on the preferred channel', () => {
    expect(issues(form({ preferredChannel: 'email', emails: [] }))).toEqual(['preferredChannel:channel_needs_email']);
    expect(issues(form({ preferredChannel: 'whatsapp', phones: [{ label: 'mobile', number: '' }] }))).toEqual(['preferredChannel:channel_needs_phone']);
  });
  it('checks the birthday', () => {
    expect(birthdayError('1985-02-30')).toBe('birthday_invalid');
    expect(birthdayError('1850-01-01')).toBe('birthday_invalid');
    expect(birthdayError('2026-11-28', { year: 2026, month: 11, day: 27 })).toBe('birthday_future');
    expect(birthdayError('')).toBeNull();
    expect(issues(form({ birthday: '1985-03-07' }))).toEqual([]);
  });
  it('requires a basis for marketing and a source for any basis', () => {
    expect(issues(form({ consentMarketing: true }))).toEqual(['consentMarketing:consent_marketing_needs_basis']);
    expect(issues(form({ consentBasis: 'consent', consentMarketing: true }))).toEqual(['consentSource:consent_source_required']);
    expect(issues(form({ consentBasis: 'consent', consentMarketing: true, consentSource: 'Feira Fenatran' }))).toEqual([]);
  });
});

describe('contactFieldsFromForm', () => {
  it('stores normalised numbers and addresses, the e-mail key and the sort key; blank rows are dropped', () => {
    const fields = contactFieldsFromForm(
      form({
        firstName: ' Ânia ',
        lastName: 'Souza',
        phones: [
          { label: 'mobile', number: '(11) 98765-4321' },
          { label: 'work', number: ' ' },
        ],
        emails: [{ label: 'work', address: ' Ana.Souza@Empresa.COM.br ' }],
        tags: 'decisor, compras, decisor',
      }),
      NOW,
    );
    expect(fields.phones).toEqual([{ label: 'mobile', number: '+55 11 98765 4321' }]);
    expect(fields.emails).toEqual([{ label: 'work', address: 'Ana.Souza@empresa.com.br' }]);
    expect(fields.emailKey).toBe('ana.souza@empresa.com.br');
    expect(fields.nameSort).toBe('ania souza');
    expect(fields.firstName).toBe('Ânia');
    expect(fields.tags).toEqual(['decisor', 'compras']);
    expect(fields.consent).toEqual({ basis: 'none', marketing: false, at: 0, source: '' });
    expect(() => contactSchema.parse({ ...fields, id: 'c1', createdAt: NOW, updatedAt: NOW, updatedBy: 'x', fieldTimes: {} })).not.toThrow();
  });
  it('dates a changed consent now and keeps the date of an unchanged one', () => {
    const created = contactFieldsFromForm(form({ consentBasis: 'consent', consentMarketing: true, consentSource: 'Feira' }), NOW);
    expect(created.consent).toEqual({ basis: 'consent', marketing: true, at: NOW, source: 'Feira' });
    const stored: Contact = { ...created, id: 'c1', createdAt: NOW, updatedAt: NOW, updatedBy: 'x', fieldTimes: {} };
    const later = NOW + 86_400_000;
    expect(contactFieldsFromForm({ ...contactFormFromContact(stored), role: 'Compradora' }, later, stored).consent.at).toBe(NOW);
    expect(contactFieldsFromForm({ ...contactFormFromContact(stored), consentMarketing: false }, later, stored).consent).toEqual({
      basis: 'consent',
      marketing: false,
      at: later,
      source: 'Feira',
    });
  });
  it('round-trips a stored contact through the form unchanged', () => {
    const fields = contactFieldsFromForm(form({ birthday: '1985-03-07', decisionMaker: true, role: 'Diretora' }), NOW);
    const stored: Contact = { ...fields, id: 'c1', createdAt: NOW, updatedAt: NOW, updatedBy: 'x', fieldTimes: {} };
    expect(contactFieldsFromForm(contactFormFromContact(stored), NOW + 1, stored)).toEqual(fields);
  });
});

describe('contactEditPatch', () => {
  const stored = (): Contact => ({
    ...contactFieldsFromForm(form({ role: 'Compradora', tags: 'decisor' }), NOW),
    id: 'c1',
    createdAt: NOW,
    updatedAt: NOW,
    updatedBy: 'x',
    fieldTimes: {},
  });

  it('writes only the fields the user changed, over the contact as stored now', () => {
    const opened = stored();
    const started = contactFormFromContact(opened);
    // Meanwhile a sync brought a new department, tags and a second e-mail.
    const now: Contact = {
      ...opened,
      department: 'Suprimentos',
      tags: ['decisor', 'vip'],
      emails: [...opened.emails, { label: 'other', address: 'ana@casa.com.br' }],
    };
    const patch = contactEditPatch(started, { ...started, role: 'Diretora de compras' }, now, NOW + 1);
    expect(patch).toEqual({ role: 'Diretora de compras' });
    const saved = { ...now, ...patch };
    expect(saved.department).toBe('Suprimentos');
    expect(saved.tags).toEqual(['decisor', 'vip']);
    expect(saved.emails).toHaveLength(2);
  });

  it('derives the sort key from the names as they will be stored, and the e-mail key with the e-mails', () => {
    const opened = stored();
    const started = contactFormFromContact(opened);
    const now: Contact = { ...opened, lastName: 'Souza Lima' };
    const patch = contactEditPatch(started, { ...started, firstName: 'Anna', emails: [{ label: 'work', address: 'anna@empresa.com.br' }] }, now, NOW + 1);
    expect(patch).toEqual({
      firstName: 'Anna',
      nameSort: 'anna souza lima',
      emails: [{ label: 'work', address: 'anna@empresa.com.br' }],
      emailKey: 'anna@empresa.com.br',
    });
  });

  it('dates a consent the user changed, and writes nothing when nothing changed', () => {
    const opened = stored();
    const started = contactFormFromContact(opened);
    expect(contactEditPatch(started, started, opened, NOW + 1)).toEqual({});
    const patch = contactEditPatch(started, { ...started, consentBasis: 'consent', consentSource: 'Feira' }, opened, NOW + 5);
    expect(patch).toEqual({ consent: { basis: 'consent', marketing: false, at: NOW + 5, source: 'Feira' } });
  });
});

describe('consent', () => {
  it('records with the date and source', () => {
    expect(recordConsent({ basis: 'consent', marketing: true, source: ' Site ' }, NOW)).toEqual({ basis: 'consent', marketing: true, at: NOW, source: 'Site' });
    expect(() => recordConsent({ basis: 'none', marketing: true, source: '' }, NOW)).toThrow();
    expect(consentErrors({ basis: 'contract', marketing: false, source: '' })).toEqual([{ field: 'source', key: 'consent_source_required' }]);
  });
  it('withdrawal ends the opt-in and a consent basis, not a contract', () => {
    expect(withdrawConsent({ basis: 'consent', marketing: true, at: 1, source: 'Feira' }, 'Pediu por e-mail', NOW)).toEqual({
      basis: 'none',
      marketing: false,
      at: NOW,
      source: 'Pediu por e-mail',
    });
    expect(withdrawConsent({ basis: 'contract', marketing: true, at: 1, source: 'Contrato' }, 'Telefone', NOW).basis).toBe('contract');
  });
});
