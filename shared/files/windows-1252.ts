/**
 * Windows-1252 ("ANSI" in Excel for Brazil and Portugal), by table: Node 20's TextDecoder maps
 * 0x80–0x9F to C1 control characters, losing €, “ ”, – and …, so neither side trusts the platform.
 * 0x00–0x7F and 0xA0–0xFF are Latin-1; 0x80–0x9F are these (the five unassigned bytes map to
 * the C1 code point of the same value, as the WHATWG Encoding standard does).
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
] as const;

const ENCODE = new Map<number, number>(HIGH.map((code, i) => [code, 0x80 + i]));

/** The byte a character is written as; '?' (0x3F) for characters Windows-1252 has not got (emoji, Cyrillic…). */
function byteOf(code: number): number {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  return ENCODE.get(code) ?? 0x3f;
}

/** Text as Windows-1252 bytes; characters the code page lacks become '?'. */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const char of text) out[n++] = byteOf(char.codePointAt(0)!);
  return out.subarray(0, n);
}

/** Windows-1252 bytes as text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const SLICE = 0x4000;
  for (let i = 0; i < bytes.length; i += SLICE) {
    const codes = Array.from(bytes.subarray(i, i + SLICE), (b) => (b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80]! : b));
    text += String.fromCharCode(...codes);
  }
  return text;
}

/** Whether every character of the text has a Windows-1252 byte (so nothing turns into '?'). */
export function fitsWindows1252(text: string): boolean {
  for (const char of text) if (byteOf(char.codePointAt(0)!) === 0x3f && char !== '?') return false;
  return true;
}
