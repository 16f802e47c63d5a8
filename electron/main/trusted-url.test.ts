import { describe, expect, it } from 'vitest';
import { APP_START_URL, isAllowedExternalUrl, isTrustedAppUrl, isTrustedSender } from './trusted-url';

describe('isTrustedAppUrl', () => {
  it.each([APP_START_URL, 'app://carteira/', 'app://carteira/assets/x.js?v=1#top', 'APP://CARTEIRA/index.html'])('trusts %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(true);
  });
  it.each([
    'app://evil/index.html',
    'app://carteira.evil.com/',
    'app://carteira:8080/',
    'app://user@carteira/',
    'https://carteira/',
    'file:///index.html',
    'http://127.0.0.1:5180/',
    'not a url',
    '',
  ])('does not trust %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const main = { url: APP_START_URL, parent: null };
  it('accepts the app main frame', () => expect(isTrustedSender(main)).toBe(true));
  it('refuses a subframe even of our origin', () => expect(isTrustedSender({ url: APP_START_URL, parent: main })).toBe(false));
  it('refuses a main frame of a foreign origin', () => expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false));
  it('refuses a missing (destroyed) frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://example.com/x', 'mailto:ana@example.com', 'tel:+5511999999999'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });
  it.each([
    'http://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'app://carteira/',
    'https://bank.com@evil.example/',
    'ms-msdt:foo',
    'junk',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
