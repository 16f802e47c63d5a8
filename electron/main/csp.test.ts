import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, RESPONSE_CONTENT_SECURITY_POLICY, rendererResponseHeaders } from './csp';

function metaCsp(html: string): string | undefined {
  const tag = /<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*>/i.exec(html)?.[0];
  return tag && /\scontent="([^"]*)"/i.exec(tag)?.[1];
}

describe('CONTENT_SECURITY_POLICY', () => {
  it('is identical to the meta tag of renderer/index.html', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    expect(metaCsp(html)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('forbids inline and remote scripts, plugins and framing of other pages', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('is sent with every renderer response, with framing by any page denied', () => {
    expect(rendererResponseHeaders('text/html')).toMatchObject({
      'Content-Security-Policy': RESPONSE_CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    const directives = new Map(RESPONSE_CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    // Everything else is the meta tag's policy, unchanged.
    expect(RESPONSE_CONTENT_SECURITY_POLICY.startsWith(`${CONTENT_SECURITY_POLICY}; `)).toBe(true);
  });

  it('keeps frame-ancestors out of the meta tag, where browsers ignore it with a console error', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
  });
});
