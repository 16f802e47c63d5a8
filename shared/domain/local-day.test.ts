import { afterEach, describe, expect, it } from 'vitest';
import { localIsoDay } from './local-day';

const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

describe('localIsoDay', () => {
  it("is the user's calendar day, not UTC's: 22:00 in São Paulo is still that day", () => {
    process.env.TZ = 'America/Sao_Paulo';
    const tenPmInSaoPaulo = new Date('2026-03-10T01:00:00Z'); // 22:00 on 9 March, UTC-3
    expect(tenPmInSaoPaulo.toISOString().slice(0, 10)).toBe('2026-03-10');
    expect(localIsoDay(tenPmInSaoPaulo)).toBe('2026-03-09');
    expect(localIsoDay(new Date('2026-03-10T03:00:00Z'))).toBe('2026-03-10'); // midnight there
  });
});
