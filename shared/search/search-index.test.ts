import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SearchIndex } from './search-index';
import { NaiveSearch } from './naive-search';
import type { SearchRecord } from './records';
import { codeKey, parseQuery, phoneKeys } from './tokenize';

const account = (id: string, name: string, extra: Partial<SearchRecord> = {}): SearchRecord => ({
  kind: 'account',
  id,
  title: name,
  detail: [],
  names: [name],
  alt: [],
  codes: [],
  place: [],
  ...extra,
});
const contact = (id: string, name: string, accountId?: string, extra: Partial<SearchRecord> = {}): SearchRecord => ({
  kind: 'contact',
  id,
  title: name,
  detail: [],
  accountId,
  names: [name],
  alt: [],
  codes: [],
  place: [],
  ...extra,
});

function indexOf(records: SearchRecord[]): SearchIndex {
  const index = new SearchIndex();
  index.upsert(records);
  return index;
}
const ids = (index: SearchIndex, query: string, limit = 20) => index.search(query, limit).map((h) => h.id);

describe('SearchIndex', () => {
  const records = [
    account('vilela', 'Vilela & Souza Alimentos Ltda.', {
      names: ['Vilela & Souza Alimentos Ltda.', 'Vilela Alimentos'],
      place: ['Ribeirão Preto'],
      codes: [codeKey('12.345.678/0001-95'), ...phoneKeys('+55 (16) 3456-7890')],
    }),
    account('sp', 'Câmara Municipal de São Paulo', { place: ['São Paulo'] }),
    account('sp-city', 'Padaria Estrela', { place: ['São Paulo'] }),
    account('velha', 'Vila Velha Papelaria', { place: ['Vila Velha'] }),
    account('mendes', 'Mendes Têxtil', { alt: ['comercial', 'mendes'], codes: [codeKey('NA.3NF.HJW/0001-51')] }),
    contact('ana', 'Ana Vilela', 'mendes', { codes: phoneKeys('+55 (11) 98765-4321'), alt: ['ana', 'vilela', 'mendes'] }),
  ];
  const index = indexOf(records);

  it('ignores accents and case', () => {
    expect(ids(index, 'sao paulo')).toContain('sp');
    expect(ids(index, 'SÃO PAULO')).toContain('sp');
    expect(ids(index, 'camara')).toEqual(['sp']);
  });

  it('finds words by prefix while they are typed', () => {
    expect(ids(index, 'vil')).toEqual(expect.arrayContaining(['vilela', 'velha', 'ana']));
    expect(ids(index, 'ribei')).toEqual(['vilela']);
    expect(ids(index, 'vilela alim')).toEqual(['vilela']);
  });

  it('tolerates typos: a missing, a wrong or two swapped letters', () => {
    expect(ids(index, 'vilea')).toContain('vilela');
    expect(ids(index, 'vileka')).toContain('vilela');
    expect(ids(index, 'viella')).toContain('vilela');
    expect(ids(index, 'mendse')).toContain('mendes');
    // Short words must be typed right: three letters with a typo find nothing.
    expect(ids(index, 'vxl')).toEqual([]);
  });

  it('ranks exact over prefix over typo, and names over cities', () => {
    const spHits = ids(index, 'sao paulo');
    expect(spHits.indexOf('sp')).toBeLessThan(spHits.indexOf('sp-city'));
    const velha = ids(index, 'velha');
    expect(velha[0]).toBe('velha');
    // "vilela" is exact in the account's name and the contact's name: the account's first word wins.
    expect(ids(index, 'vilela')[0]).toBe('vilela');
    const typo = index.search('vilelx');
    expect(typo.map((h) => h.id)).toContain('vilela');
    expect(index.search('vilela')[0]!.score).toBeGreaterThan(typo[0]!.score);
  });

  it('finds tax ids with or without punctuation, alphanumeric CNPJs included', () => {
    expect(ids(index, '12.345.678/0001-95')).toEqual(['vilela']);
    expect(ids(index, '12345678000195')).toEqual(['vilela']);
    expect(ids(index, '12.345')).toEqual(['vilela']);
    expect(ids(index, 'na.3nf.hjw/0001-51')).toEqual(['mendes']);
    expect(ids(index, 'NA3NFHJW')).toEqual(['mendes']);
  });

  it('finds phones however they are typed (digits compared)', () => {
    for (const typed of ['+55 (11) 98765-4321', '(11) 98765-4321', '11 98765 4321', '98765-4321', '9876', '+55 11 987', '+5511987']) {
      expect(ids(index, typed), typed).toContain('ana');
    }
    expect(ids(index, '(16) 3456')).toEqual(['vilela']);
  });

  it('finds e-mails whole or by their parts, and contacts by their account', () => {
    expect(ids(index, 'ana.vilela@mendes.com.br')).toEqual(['ana']);
    expect(ids(index, 'ana.vil')).toEqual(['ana']);
    expect(ids(index, 'comercial@')).toEqual(['mendes']);
    // Ana works at Mendes Têxtil: "mendes ana" finds her.
    expect(ids(index, 'textil ana')).toEqual(['ana']);
    expect(index.search('ana')[0]!.detail).toContain('Mendes Têxtil');
  });

  it('keeps up with replacements, removals and account renames', () => {
    const live = indexOf(records);
    live.upsert([account('velha', 'Papelaria Horizonte', { place: ['Vila Velha'] })]);
    expect(ids(live, 'horizonte')).toEqual(['velha']);
    expect(ids(live, 'papelaria vila')).toEqual(['velha']);
    live.remove('account', ['velha']);
    expect(ids(live, 'horizonte')).toEqual([]);
    live.upsert([account('mendes', 'Tecelagem Aurora')]);
    expect(ids(live, 'aurora ana')).toEqual(['ana']);
    expect(ids(live, 'textil ana')).toEqual([]);
    // The contact keeps its own terms through its account's rename, a word shared with the old name included.
    expect(ids(live, 'mendes ana')).toEqual(['ana']);
    expect(ids(live, '98765-4321')).toEqual(['ana']);
    expect(live.search('ana vilela')[0]).toMatchObject({ id: 'ana', detail: 'Tecelagem Aurora' });
  });

  it('answers one-letter queries from the best-ranked records, and forgets them after a write', () => {
    const live = indexOf(records);
    const first = live.search('v', 3);
    expect(first).toHaveLength(3);
    expect(first.every((h) => /(^|\s)v/i.test(h.title.normalize('NFD')) || h.kind === 'contact')).toBe(true);
    live.upsert([account('z', 'Zeta')]);
    expect(ids(live, 'z')).toEqual(['z']);
  });
});

describe('a short word beside a rarer one', () => {
  it("is checked on the rarer word's candidates without enumerating its prefix (same results)", () => {
    const many = Array.from({ length: 3000 }, (_, i) => account(`s${i}`, `Sabor ${i.toString(36)}x${i} Ltda`));
    const index = indexOf([
      ...many,
      account('m1', 'Maria Souza'),
      account('m2', 'Maria Alves'),
      contact('c1', 'Maria Santos', undefined, { place: ['Sorocaba'] }),
    ]);
    expect(ids(index, 'maria s').sort()).toEqual(['c1', 'm1']);
    expect(ids(index, 'maria so')[0]).toBe('m1');
    expect(ids(index, 's maria').sort()).toEqual(['c1', 'm1']);
  });
});

describe('ranking property', () => {
  // Random names over a tiny alphabet so words collide; every word of a record finds it.
  const word = fc.stringMatching(/^[abcdeé]{1,7}$/);
  const recordArb = fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 40 });

  it('every word of a record finds it (prefix of any length) and scores sort descending', () => {
    fc.assert(
      fc.property(recordArb, fc.nat(), (names, pick) => {
        const records = names.map((ws, i) => account(`a${i}`, ws.join(' ')));
        const index = indexOf(records);
        const i = pick % records.length;
        const target = names[i]!;
        const w = target[pick % target.length]!;
        const prefix = w.slice(0, Math.max(1, (pick % w.length) + 1));
        const hits = index.search(prefix, 1000);
        expect(hits.map((h) => h.id)).toContain(`a${i}`);
        for (let k = 1; k < hits.length; k++) expect(hits[k - 1]!.score).toBeGreaterThanOrEqual(hits[k]!.score);
      }),
      { numRuns: 200 },
    );
  });

  it('finds at least what the naive scan finds for whole-word queries', () => {
    fc.assert(
      fc.property(recordArb, word, (names, q) => {
        const records = names.map((ws, i) => account(`a${i}`, ws.join(' ')));
        const index = indexOf(records);
        const naive = new NaiveSearch();
        naive.upsert(records);
        // The naive scan matches substrings; the index matches word starts: compare on word starts.
        const expected = naive.search(q, 1000).filter((h) =>
          h.title
            .normalize('NFD')
            .replace(/\p{M}/gu, '')
            .split(' ')
            .some((x) => x.startsWith(q.normalize('NFD').replace(/\p{M}/gu, ''))),
        );
        const got = new Set(index.search(q, 1000).map((h) => h.id));
        for (const h of expected) expect(got.has(h.id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('query parsing', () => {
  it('reads codes and e-mails beside words', () => {
    expect(parseQuery('12.345.678/0001-95')).toMatchObject({ code: '12345678000195' });
    expect(parseQuery('São Paulo').code).toBeUndefined();
    expect(parseQuery('Ana.Reis@X.com').email).toEqual(['ana', 'reis', 'x']);
    expect(parseQuery('+55 (11) 9876').code).toBe('119876');
  });
  it('phone keys drop the country code and the area code', () => {
    expect(phoneKeys('+55 (11) 98765-4321')).toEqual(['11987654321', '987654321']);
    expect(phoneKeys('+351 912 345 678')).toEqual(['912345678']);
    expect(phoneKeys('(11) 3456-7890')).toEqual(['1134567890', '34567890']);
  });
});
