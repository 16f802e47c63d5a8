import { describe, expect, it } from 'vitest';
import { isContactHref, mailtoHref, telHref } from './contact-links';

describe('telHref', () => {
  it('normalises Brazilian numbers as typed to E.164', () => {
    expect(telHref('(11) 98765-4321')).toBe('tel:+5511987654321');
    expect(telHref('11 3456-7890')).toBe('tel:+551134567890');
    expect(telHref('+55 21 99876-5432')).toBe('tel:+5521998765432');
  });
  it('normalises Portuguese numbers with PT as the default country, and +351 typed anywhere', () => {
    expect(telHref('912 345 678', 'PT')).toBe('tel:+351912345678');
    expect(telHref('21 123 4567', 'PT')).toBe('tel:+351211234567');
    expect(telHref('+351 912 345 678', 'BR')).toBe('tel:+351912345678');
    expect(telHref('00351 912 345 678', 'PT')).toBe('tel:+351912345678');
  });
  it('refuses anything that is not a valid phone number', () => {
    expect(telHref('javascript:alert(1)')).toBeNull();
    expect(telHref('')).toBeNull();
    expect(telHref('1234')).toBeNull();
    expect(telHref('(11) 8765-4321')).toBeNull(); // a mobile without its leading 9
  });
  it('never leaves spaces or punctuation in the link', () => {
    const href = telHref('  (11)  98765 - 4321 ');
    expect(href).toBe('tel:+5511987654321');
    expect(isContactHref(href!)).toBe(true);
  });
});

describe('mailtoHref', () => {
  it('builds a mailto link for a valid address, lower-casing the domain', () => {
    expect(mailtoHref(' Ana.Souza@Empresa.COM.br ')).toBe('mailto:Ana.Souza@empresa.com.br');
  });
  it('escapes characters that mean something in a URL', () => {
    expect(mailtoHref('ana+vendas@empresa.com.br')).toBe('mailto:ana%2Bvendas@empresa.com.br');
  });
  it('refuses invalid addresses and injection attempts', () => {
    expect(mailtoHref('javascript:alert(1)')).toBeNull();
    expect(mailtoHref('ana@empresa')).toBeNull();
    expect(mailtoHref('ana @empresa.com')).toBeNull();
    expect(mailtoHref('ana@empresa.com?bcc=x@y.com')).toBeNull();
  });
});

describe('isContactHref', () => {
  it('accepts only tel: with E.164 and mailto: with one valid address', () => {
    expect(isContactHref('tel:+5511987654321')).toBe(true);
    expect(isContactHref('mailto:ana@empresa.com.br')).toBe(true);
    expect(isContactHref('mailto:ana%2Bvendas@empresa.com.br')).toBe(true);
  });
  it('rejects other schemes, spaces, queries and malformed numbers', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'http://example.com',
      'file:///etc/passwd',
      'sms:+5511987654321',
      'tel:+55 11 98765-4321',
      'tel:11987654321',
      'tel:+5511987654321;ext=1',
      ' tel:+5511987654321',
      'tel:+55119876543210000',
      'mailto:ana@empresa.com.br?subject=oi',
      'mailto:a@b.com,c@d.com',
      'mailto:ana@empresa',
      'mailto:',
      'mailto:%E0%A4%A',
      'tel:+5511987654321\n',
    ]) {
      expect(isContactHref(url), url).toBe(false);
    }
  });
});
