import { describe, expect, it } from 'vitest';
import { createDoc } from './documents';
import { activityTime } from './activity-fields';
import { checkIncomingDocument, MAX_TIME } from './incoming-document';
import type { Account, Activity, Contact } from '../models';
import { sampleAccountFields } from '../../tests/sync/account-fixture';
import { generateAll } from '../sample-data';
import { COLLECTION_NAMES } from '../models';

const AT = Date.UTC(2026, 2, 10, 14);

/** As CouchDB sends it: `_id` for `id`, a revision. */
function asCouch(doc: { id: string } & Record<string, unknown>): Record<string, unknown> {
  const { id, ...rest } = doc;
  return { _id: id, _rev: '1-abc', ...rest };
}

const account = () => asCouch(createDoc<Account>(sampleAccountFields('Ferragens Silva'), 'bia', AT, 'acc1'));
const activity = (at = AT) =>
  asCouch(
    createDoc<Activity>(
      {
        type: 'meeting',
        accountId: 'acc1',
        contactId: '',
        dealId: '',
        ...activityTime(at),
        summary: 'Reunião',
        body: '',
        outcome: '',
        durationMin: 30,
        taskState: 'none',
        dueAt: 0,
        reminderAt: 0,
        ownerId: 'bia',
      },
      'bia',
      AT,
      'act1',
    ),
  );

const issuesOf = (collection: Parameters<typeof checkIncomingDocument>[0], doc: unknown) => {
  const result = checkIncomingDocument(collection, doc);
  return result.ok ? [] : result.issues;
};

describe('a document pulled from the server', () => {
  it('passes unchanged when it fits the model and its bounds', () => {
    const doc = account();
    expect(checkIncomingDocument('accounts', doc)).toEqual({ ok: true, doc });
    expect(checkIncomingDocument('activities', activity())).toMatchObject({ ok: true });
  });

  it('is refused with a time no date can show (the 9e15 that blanked the 360° page)', () => {
    expect(issuesOf('activities', activity(9e15))).toContainEqual({ path: 'at', code: 'time_out_of_range', limit: MAX_TIME });
    const edited = { ...activity(), fieldTimes: { summary: 9e15 } };
    expect(issuesOf('activities', edited)).toContainEqual({ path: 'fieldTimes.summary', code: 'time_out_of_range', limit: MAX_TIME });
  });

  it('is refused when a field has the wrong type, per path', () => {
    expect(issuesOf('accounts', { ...account(), name: 42 })).toEqual([{ path: 'name', code: 'invalid_type' }]);
  });

  it('is refused with a text over its model length and a document over the size cap', () => {
    const huge = 'x'.repeat(5_000_000);
    const doc = { ...account(), notes: [{ id: 'n1', at: AT, by: 'bia', text: huge }] };
    const issues = issuesOf('accounts', doc);
    expect(issues).toContainEqual({ path: '', code: 'document_too_large', limit: 2_000_000 });
    expect(issues).toContainEqual({ path: 'notes[0].text', code: 'too_long', limit: 20_000 });
  });

  it('is refused with __proto__, constructor or prototype keys anywhere', () => {
    const doc = JSON.parse(JSON.stringify(account()).replace('"fieldTimes":{', '"fieldTimes":{"__proto__":{"polluted":1},'));
    expect(issuesOf('accounts', doc)).toContainEqual({ path: 'fieldTimes.__proto__', code: 'forbidden_key' });
    expect(issuesOf('accounts', { ...account(), conditions: { ...(account().conditions as object), constructor: 'x' } })).toContainEqual({
      path: 'conditions.constructor',
      code: 'forbidden_key',
    });
  });

  it('is refused with fields this version does not know, at any depth', () => {
    expect(issuesOf('accounts', { ...account(), shoeSize: 44 })).toEqual([{ path: 'shoeSize', code: 'unknown_field' }]);
    expect(issuesOf('accounts', { ...account(), risk: { signals: [], score: 0, secret: true } })).toEqual([{ path: 'risk.secret', code: 'unknown_field' }]);
  });

  it('is refused with a calendar date that does not exist or an over-long list', () => {
    const contact = asCouch(
      createDoc<Contact>(
        {
          accountId: 'acc1',
          firstName: 'Ana',
          lastName: 'Lima',
          nameSort: 'ana lima',
          role: '',
          phones: [],
          emails: [],
          preferredChannel: 'phone',
          birthday: '2024-02-30',
          consent: { basis: 'none', marketing: false, at: 0, source: '' },
          ownerId: 'bia',
          tags: [],
          notes: [],
        } as never,
        'bia',
        AT,
        'c1',
      ),
    );
    const issues = issuesOf('contacts', contact);
    expect(issues).toContainEqual({ path: 'birthday', code: 'date_invalid' });
    expect(issuesOf('accounts', { ...account(), tags: Array.from({ length: 2001 }, () => 'x') })).toEqual([
      { path: 'tags', code: 'list_too_long', limit: 2000 },
    ]);
  });

  it('is refused when its id field and CouchDB id disagree (it would overwrite another record)', () => {
    expect(issuesOf('accounts', { ...account(), id: 'acc2' })).toContainEqual({ path: 'id', code: 'id_mismatch' });
  });

  it('applies a deletion whatever it carries: a bare stub as is, an invalid deleted document as its stub', () => {
    const stub = { _id: 'acc1', _rev: '2-def', _deleted: true };
    expect(checkIncomingDocument('accounts', stub)).toEqual({ ok: true, doc: stub });
    expect(checkIncomingDocument('accounts', { ...account(), _deleted: true, name: 42 })).toEqual({
      ok: true,
      doc: { _id: 'acc1', _rev: '1-abc', _deleted: true },
    });
    const deleted = { ...account(), _deleted: true };
    expect(checkIncomingDocument('accounts', deleted)).toEqual({ ok: true, doc: deleted });
  });

  it('is refused when it is not an object', () => {
    expect(issuesOf('accounts', 'hello')).toEqual([{ path: '', code: 'not_object' }]);
  });

  it('passes every document of the sample portfolio, in every collection (no false refusals)', () => {
    const all = generateAll({ size: 'S', seed: 7, now: Date.UTC(2026, 2, 10, 12) });
    for (const collection of COLLECTION_NAMES) {
      const refused = all[collection].map((doc) => [doc.id, checkIncomingDocument(collection, asCouch(doc as never))] as const).filter(([, r]) => !r.ok);
      expect(refused.slice(0, 3), collection).toEqual([]);
      expect(all[collection].length, collection).toBeGreaterThan(0);
    }
  });
});
