import { parseIsoDate } from '../contact-dates';

/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` days. A day has no time zone: adding days works on the
 * calendar (UTC midnights, so no daylight-saving hour can move a date), and "today" is always the
 * user's local day handed in by the caller (`localIsoDay()` in shared/domain/local-day.ts).
 */

const DAY_MS = 86_400_000;

function utcMidnight(iso: string): number | null {
  const day = parseIsoDate(iso);
  return day ? Date.UTC(day.year, day.month - 1, day.day) : null;
}

/** Whether `iso` names a real calendar day ('2026-02-30' does not). */
export const isIsoDay = (iso: string): boolean => utcMidnight(iso) !== null;

/** `iso` moved by `days` (negative goes back); null when `iso` is not a real day. */
export function addDays(iso: string, days: number): string | null {
  const at = utcMidnight(iso);
  if (at === null) return null;
  return new Date(at + Math.trunc(days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later); null when either is not a real day. */
export function daysBetween(from: string, to: string): number | null {
  const a = utcMidnight(from);
  const b = utcMidnight(to);
  return a === null || b === null ? null : Math.round((b - a) / DAY_MS);
}

/** The instant of `hour`:00 on the local calendar day `iso` (epoch ms in the user's time zone); null when not a real day. */
export function localTimeOn(iso: string, hour: number): number | null {
  const day = parseIsoDate(iso);
  return day ? new Date(day.year, day.month - 1, day.day, hour, 0, 0, 0).getTime() : null;
}
