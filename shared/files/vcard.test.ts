import { describe, expect, it } from 'vitest';
import { parseMeCard, parseVCards, writeVCards } from './vcard';

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

/** As Google Contacts exports (vCard 3.0, UTF-8). */
const GOOGLE = crlf([
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:João da Conceição',
  'N:da Conceição;João;;;',
  'EMAIL;TYPE=INTERNET;TYPE=WORK:joao@saojorge.com.br',
  'EMAIL;TYPE=INTERNET;TYPE=HOME:joao.pessoal@gmail.com',
  'TEL;TYPE=CELL:+55 11 98765-4321',
  'TEL;TYPE=WORK:(11) 3333-4444',
  'ADR;TYPE=WORK:;;Rua das Flores\\, 123;São Paulo;SP;01234-000;Brasil',
  'ORG:Ferragens São Jorge Ltda.',
  'TITLE:Gerente de Compras',
  'NOTE:Prefere contato\\npela manhã\\; nunca às sextas',
  'BDAY:1980-04-23',
  'END:VCARD',
]);

/** As an iPhone shares a contact (3.0, grouped items with labels, folded photo). */
const IPHONE = crlf([
  'BEGIN:VCARD',
  'VERSION:3.0',
  'PRODID:-//Apple Inc.//iPhone OS 17.1//EN',
  'N:Gonçalves;Márcia;;Dra.;',
  'FN:Dra. Márcia Gonçalves',
  'ORG:Lojas Arco-Íris;Compras;',
  'TITLE:Diretora',
  'TEL;type=CELL;type=VOICE;type=pref:+351 912 345 678',
  'item1.TEL:+351 21 123 4567',
  'item1.X-ABLabel:Loja',
  'item2.EMAIL;type=INTERNET;type=pref:marcia@arcoiris.pt',
  'item2.X-ABLabel:_$!<Other>!$_',
  'NOTE:Uma nota bem comprida que o iPhone dobra em várias linhas porque passa d',
  ' e setenta e cinco octetos, com acentuação: coração, pão, maçã.',
  'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U',
  ' HRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/',
  'END:VCARD',
]);

/** As Outlook writes (vCard 2.1: bare types, Windows-1252 and UTF-8 quoted-printable with soft breaks). */
const OUTLOOK = crlf([
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N;LANGUAGE=pt-br;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Gon=E7alves;Andr=E9',
  'FN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Andr=E9 Gon=E7alves',
  'ORG;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Com=E9rcio =80uro Lda.;Vendas',
  'TEL;WORK;VOICE:+351 21 123 4567',
  'TEL;CELL;VOICE;PREF:+351 91 234 5678',
  'EMAIL;PREF;INTERNET:andre@comercio.pt',
  'EMAIL;INTERNET:a.goncalves@gmail.com',
  'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Reuni=C3=A3o marcada =E2=80=93 levar cat=C3=A1logo =',
  'de pre=C3=A7os=0D=0ASegunda linha',
  'END:VCARD',
]);

/** vCard 4.0 as RFC 6350 writes it: tel: URIs, quoted TYPE lists, PREF=1. */
const V4 = crlf([
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:Ana Luísa Ñúñez',
  'N:Ñúñez;Ana;Luísa;;',
  'TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+55-21-99999-0000',
  'TEL;VALUE=uri;TYPE=work:tel:+55-21-2222-3333;ext=12',
  'EMAIL;TYPE=work:ana@nunez.com.br',
  'ORG:Núñez & Filhos\\, Comércio',
  'END:VCARD',
]);

describe('parseVCards', () => {
  it('reads a Google Contacts card: several EMAIL and TEL, structured N and ADR, escapes', () => {
    const [c] = parseVCards(GOOGLE);
    expect(c).toMatchObject({
      version: '3.0',
      fullName: 'João da Conceição',
      name: { family: 'da Conceição', given: 'João' },
      organization: 'Ferragens São Jorge Ltda.',
      title: 'Gerente de Compras',
      note: 'Prefere contato\npela manhã; nunca às sextas',
      birthday: '1980-04-23',
    });
    expect(c!.emails).toEqual([
      { value: 'joao@saojorge.com.br', types: ['work'], preferred: false },
      { value: 'joao.pessoal@gmail.com', types: ['home'], preferred: false },
    ]);
    expect(c!.phones.map((p) => [p.value, p.types])).toEqual([
      ['+55 11 98765-4321', ['cell']],
      ['(11) 3333-4444', ['work']],
    ]);
    expect(c!.addresses).toEqual([
      {
        types: ['work'],
        poBox: '',
        extended: '',
        street: 'Rua das Flores, 123',
        locality: 'São Paulo',
        region: 'SP',
        postalCode: '01234-000',
        country: 'Brasil',
      },
    ]);
  });

  it('reads an iPhone card: folded lines, group labels, pref types, ORG units, photo skipped', () => {
    const [c] = parseVCards(IPHONE);
    expect(c!.fullName).toBe('Dra. Márcia Gonçalves');
    expect(c!.name).toMatchObject({ family: 'Gonçalves', given: 'Márcia', prefix: 'Dra.' });
    expect(c!.organization).toBe('Lojas Arco-Íris');
    expect(c!.units).toEqual(['Compras']);
    expect(c!.phones).toEqual([
      { value: '+351 912 345 678', types: ['cell', 'voice'], preferred: true },
      { value: '+351 21 123 4567', types: [], preferred: false, label: 'Loja' },
    ]);
    expect(c!.emails).toEqual([{ value: 'marcia@arcoiris.pt', types: [], preferred: true, label: 'Other' }]);
    expect(c!.note).toBe(
      'Uma nota bem comprida que o iPhone dobra em várias linhas porque passa de setenta e cinco octetos, com acentuação: coração, pão, maçã.',
    );
  });

  it('reads an Outlook vCard 2.1: quoted-printable in Windows-1252 and UTF-8, soft line breaks, bare types', () => {
    const [c] = parseVCards(OUTLOOK);
    expect(c).toMatchObject({
      version: '2.1',
      fullName: 'André Gonçalves',
      name: { family: 'Gonçalves', given: 'André' },
      organization: 'Comércio €uro Lda.',
      units: ['Vendas'],
      note: 'Reunião marcada – levar catálogo de preços\r\nSegunda linha',
    });
    expect(c!.phones).toEqual([
      { value: '+351 21 123 4567', types: ['work', 'voice'], preferred: false },
      { value: '+351 91 234 5678', types: ['cell', 'voice'], preferred: true },
    ]);
    expect(c!.emails.map((e) => [e.value, e.preferred])).toEqual([
      ['andre@comercio.pt', true],
      ['a.goncalves@gmail.com', false],
    ]);
  });

  it('reads vCard 4.0: tel: URIs, quoted TYPE lists, PREF=1', () => {
    const [c] = parseVCards(V4);
    expect(c).toMatchObject({ version: '4.0', fullName: 'Ana Luísa Ñúñez', name: { family: 'Ñúñez', given: 'Ana', additional: 'Luísa' } });
    expect(c!.organization).toBe('Núñez & Filhos, Comércio');
    expect(c!.phones).toEqual([
      { value: '+55-21-99999-0000', types: ['voice', 'cell'], preferred: true },
      { value: '+55-21-2222-3333', types: ['work'], preferred: false },
    ]);
  });

  it('reads several cards from one file, LF endings and a BOM too, and nothing from a file with none', () => {
    const all = parseVCards(`\uFEFF${(GOOGLE + IPHONE + OUTLOOK + V4).replace(/\r\n/g, '\n')}`);
    expect(all.map((c) => c.fullName)).toEqual(['João da Conceição', 'Dra. Márcia Gonçalves', 'André Gonçalves', 'Ana Luísa Ñúñez']);
    expect(parseVCards('nome,telefone\nAna,123')).toEqual([]);
    expect(parseVCards('')).toEqual([]);
  });

  it('builds the name from N when FN is missing', () => {
    const [c] = parseVCards(crlf(['BEGIN:VCARD', 'VERSION:3.0', 'N:Silva;Maria;;Sra.;', 'END:VCARD']));
    expect(c!.fullName).toBe('Sra. Maria Silva');
  });
});

describe('parseMeCard', () => {
  it('reads a MeCard with escapes', () => {
    const c = parseMeCard(
      'MECARD:N:Silva,João;TEL:+5511987654321;TEL:+551133334444;EMAIL:joao@silva.com.br;ORG:Silva\\, Filhos & Cia;NOTE:Cliente\\: VIP\\;;URL:https\\://silva.com.br;;',
    );
    expect(c).toMatchObject({
      version: 'mecard',
      fullName: 'João Silva',
      name: { family: 'Silva', given: 'João' },
      organization: 'Silva, Filhos & Cia',
      note: 'Cliente: VIP;',
      urls: ['https://silva.com.br'],
    });
    expect(c!.phones.map((p) => p.value)).toEqual(['+5511987654321', '+551133334444']);
    expect(c!.emails.map((e) => e.value)).toEqual(['joao@silva.com.br']);
  });

  it('is null for text that is not a MeCard', () => {
    expect(parseMeCard('BEGIN:VCARD')).toBeNull();
    expect(parseMeCard('https://example.com')).toBeNull();
  });
});

describe('writeVCards (4.0)', () => {
  const card = {
    uid: 'urn:uuid:5f0c1f7e-1111-4222-8333-944455556666',
    fullName: 'José Antônio da Silva; Júnior',
    family: 'da Silva',
    given: 'José Antônio',
    organization: 'Padaria Pão de Açúcar, Ltda.',
    title: 'Sócio-gerente',
    phones: [
      { value: '+55 11 98765 4321', types: ['cell'], preferred: true },
      { value: '+55 (11) 3333-4444', types: ['work', 'voice'] },
    ],
    emails: [{ value: 'jose@paodeacucar.com.br', types: ['work'] }],
    note: 'Visitar às terças.\nLevar o catálogo novo — preços de 2026 com €, “aspas” e acentuação suficiente para dobrar a linha.',
    birthday: '1975-12-01',
    updatedAt: Date.parse('2026-03-07T10:20:30Z'),
  };
  const text = writeVCards([card, { fullName: 'Só o Nome' }]);

  it('follows RFC 6350: CRLF lines of at most 75 octets, VERSION right after BEGIN, folded with a space', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCARD', 'VERSION:4.0', 'FN:José Antônio da Silva\\; Júnior']);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(0);
    expect(lines).toContain('TEL;VALUE=uri;TYPE=cell;PREF=1:tel:+55-11-98765-4321');
    expect(lines).toContain('TEL;VALUE=uri;TYPE="work,voice":tel:+55-11-3333-4444');
    expect(lines).toContain('ORG:Padaria Pão de Açúcar\\, Ltda.');
    expect(lines).toContain('BDAY:19751201');
    expect(lines).toContain('REV:20260307T102030Z');
    expect(lines.filter((l) => l === 'BEGIN:VCARD')).toHaveLength(2);
  });

  it('reads back through parseVCards with every field as written', () => {
    const [c, d] = parseVCards(text);
    expect(c).toMatchObject({
      version: '4.0',
      fullName: card.fullName,
      name: { family: 'da Silva', given: 'José Antônio' },
      organization: card.organization,
      title: card.title,
      note: card.note,
      birthday: '19751201',
    });
    expect(c!.phones).toEqual([
      { value: '+55-11-98765-4321', types: ['cell'], preferred: true },
      { value: '+55-11-3333-4444', types: ['work', 'voice'], preferred: false },
    ]);
    expect(c!.emails).toEqual([{ value: 'jose@paodeacucar.com.br', types: ['work'], preferred: false }]);
    expect(d!.fullName).toBe('Só o Nome');
  });
});
