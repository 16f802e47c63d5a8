import { describe, expect, it } from 'vitest';
import { writeIcs } from './ics';

/**
 * A small reader written from RFC 5545 for the test (no iCalendar parser is installed): unfolds,
 * builds the component tree, and turns a TZID local time into an instant with the file's own
 * VTIMEZONE, so the times are checked through what the file says, not through the writer's code.
 */
interface Component {
  name: string;
  props: { name: string; params: Record<string, string>; value: string }[];
  children: Component[];
}

function readIcs(text: string): Component {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const root: Component = { name: 'ROOT', props: [], children: [] };
  const stack = [root];
  for (const line of lines) {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const [head, value] = [line.slice(0, colon), line.slice(colon + 1)];
    const [name, ...params] = head.split(';');
    if (name === 'BEGIN') {
      const child: Component = { name: value, props: [], children: [] };
      stack.at(-1)!.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      expect(stack.pop()!.name).toBe(value);
    } else {
      stack.at(-1)!.props.push({ name: name!, params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])), value });
    }
  }
  expect(stack).toHaveLength(1);
  return root.children[0]!;
}

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);
const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, x: string) => (x === 'n' || x === 'N' ? '\n' : x));
const asUtcMs = (v: string) => Date.UTC(+v.slice(0, 4), +v.slice(4, 6) - 1, +v.slice(6, 8), +v.slice(9, 11), +v.slice(11, 13), +v.slice(13, 15));
const offsetMs = (v: string) => (v.startsWith('-') ? -1 : 1) * (+v.slice(1, 3) * 3600_000 + +v.slice(3, 5) * 60_000);

/** The instant a `TZID=…:local` time stands for, by the observances of the file's VTIMEZONE. */
function instantOf(calendar: Component, p: { params: Record<string, string>; value: string }): number {
  if (p.value.endsWith('Z')) return asUtcMs(p.value);
  const zone = calendar.children.find((c) => c.name === 'VTIMEZONE' && prop(c, 'TZID')!.value === p.params.TZID);
  expect(zone, `VTIMEZONE for ${p.params.TZID}`).toBeDefined();
  const local = asUtcMs(p.value);
  // Each observance starts at an instant (its DTSTART local time, in TZOFFSETFROM) and holds until the next.
  const onsets = zone!.children
    .map((o) => ({ at: asUtcMs(prop(o, 'DTSTART')!.value) - offsetMs(prop(o, 'TZOFFSETFROM')!.value), to: offsetMs(prop(o, 'TZOFFSETTO')!.value) }))
    .sort((a, b) => a.at - b.at);
  const offsetAt = (instant: number) => onsets.filter((o) => o.at <= instant).at(-1)?.to ?? onsets[0]!.to;
  // The instants whose offset shows this local time; a repeated local time is its first occurrence (RFC 5545 §3.3.5).
  const candidates = [...new Set(onsets.map((o) => o.to))].map((offset) => local - offset).filter((t) => local - offsetAt(t) === t);
  expect(candidates.length, `${p.value} exists in ${p.params.TZID}`).toBeGreaterThan(0);
  return Math.min(...candidates);
}

const meeting = (start: string, end: string, extra = {}) => ({
  uid: `m-${start}@carteira`,
  start: Date.parse(start),
  end: Date.parse(end),
  summary: 'Visita',
  ...extra,
});

describe('writeIcs', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('writes meetings in the user zone with a VTIMEZONE that maps every time back to its instant (Lisbon across DST)', () => {
    const events = [
      meeting('2026-03-28T23:30:00Z', '2026-03-29T00:30:00Z'), // the night of the change to summer time
      meeting('2026-03-29T09:00:00Z', '2026-03-29T10:00:00Z'),
      meeting('2026-07-15T13:00:00Z', '2026-07-15T14:30:00Z'),
      meeting('2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'), // ends in the repeated hour
      meeting('2027-01-10T10:00:00Z', '2027-01-10T11:00:00Z'),
    ];
    const calendar = readIcs(writeIcs({ timeZone: 'Europe/Lisbon', events, now }));
    expect(calendar.name).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION')!.value).toBe('2.0');
    expect(prop(calendar, 'PRODID')).toBeDefined();
    const vevents = calendar.children.filter((c) => c.name === 'VEVENT');
    expect(vevents).toHaveLength(events.length);
    vevents.forEach((v, i) => {
      expect(prop(v, 'DTSTART')!.params.TZID).toBe('Europe/Lisbon');
      expect(instantOf(calendar, prop(v, 'DTSTART')!)).toBe(events[i]!.start);
      expect(instantOf(calendar, prop(v, 'DTEND')!)).toBe(events[i]!.end);
      expect(prop(v, 'DTSTAMP')!.value).toBe('20260301T120000Z');
      expect(prop(v, 'UID')!.value).toBe(events[i]!.uid);
    });
    expect(prop(vevents[2]!, 'DTSTART')!.value).toBe('20260715T140000'); // 14:00 in Lisbon summer
    // 01:30 happens twice that night: the first is written on Lisbon's clock, the second in UTC.
    expect(prop(vevents[3]!, 'DTSTART')).toMatchObject({ params: { TZID: 'Europe/Lisbon' }, value: '20261025T013000' });
    expect(prop(vevents[3]!, 'DTEND')).toMatchObject({ params: {}, value: '20261025T013000Z' });
    const zone = calendar.children.find((c) => c.name === 'VTIMEZONE')!;
    expect(zone.children.map((o) => [o.name, prop(o, 'TZOFFSETTO')!.value])).toEqual([
      ['STANDARD', '+0000'],
      ['DAYLIGHT', '+0100'],
      ['STANDARD', '+0000'],
      ['DAYLIGHT', '+0100'],
      ['STANDARD', '+0000'],
    ]);
  });

  it('São Paulo: today one offset (-0300); in 2018 its summer time is in the VTIMEZONE too', () => {
    const today = readIcs(writeIcs({ timeZone: 'America/Sao_Paulo', events: [meeting('2026-03-10T12:00:00Z', '2026-03-10T13:00:00Z')], now }));
    const zone = today.children.find((c) => c.name === 'VTIMEZONE')!;
    expect(zone.children.map((o) => [o.name, prop(o, 'TZOFFSETFROM')!.value, prop(o, 'TZOFFSETTO')!.value])).toEqual([['STANDARD', '-0300', '-0300']]);
    expect(
      prop(
        today.children.find((c) => c.name === 'VEVENT')!,
        'DTSTART',
      )!.value,
    ).toBe('20260310T090000');

    const events = [meeting('2018-12-20T12:00:00Z', '2018-12-20T13:00:00Z'), meeting('2018-06-20T12:00:00Z', '2018-06-20T13:00:00Z')];
    const old = readIcs(writeIcs({ timeZone: 'America/Sao_Paulo', events, now }));
    const starts = old.children.filter((c) => c.name === 'VEVENT').map((v) => prop(v, 'DTSTART')!);
    expect(starts.map((s) => s.value)).toEqual(['20181220T100000', '20180620T090000']);
    expect(starts.map((s) => instantOf(old, s))).toEqual(events.map((e) => e.start));
  });

  it('writes tasks: timed and all-day due dates, done and open, priority, reminders', () => {
    const todos = [
      { uid: 't1@carteira', summary: 'Ligar para o João', due: Date.parse('2026-03-10T20:00:00Z'), priority: 1, reminderMinutes: 30 },
      { uid: 't2@carteira', summary: 'Enviar proposta', due: '2026-03-12', completedAt: Date.parse('2026-03-11T18:00:00Z') },
      { uid: 't3@carteira', summary: 'Sem prazo' },
    ];
    const calendar = readIcs(writeIcs({ timeZone: 'America/Sao_Paulo', todos, now }));
    const [t1, t2, t3] = calendar.children.filter((c) => c.name === 'VTODO');
    expect(prop(t1!, 'DUE')).toEqual({ name: 'DUE', params: { TZID: 'America/Sao_Paulo' }, value: '20260310T170000' });
    expect(instantOf(calendar, prop(t1!, 'DUE')!)).toBe(todos[0]!.due);
    expect(prop(t1!, 'PRIORITY')!.value).toBe('1');
    expect(prop(t1!, 'STATUS')!.value).toBe('NEEDS-ACTION');
    expect(t1!.children.map((a) => [a.name, prop(a, 'ACTION')!.value, prop(a, 'TRIGGER')!.value])).toEqual([['VALARM', 'DISPLAY', '-PT30M']]);
    expect(prop(t2!, 'DUE')).toEqual({ name: 'DUE', params: { VALUE: 'DATE' }, value: '20260312' });
    expect(prop(t2!, 'STATUS')!.value).toBe('COMPLETED');
    expect(prop(t2!, 'COMPLETED')!.value).toBe('20260311T180000Z');
    expect(prop(t3!, 'DUE')).toBeUndefined();
    expect(calendar.children.filter((c) => c.name === 'VTIMEZONE')).toHaveLength(1);
  });

  it('escapes text and folds long lines at 75 octets with CRLF, never inside a character', () => {
    const description = 'Pauta: preços, prazos; entrega.\nSegunda linha com acentuação — “aspas” e € '.repeat(4) + '\\ fim';
    const text = writeIcs({
      timeZone: 'UTC',
      events: [meeting('2026-03-10T12:00:00Z', '2026-03-10T13:00:00Z', { description, location: 'Av. Paulista, 1000; sala 5' })],
      now,
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    const event = readIcs(text).children.find((c) => c.name === 'VEVENT')!;
    expect(unescape(prop(event, 'DESCRIPTION')!.value)).toBe(description);
    expect(prop(event, 'LOCATION')!.value).toBe('Av. Paulista\\, 1000\\; sala 5');
    // UTC: times end in Z, and no VTIMEZONE is needed.
    expect(prop(event, 'DTSTART')!.value).toBe('20260310T120000Z');
    expect(readIcs(text).children.some((c) => c.name === 'VTIMEZONE')).toBe(false);
  });

  it('an empty calendar is still a valid file', () => {
    const calendar = readIcs(writeIcs({ timeZone: 'Europe/Lisbon', now }));
    expect(calendar.children).toEqual([]);
    expect(prop(calendar, 'VERSION')!.value).toBe('2.0');
  });
});
