import { describe, expect, it } from 'vitest';
import { formatPhone, isValidPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it('parses a Brazilian mobile typed locally', () => {
    expect(normalizePhone('(11) 98765-4321')).toEqual({
      ok: true,
      e164: '+5511987654321',
      national: '(11) 98765-4321',
      international: '+55 11 98765 4321',
      country: 'BR',
      kind: 'mobile',
    });
  });

  it('parses a Brazilian landline with the country code', () => {
    const result = normalizePhone('+55 (21) 2345-6789');
    expect(result).toMatchObject({ ok: true, e164: '+552123456789', national: '(21) 2345-6789', kind: 'fixed_line' });
  });

  it('parses Portuguese numbers with PT as the default country', () => {
    expect(normalizePhone('912 345 678', 'PT')).toMatchObject({ ok: true, e164: '+351912345678', country: 'PT', kind: 'mobile' });
    expect(normalizePhone('21 345 6789', 'PT')).toMatchObject({ ok: true, e164: '+351213456789', country: 'PT' });
    expect(normalizePhone('00351 912 345 678', 'PT')).toMatchObject({ ok: true, e164: '+351912345678' });
  });

  it('recognises a foreign number whatever the default country', () => {
    expect(normalizePhone('+351 912 345 678', 'BR')).toMatchObject({ ok: true, country: 'PT' });
    expect(normalizePhone('+55 11 98765-4321', 'PT')).toMatchObject({ ok: true, country: 'BR' });
  });

  it('rejects a Brazilian mobile missing its leading 9', () => {
    expect(normalizePhone('(11) 8765-4321')).toEqual({ ok: false, error: 'phone_invalid' });
  });

  it.each(['123', '11 12345-678', 'abc', '+55 11 98765-43210'])('rejects %s', (value) => {
    expect(normalizePhone(value)).toEqual({ ok: false, error: 'phone_invalid' });
  });

  it('tells an empty field from a wrong one', () => {
    expect(normalizePhone('  ')).toEqual({ ok: false, error: 'phone_required' });
    expect(normalizePhone('--')).toEqual({ ok: false, error: 'phone_invalid' });
    expect(isValidPhone('')).toBe(false);
  });
});

describe('formatPhone', () => {
  it("shows the user's country nationally and other countries with their code", () => {
    expect(formatPhone('+5511987654321', 'BR')).toBe('(11) 98765-4321');
    expect(formatPhone('+5511987654321', 'PT')).toBe('+55 11 98765 4321');
    expect(formatPhone('+351912345678', 'PT')).toBe('912 345 678');
  });

  it('keeps what it cannot parse', () => {
    expect(formatPhone('ramal 123')).toBe('ramal 123');
  });
});
