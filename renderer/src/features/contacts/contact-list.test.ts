import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import type { CarteiraDatabase } from '../../db/types';
import { contactList, type ContactList, type ContactPageSnapshot } from './contact-list';
import { accountDoc, contactDoc } from './test-fixtures';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts'] });
});
afterEach(async () => {
  await db.close();
});

/** Resolves with the first snapshot that satisfies `ok`. */
function until(pager: ContactList, ok: (s: ContactPageSnapshot) => boolean): Promise<ContactPageSnapshot> {
  return new Promise((resolve) => {
    const check = () => {
      const s = pager.getSnapshot();
      if (ok(s)) {
        unsubscribe();
        resolve(s);
      }
    };
    const unsubscribe = pager.subscribe(check);
    check();
  });
}

describe('the contacts list', () => {
  it('reads only the pages the view asks for, in name order, with no gap or repeat across pages', async () => {
    // Many equal names: paging must continue through ties of nameSort by id.
    await db.contacts.bulkInsert(Array.from({ length: 950 }, (_, i) => contactDoc({ firstName: i % 3 ? 'Maria' : `Zé ${i}`, lastName: 'Silva' })));
    const pager = contactList(db.contacts, db.accounts, {}, { page: 100 });
    pager.ensure(150);
    const first = await until(pager, (s) => s.rows.length >= 150 && !s.loading);
    expect(first.rows.length).toBe(200);
    expect(first.complete).toBe(false);
    pager.ensure(2000);
    const all = await until(pager, (s) => s.complete && !s.loading);
    expect(all.rows.length).toBe(950);
    expect(new Set(all.rows.map((r) => r.id)).size).toBe(950);
    const keys = all.rows.map((r) => `${r.nameSort}\u0000${r.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(all.total).toBe(950);
    pager.stop();
  });

  it('scans for a filter page by page and finds a match at the end of the index', async () => {
    await db.contacts.bulkInsert([
      ...Array.from({ length: 600 }, (_, i) => contactDoc({ firstName: `Ana ${i}`, lastName: 'Souza' })),
      contactDoc({ firstName: 'Zuleica', lastName: 'Rara', phones: [{ label: 'work', number: '+55 11 3456 7890' }] }),
    ]);
    const pager = contactList(db.contacts, db.accounts, { text: '3456-7890' }, { scanPage: 100 });
    pager.ensure(50);
    const found = await until(pager, (s) => s.complete);
    expect(found.rows.map((r) => r.firstName)).toEqual(['Zuleica']);
    pager.stop();
  });

  it('pages one account’s contacts by its index and names the account', async () => {
    const acme = accountDoc({ name: 'Acme Indústria Ltda', tradeName: 'Acme' });
    await db.accounts.insert(acme);
    await db.contacts.bulkInsert([
      contactDoc({ firstName: 'Bia', accountId: acme.id }),
      contactDoc({ firstName: 'Caio' }),
      contactDoc({ firstName: 'Ana', accountId: acme.id }),
    ]);
    const pager = contactList(db.contacts, db.accounts, { accountId: acme.id });
    pager.ensure(50);
    const s = await until(pager, (x) => x.complete && x.total !== null);
    expect(s.rows.map((r) => [r.firstName, r.accountName])).toEqual([
      ['Ana', 'Acme'],
      ['Bia', 'Acme'],
    ]);
    expect(s.total).toBe(2);
    pager.stop();
  });

  it('applies edits and deletions live to rows already read', async () => {
    const ana = contactDoc({ firstName: 'Ana', lastName: 'Souza', role: 'Compradora' });
    const bia = contactDoc({ firstName: 'Bia', lastName: 'Lima', role: 'Compradora' });
    await db.contacts.bulkInsert([ana, bia]);
    const pager = contactList(db.contacts, db.accounts, { role: 'compradora' });
    pager.ensure(50);
    await until(pager, (s) => s.complete && s.rows.length === 2);
    await (await db.contacts.findOne(ana.id).exec())!.incrementalPatch({ role: 'Diretora' });
    await until(pager, (s) => s.rows.length === 1 && s.rows[0]!.id === bia.id);
    await (await db.contacts.findOne(bia.id).exec())!.remove();
    await until(pager, (s) => s.rows.length === 0);
    await db.contacts.insert(contactDoc({ firstName: 'Carla', role: 'Compradora júnior' }));
    const s = await until(pager, (x) => x.rows.length === 1);
    expect(s.rows[0]!.firstName).toBe('Carla');
    pager.stop();
  });
});
