import { contentLines, escapeText, paramValue } from './content-lines';
import { wallClock, zoneOffsetMs } from './wall-clock';

/** A meeting (VEVENT). Times are epoch ms; they are written on the clock of the calendar's time zone. */
export interface IcsEvent {
  /** Globally unique and stable (the activity's id plus a domain), so re-importing updates instead of duplicating. */
  uid: string;
  start: number;
  end: number;
  summary: string;
  description?: string;
  location?: string;
  status?: 'confirmed' | 'tentative' | 'cancelled';
  /** A reminder this many minutes before the start (VALARM). */
  reminderMinutes?: number;
  updatedAt?: number;
}

/** A task (VTODO). `due` is an instant (epoch ms) or a calendar day `YYYY-MM-DD` (written as a DATE). */
export interface IcsTodo {
  uid: string;
  summary: string;
  description?: string;
  due?: number | string;
  /** When it was done; absent while open. */
  completedAt?: number;
  /** 1 (highest) to 9 (lowest), as RFC 5545 has it. */
  priority?: number;
  reminderMinutes?: number;
  updatedAt?: number;
}

export interface IcsCalendar {
  /** IANA zone the times are written in (`America/Sao_Paulo`); `UTC` writes UTC times and no VTIMEZONE. */
  timeZone: string;
  events?: readonly IcsEvent[];
  todos?: readonly IcsTodo[];
  /** When the file is made (DTSTAMP); now by default. */
  now?: number;
  /** Calendar name shown by apps that read X-WR-CALNAME. */
  name?: string;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** UTC date-time `20260307T102030Z`. */
export const icsUtc = (at: number) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Local (floating) date-time of `at` on the zone's clock: `20260307T072030`. */
function icsLocal(at: number, timeZone: string): string {
  const c = wallClock(at, timeZone);
  return `${pad(c.year, 4)}${pad(c.month)}${pad(c.day)}T${pad(c.hour)}${pad(c.minute)}${pad(c.second)}`;
}

/** A UTC offset as `-0300`, `+0100`, `+0530` (seconds only when there are some). */
function icsOffset(ms: number): string {
  const total = Math.round(ms / 1000);
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  const seconds = abs % 60;
  return `${sign}${pad(Math.floor(abs / 3600))}${pad(Math.floor((abs % 3600) / 60))}${seconds ? pad(seconds) : ''}`;
}

const isUtc = (timeZone: string) => /^(UTC|Etc\/UTC|Etc\/GMT|GMT|Z)$/i.test(timeZone);

/**
 * Whether the zone's clock shows the same time earlier too (the hour repeated when summer time
 * ends): RFC 5545 reads such a local time as its first occurrence, so the second is written in UTC.
 */
function isSecondOccurrence(at: number, timeZone: string): boolean {
  const offset = zoneOffsetMs(at, timeZone);
  const local = at + offset;
  for (const other of new Set([zoneOffsetMs(at - DAY, timeZone), zoneOffsetMs(at + DAY, timeZone)])) {
    const earlier = local - other;
    if (other !== offset && earlier < at && zoneOffsetMs(earlier, timeZone) === other) return true;
  }
  return false;
}

/** A date-time property in the calendar's zone: `DTSTART;TZID=America/Sao_Paulo:20260310T090000`, or UTC. */
function dateTime(name: string, at: number, timeZone: string): string {
  if (isUtc(timeZone) || isSecondOccurrence(at, timeZone)) return `${name}:${icsUtc(at)}`;
  return `${name};TZID=${paramValue(timeZone)}:${icsLocal(at, timeZone)}`;
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The instants in [from, to) where the zone's offset changes, found by weekly steps and a bisection to the minute. */
function transitions(timeZone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  const STEP = 7 * DAY;
  let previous = zoneOffsetMs(from, timeZone);
  for (let at = from; at < to; at += STEP) {
    const next = Math.min(at + STEP, to);
    const offset = zoneOffsetMs(next, timeZone);
    if (offset === previous) continue;
    let lo = at;
    let hi = next;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.max(MINUTE, Math.floor((hi - lo) / 2 / MINUTE) * MINUTE);
      if (zoneOffsetMs(mid, timeZone) === previous) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: previous, to: offset });
    previous = offset;
  }
  return found;
}

/**
 * The VTIMEZONE of an IANA zone over the years the calendar's times fall in: one observance from the
 * start of the first year, then one per offset change (explicit, no RRULE), so every time written
 * maps back to the right instant. Made from the platform's own zone data (Intl).
 */
function vtimezone(timeZone: string, times: readonly number[]): string[] {
  const years = times.map((t) => new Date(t).getUTCFullYear());
  const from = Date.UTC(Math.min(...years), 0, 1) - DAY;
  const to = Date.UTC(Math.max(...years) + 1, 0, 1) + DAY;
  const base = zoneOffsetMs(from, timeZone);
  const changes = transitions(timeZone, from, to);
  const lowest = Math.min(base, ...changes.map((c) => c.to));
  const observance = (start: string, offsetFrom: number, offsetTo: number) => {
    const kind = offsetTo > lowest ? 'DAYLIGHT' : 'STANDARD';
    return [`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${icsOffset(offsetFrom)}`, `TZOFFSETTO:${icsOffset(offsetTo)}`, `END:${kind}`];
  };
  // An observance's DTSTART is the local time, in the offset it replaces, at which it begins.
  const floating = (at: number, offset: number) => icsUtc(at + offset).slice(0, -1);
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observance(floating(from, base), base, base),
    ...changes.flatMap((c) => observance(floating(c.at, c.from), c.from, c.to)),
    'END:VTIMEZONE',
  ];
}

function alarm(minutes: number | undefined, summary: string): string[] {
  if (minutes === undefined || !Number.isFinite(minutes) || minutes < 0) return [];
  return ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(summary)}`, `TRIGGER:-PT${Math.round(minutes)}M`, 'END:VALARM'];
}

const optionalText = (name: string, value: string | undefined) => (value ? [`${name}:${escapeText(value)}`] : []);

/**
 * An iCalendar file (RFC 5545) of meetings and tasks: times on the clock of `timeZone` with its
 * VTIMEZONE (or in UTC), CRLF lines folded at 75 octets, text escaped. Google Calendar, Outlook and
 * Apple Calendar import it.
 */
export function writeIcs({ timeZone, events = [], todos = [], now = Date.now(), name }: IcsCalendar): string {
  const stamp = `DTSTAMP:${icsUtc(now)}`;
  const times = [...events.flatMap((e) => [e.start, e.end]), ...todos.flatMap((t) => [typeof t.due === 'number' ? t.due : undefined, t.completedAt])].filter(
    (t): t is number => typeof t === 'number',
  );
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Carteira//Carteira CRM//PT', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (name) lines.push(`X-WR-CALNAME:${escapeText(name)}`);
  if (!isUtc(timeZone)) lines.push(`X-WR-TIMEZONE:${timeZone}`);
  if (!isUtc(timeZone) && times.length > 0) lines.push(...vtimezone(timeZone, times));
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      stamp,
      dateTime('DTSTART', e.start, timeZone),
      dateTime('DTEND', Math.max(e.end, e.start), timeZone),
    );
    lines.push(`SUMMARY:${escapeText(e.summary)}`, ...optionalText('DESCRIPTION', e.description), ...optionalText('LOCATION', e.location));
    if (e.status) lines.push(`STATUS:${e.status.toUpperCase()}`);
    if (e.updatedAt !== undefined) lines.push(`LAST-MODIFIED:${icsUtc(e.updatedAt)}`);
    lines.push(...alarm(e.reminderMinutes, e.summary), 'END:VEVENT');
  }
  for (const t of todos) {
    lines.push('BEGIN:VTODO', `UID:${escapeText(t.uid)}`, stamp, `SUMMARY:${escapeText(t.summary)}`, ...optionalText('DESCRIPTION', t.description));
    if (typeof t.due === 'number') lines.push(dateTime('DUE', t.due, timeZone));
    else if (typeof t.due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(t.due)) lines.push(`DUE;VALUE=DATE:${t.due.replace(/-/g, '')}`);
    if (t.priority !== undefined && t.priority >= 1 && t.priority <= 9) lines.push(`PRIORITY:${Math.round(t.priority)}`);
    if (t.completedAt !== undefined) lines.push('STATUS:COMPLETED', `COMPLETED:${icsUtc(t.completedAt)}`, 'PERCENT-COMPLETE:100');
    else lines.push('STATUS:NEEDS-ACTION');
    if (t.updatedAt !== undefined) lines.push(`LAST-MODIFIED:${icsUtc(t.updatedAt)}`);
    // A reminder needs something to be before: only a timed due date has one.
    lines.push(...(typeof t.due === 'number' ? alarm(t.reminderMinutes, t.summary) : []), 'END:VTODO');
  }
  lines.push('END:VCALENDAR');
  return contentLines(lines);
}
