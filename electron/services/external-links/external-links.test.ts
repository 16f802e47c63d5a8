import { describe, expect, it } from 'vitest';
import { IpcError } from '../../../shared/ipc';
import { createExternalLinksService, EXTERNAL_URL_MAX_LENGTH, normalizeExternalUrl } from './external-links';

function refusal(url: string): string | undefined {
  try {
    normalizeExternalUrl(url);
    return undefined;
  } catch (error) {
    return error instanceof IpcError ? error.code : 'not an IpcError';
  }
}

describe('normalizeExternalUrl: tel:', () => {
  it.each([
    ['tel:+55 (11) 98765-4321', 'tel:+5511987654321'],
    ['tel:011.3456.7890', 'tel:01134567890'],
    ['TEL:+351 21 123 4567', 'tel:+351211234567'],
    ['tel:%2B55%2011%203333-4444', 'tel:+551133334444'],
    ['  tel:190  ', 'tel:190'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeExternalUrl(input)).toBe(expected);
  });

  it.each([
    'tel:',
    'tel:12',
    'tel:+55 11 9876a4321',
    'tel:11++99',
    'tel:55+11',
    'tel:+1234567890123456789012',
    'tel:123;ext=9',
    'tel:*#06#',
    'tel:%E0%A4%A',
    'tel:%0A190',
  ])('refuses %s', (input) => {
    expect(refusal(input)).toBe('external_url_refused');
  });
});

describe('normalizeExternalUrl: mailto:', () => {
  it.each([
    ['mailto:ana@empresa.com.br', 'mailto:ana@empresa.com.br'],
    ['MAILTO:Ana.Souza@Empresa.com.br', 'mailto:Ana.Souza@Empresa.com.br'],
    ['mailto:ana@a.com,%20bia@b.pt', 'mailto:ana@a.com,bia@b.pt'],
    [
      'mailto:ana@a.com?subject=Proposta%20comercial&body=Ol%C3%A1%2C%0D%0Asegue.',
      'mailto:ana@a.com?subject=Proposta%20comercial&body=Ol%C3%A1%2C%0D%0Asegue.',
    ],
    ['mailto:ana@a.com?Subject=Oi', 'mailto:ana@a.com?subject=Oi'],
    ['mailto:ana@a.com?subject=', 'mailto:ana@a.com'],
    ['mailto:joana%2Bcompras@acme.com.br', 'mailto:joana%2Bcompras@acme.com.br'],
    ['mailto:joana+compras@acme.com.br', 'mailto:joana%2Bcompras@acme.com.br'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeExternalUrl(input)).toBe(expected);
  });

  it('keeps a body with line breaks readable after a round trip', () => {
    const url = normalizeExternalUrl(
      `mailto:ana@a.com?subject=${encodeURIComponent('Visita à feira')}&body=${encodeURIComponent('Linha 1\r\nLinha 2 & 3 = ok')}`,
    );
    const parsed = new URL(url);
    expect(decodeURIComponent(parsed.search.split('body=')[1]!)).toBe('Linha 1\r\nLinha 2 & 3 = ok');
    expect(decodeURIComponent(parsed.search.split('subject=')[1]!.split('&')[0]!)).toBe('Visita à feira');
  });

  it.each([
    ['no address', 'mailto:'],
    ['only a subject', 'mailto:?subject=oi'],
    ['not an address', 'mailto:ana'],
    ['a display name', 'mailto:Ana <ana@a.com>'],
    ['an attachment', 'mailto:ana@a.com?attach=/etc/passwd'],
    ['a bcc header', 'mailto:ana@a.com?bcc=spy@evil.example'],
    ['a header injected through the subject', 'mailto:ana@a.com?subject=oi%0D%0ABcc:%20spy@evil.example'],
    ['a subject given twice', 'mailto:ana@a.com?subject=a&subject=b'],
    ['a raw newline', 'mailto:ana@a.com\n?subject=x'],
    ['malformed percent-encoding', 'mailto:ana@a.com?subject=%E0%A4%A'],
    ['a fragment', 'mailto:ana@a.com#x'],
    ['too many recipients', `mailto:${Array.from({ length: 21 }, (_, i) => `p${i}@a.com`).join(',')}`],
  ])('refuses %s', (_label, input) => {
    expect(refusal(input)).toBe('external_url_refused');
  });
});

describe('normalizeExternalUrl: everything else', () => {
  it.each([
    'https://example.com',
    'http://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'smb://server/share',
    '\\\\server\\share',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'ms-settings:',
    'tel',
    '',
    'tel:+5511\r\n987654321',
    `mailto:${'a'.repeat(EXTERNAL_URL_MAX_LENGTH)}@a.com`,
    `tel:${'1'.repeat(EXTERNAL_URL_MAX_LENGTH)}`,
  ])('refuses %j', (input) => {
    expect(refusal(input)).toBe('external_url_refused');
  });
});

describe('createExternalLinksService', () => {
  it('hands the normalised link to shell.openExternal', async () => {
    const opened: string[] = [];
    const service = createExternalLinksService({ openExternal: async (url) => void opened.push(url) });
    await expect(service.open('tel:+55 (11) 3333-4444')).resolves.toEqual({ opened: true, url: 'tel:+551133334444' });
    expect(opened).toEqual(['tel:+551133334444']);
  });

  it('never calls shell.openExternal for a refused link', async () => {
    const opened: string[] = [];
    const service = createExternalLinksService({ openExternal: async (url) => void opened.push(url) });
    await expect(service.open('file:///etc/passwd')).rejects.toMatchObject({ code: 'external_url_refused' });
    await expect(service.open('mailto:a@b.com?attach=x')).rejects.toMatchObject({ code: 'external_url_refused' });
    expect(opened).toEqual([]);
  });

  it('reports an OS without a handler as external_open_failed', async () => {
    const service = createExternalLinksService({ openExternal: () => Promise.reject(new Error('No application is associated')) });
    await expect(service.open('tel:190')).rejects.toMatchObject({ code: 'external_open_failed', message: 'No application is associated' });
  });

  it('answers opened: false with the checked link where it cannot open anything (web mode)', async () => {
    const service = createExternalLinksService();
    await expect(service.open('mailto:ana@a.com?subject=Oi')).resolves.toEqual({ opened: false, url: 'mailto:ana@a.com?subject=Oi' });
    await expect(service.open('https://example.com')).rejects.toMatchObject({ code: 'external_url_refused' });
  });
});
