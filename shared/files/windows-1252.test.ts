import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeWindows1252, encodeWindows1252, fitsWindows1252 } from './windows-1252';

describe('Windows-1252', () => {
  it('decodes every byte as iconv-lite does, 0x80–0x9F included (€, “ ”, –, …)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const ours = decodeWindows1252(all);
    const theirs = iconv.decode(Buffer.from(all), 'windows-1252');
    for (let b = 0; b < 256; b++) {
      // iconv-lite leaves the five unassigned bytes as U+FFFD; we keep their C1 code point (WHATWG).
      if ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b)) expect(ours.charCodeAt(b)).toBe(b);
      else expect(ours[b], `byte 0x${b.toString(16)}`).toBe(theirs[b]);
    }
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x93, 0x96, 0x94, 0x85]))).toBe('€“–”…');
  });

  it('encodes Portuguese text byte for byte as iconv-lite does', () => {
    const text = 'Ação, coração e maçã — “preço” 12,50 € … Œuvre Šárka ‰ ™ • ÿ';
    expect(Buffer.from(encodeWindows1252(text)).equals(iconv.encode(text, 'windows-1252'))).toBe(true);
    expect(decodeWindows1252(encodeWindows1252(text))).toBe(text);
  });

  it('writes ? for what the code page lacks, one per character (emoji included)', () => {
    expect(decodeWindows1252(encodeWindows1252('Olá 👋 Привет'))).toBe('Olá ? ??????');
    expect(fitsWindows1252('São Paulo — 5 €')).toBe(true);
    expect(fitsWindows1252('Olá 👋')).toBe(false);
    expect(fitsWindows1252('Quanto?')).toBe(true);
  });
});
