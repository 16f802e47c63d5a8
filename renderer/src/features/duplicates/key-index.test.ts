import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import type { CarteiraDatabase } from '../../db/types';
import { createRepository } from '../../db/repository';
import { testAccount } from './test-fixtures';
import { accountKeyIndex, findAccountCandidates } from './useDuplicates';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts'] });
});
afterEach(async () => {
  await db.close();
});

describe('the accounts key map', () => {
  it('is built from what is stored and follows inserts, edits and deletions', async () => {
    await db.accounts.bulkInsert(
      Array.from({ length: 2500 }, (_, i) =>
        testAccount(`a-${String(i).padStart(5, '0')}`, {
          emails: [{ label: 'work', address: `compras${i}@empresa${i}.com.br` }],
        }),
      ),
    );
    const index = accountKeyIndex(db);
    expect(accountKeyIndex(db)).toBe(index);
    await index.ready;
    expect(index.lookup(['e:compras2400@empresa2400.com.br'])).toEqual(['a-02400']);
    expect(index.lookup(['d:empresa7.com.br'])).toEqual(['a-00007']);

    const repo = createRepository(db, 'accounts', () => 'tester');
    await repo.update('a-00007', {
      emails: [{ label: 'work', address: 'novo@outra.com.br' }],
      phones: [{ label: 'work', number: '+55 11 3333 4444' }],
      referredBy: 'a-00001',
    });
    expect(index.lookup(['d:empresa7.com.br'])).toEqual([]);
    expect(index.lookup(['p:1133334444', 'r:a-00001'])).toEqual(['a-00007']);
    await db.accounts.insert(testAccount('new', { emails: [{ label: 'work', address: 'x@outra.com.br' }] }));
    expect(index.lookup(['d:outra.com.br']).sort()).toEqual(['a-00007', 'new']);
    await repo.remove('a-00007');
    expect(index.lookup(['d:outra.com.br'])).toEqual(['new']);
  });

  it('finds an account by the same phone although no index holds phones', async () => {
    await db.accounts.bulkInsert([
      testAccount('a', { name: 'Zeta Comércio', phones: [{ label: 'work', number: '+55 21 99876 5432' }] }),
      testAccount('b', { name: 'Ômega Serviços' }),
    ]);
    const found = await findAccountCandidates(db, { name: 'Alfa', tradeName: '', taxId: '', emails: [], phones: ['(21) 99876-5432'], country: 'BR' });
    expect(found.map((c) => [c.doc.id, c.match.reasons.map((r) => r.kind)])).toEqual([['a', ['phone']]]);
  });
});
