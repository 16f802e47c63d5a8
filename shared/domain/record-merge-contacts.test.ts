import { describe, expect, it } from 'vitest';
import { INT_MAX, activitySchema, contactSchema, type Contact } from '../models';
import { createDoc, editDoc } from './documents';
import { CONTACT_MERGE_FIELDS, contactDefaultChoices, planContactMerge, type ContactRelatedDocs } from './record-merge-contacts';

const NOW = 1_780_000_000_000;
function contact(id: string, over: Partial<Contact>): Contact {
  return {
    ...createDoc<Contact>(
      {
        accountId: 'acc',
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
        ownerId: 'ana',
        tags: [],
        notes: [],
      },
      'test',
      1,
      id,
    ),
    ...over,
  };
}

const survivor = contact('s', {
  lastName: 'Souza',
  role: 'Compradora',
  phones: [{ label: 'mobile', number: '+55 11 98765 4321' }],
  emails: [{ label: 'work', address: 'ana@papeis.com.br' }],
  emailKey: 'ana@papeis.com.br',
  tags: ['decisora'],
  notes: [{ id: 'n1', at: 2, by: 'ana', text: 'Prefere WhatsApp' }],
});
const duplicate = contact('d', {
  accountId: 'acc2',
  lastName: 'Sousa',
  role: '',
  department: 'Compras',
  birthday: '1980-05-02',
  decisionMaker: true,
  consent: { basis: 'consent', marketing: true, at: 5, source: 'Feira 2026' },
  phones: [
    { label: 'mobile', number: '(11) 98765-4321' },
    { label: 'work', number: '+55 11 3333 4444' },
  ],
  emails: [
    { label: 'work', address: 'ANA@papeis.com.br' },
    { label: 'personal', address: 'ana@gmail.com' },
  ],
  emailKey: 'ana@papeis.com.br',
  tags: ['Decisora', 'feira'],
  notes: [{ id: 'n2', at: 1, by: 'rui', text: 'Conheci na feira' }],
});
const related: ContactRelatedDocs = {
  activities: ['a1', 'a2'],
  cases: ['k1'],
  deals: [{ id: 'dl', contactIds: ['d', 's', 'x'] }],
  campaigns: [
    {
      id: 'cp',
      recipients: [
        { accountId: 'acc', contactId: 'd', status: 'sent' },
        { accountId: 'acc', contactId: 's', status: 'sent' },
      ],
    },
  ],
  events: [{ id: 'ev', invitations: [{ accountId: 'acc2', contactId: 'd', status: 'accepted' }] }],
};

describe('planning a contact merge', () => {
  const plan = planContactMerge({ survivor, duplicate, related, now: NOW, by: 'ana' });
  const merged = editDoc(survivor, plan.survivorPatch as never, 'ana', NOW);

  it("keeps the survivor's values, takes the duplicate's where the survivor has none, and unions the lists", () => {
    const c = contactDefaultChoices(survivor, duplicate);
    expect(c).toMatchObject({
      lastName: 'survivor',
      accountId: 'survivor',
      department: 'duplicate',
      birthday: 'duplicate',
      decisionMaker: 'duplicate',
      consent: 'duplicate',
    });
    expect(merged).toMatchObject({
      lastName: 'Souza',
      accountId: 'acc',
      role: 'Compradora',
      department: 'Compras',
      birthday: '1980-05-02',
      decisionMaker: true,
    });
    expect(merged.consent.source).toBe('Feira 2026');
    expect(merged.phones.map((p) => p.number)).toEqual(['+55 11 98765 4321', '+55 11 3333 4444']);
    expect(merged.emails.map((e) => e.address)).toEqual(['ana@papeis.com.br', 'ana@gmail.com']);
    expect(merged.tags).toEqual(['decisora', 'feira']);
    expect(merged.notes.map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(() => contactSchema.parse(merged)).not.toThrow();
    for (const f of CONTACT_MERGE_FIELDS) {
      if (JSON.stringify(duplicate[f]) !== JSON.stringify(merged[f])) expect(plan.record.body).toContain(JSON.stringify(duplicate[f]));
    }
  });

  it('a chosen name recomputes the sort key', () => {
    const p = planContactMerge({ survivor, duplicate, related, now: NOW, by: 'ana', choices: { lastName: 'duplicate' } });
    expect(p.survivorPatch).toMatchObject({ lastName: 'Sousa', nameSort: 'ana sousa' });
  });

  it('repoints activities, cases, deals, campaign recipients and event invitations', () => {
    const by = (c: string) => plan.repoint.filter((r) => r.collection === c);
    expect(by('activities').map((r) => [r.id, r.patch])).toEqual([
      ['a1', { contactId: 's' }],
      ['a2', { contactId: 's' }],
    ]);
    expect(by('cases')[0]!.patch).toEqual({ contactId: 's' });
    expect(by('deals')[0]!.patch).toEqual({ contactIds: ['s', 'x'] });
    expect(by('campaigns')[0]!.patch).toEqual({ recipients: [{ accountId: 'acc', contactId: 's', status: 'sent' }] });
    expect(by('events')[0]!.patch).toEqual({ invitations: [{ accountId: 'acc2', contactId: 's', status: 'accepted' }] });
  });

  it("records the merge as a note on the survivor with the removed contact's snapshot", () => {
    expect(() => activitySchema.parse(createDoc(plan.record, 'ana', NOW))).not.toThrow();
    expect(plan.record).toMatchObject({
      type: 'note',
      accountId: 'acc',
      contactId: 's',
      atInv: INT_MAX - NOW,
      summary: 'Contato Ana Sousa mesclado neste contato',
    });
    const json = JSON.parse(plan.record.body.split('(JSON):\n')[1]!);
    expect(json.mergedContact).toEqual(duplicate);
    expect(json.moved.activities).toEqual(['a1', 'a2']);
  });
});
