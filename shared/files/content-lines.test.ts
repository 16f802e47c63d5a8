import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, splitEscaped, unescapeText, unfold } from './content-lines';
import { wallClock, wallClockText, zoneOffsetMs } from './wall-clock';

describe('content lines', () => {
  it('folds at 75 octets without splitting a character, and unfold undoes it', () => {
    const line = `NOTE:${'ação🙂'.repeat(30)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    parts.slice(1).forEach((p) => expect(p.startsWith(' ')).toBe(true));
    expect(folded).not.toContain('\uFFFD');
    expect(unfold(folded)).toBe(line);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });

  it('escapes and unescapes text, and splits on unescaped separators only', () => {
    const text = 'a\\b; c, d\nnova';
    expect(escapeText(text)).toBe('a\\\\b\\; c\\, d\\nnova');
    expect(unescapeText(escapeText(text))).toBe(text);
    expect(splitEscaped('Silva\\; Filhos;João;;', ';')).toEqual(['Silva; Filhos', 'João', '', '']);
  });
});

describe('wall clock', () => {
  it('shows an instant on the clock of a zone, and the zone offset', () => {
    const at = Date.parse('2026-03-10T01:30:45Z');
    expect(wallClock(at, 'America/Sao_Paulo')).toEqual({ year: 2026, month: 3, day: 9, hour: 22, minute: 30, second: 45 });
    expect(wallClockText(at, 'Europe/Lisbon')).toBe('2026-03-10 01:30');
    expect(wallClockText(Date.parse('2026-07-10T00:00:00Z'), 'Europe/Lisbon')).toBe('2026-07-10 01:00');
    expect(zoneOffsetMs(at, 'America/Sao_Paulo')).toBe(-3 * 3600_000);
    expect(zoneOffsetMs(Date.parse('2026-07-10T00:00:00Z'), 'Europe/Lisbon')).toBe(3600_000);
    expect(zoneOffsetMs(at, 'Asia/Kolkata')).toBe(5.5 * 3600_000);
  });
});
