/**
 * The "content line" syntax vCard (RFC 6350, 2426, vCard 2.1) and iCalendar (RFC 5545) share:
 * `NAME;PARAM=value:VALUE`, lines folded at 75 octets with CRLF + space, text escaped with `\`.
 */

/** Longest line in octets, CRLF excluded (RFC 5545 §3.1, RFC 6350 §3.2). */
export const FOLD_OCTETS = 75;

const utf8Length = (char: string) => {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/** One line folded at 75 octets (never inside a character), continuation lines starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    // Continuation lines begin with a space, which counts towards their 75.
    if (octets + size > FOLD_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** Lines joined as a file: every line folded and ended with CRLF. */
export function contentLines(lines: readonly string[]): string {
  return lines.map((l) => `${foldLine(l)}\r\n`).join('');
}

/** A TEXT value escaped: backslash, `,` and `;` get a backslash, line breaks become `\n`. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value: quoted when it holds `:`, `;` or `,`; `"` (not allowed at all) dropped, line breaks to spaces. */
export function paramValue(text: string): string {
  const clean = text.replace(/"/g, '').replace(/[\r\n]+/g, ' ');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Undoes `escapeText` (and accepts `\N`); other backslashed characters stand for themselves. */
export function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a value on a separator not preceded by a backslash, then unescapes each part. */
export function splitEscaped(text: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1];
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map(unescapeText);
}

/** Undoes line folding: a line break followed by a space or a tab joins the lines. */
export function unfold(text: string): string {
  return text.replace(/\r\n[ \t]|\n[ \t]|\r[ \t]/g, '');
}
