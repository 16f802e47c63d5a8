/** The calendar fields of an instant as a clock on the wall of a time zone shows them. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** `at` (epoch ms) on the wall clock of `timeZone` (an IANA name; the user's own zone when absent). */
export function wallClock(at: number, timeZone?: string): WallClock {
  if (timeZone === undefined) {
    // The system's zone, read afresh each time (a cached Intl format would keep the zone it was made in).
    const d = new Date(at);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
  }
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:mm` in the zone: what spreadsheets recognise as a date and time, in the user's time. */
export function wallClockText(at: number, timeZone?: string): string {
  const c = wallClock(at, timeZone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}`;
}

/** Milliseconds the zone is ahead of UTC at `at` (−3 h for São Paulo → −10 800 000). */
export function zoneOffsetMs(at: number, timeZone?: string): number {
  const c = wallClock(at, timeZone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}
