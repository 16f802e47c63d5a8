/**
 * Calendar dates of contacts (birthdays) as ISO `YYYY-MM-DD` strings: no time zone, so a birthday
 * never moves a day when the laptop travels. "Today" is passed in as the user's local calendar date.
 */

export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of an ISO date if it names a real day (2023-02-29 does not). */
export function parseIsoDate(value: string): CalendarDay | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function toIsoDate({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local calendar day of a Date (the user's "today"). */
export function calendarDay(date: Date): CalendarDay {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/**
 * A date as people type it in Brazil and Portugal ("7/3/1985", "07.03.1985", "07-03-85") or ISO
 * ("1985-03-07"), as `YYYY-MM-DD`; null when it is not a real day. Two-digit years are 19xx/20xx,
 * whichever is not in the future relative to `today`.
 */
export function parseTypedDate(value: string, today: CalendarDay = calendarDay(new Date())): string | null {
  const typed = value.trim();
  if (ISO.test(typed)) return parseIsoDate(typed) ? typed : null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(typed);
  if (!m) return null;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year + 2000 > today.year ? 1900 : 2000;
  const day = { year, month: Number(m[2]), day: Number(m[1]) };
  return parseIsoDate(toIsoDate(day)) ? toIsoDate(day) : null;
}

/** Days from `today` to the next birthday (0 = today). Feb 29 birthdays fall on Feb 28 in common years. */
export function daysUntilBirthday(birthday: string, today: CalendarDay): number | null {
  const b = parseIsoDate(birthday);
  if (!b) return null;
  const start = Date.UTC(today.year, today.month - 1, today.day);
  for (const year of [today.year, today.year + 1]) {
    const day = Math.min(b.day, daysInMonth(year, b.month));
    const next = Date.UTC(year, b.month - 1, day);
    if (next >= start) return Math.round((next - start) / 86_400_000);
  }
  return null;
}

/** Completed years on `today`; null for an unknown or future birthday. */
export function ageOn(birthday: string, today: CalendarDay): number | null {
  const b = parseIsoDate(birthday);
  if (!b) return null;
  let age = today.year - b.year;
  if (today.month < b.month || (today.month === b.month && today.day < b.day)) age -= 1;
  return age >= 0 ? age : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
