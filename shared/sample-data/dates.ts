/** Calendar helpers in Brasília time (UTC−3, no daylight saving since 2019), where the sample company works. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const BRT_OFFSET = -3 * HOUR;

/** `YYYY-MM-DD` of the instant in Brasília. */
export function isoDay(at: number): string {
  return new Date(at + BRT_OFFSET).toISOString().slice(0, 10);
}

/** Midnight in Brasília of the day containing `at`. */
export function startOfDay(at: number): number {
  return Math.floor((at + BRT_OFFSET) / DAY) * DAY - BRT_OFFSET;
}

/** 0 = Sunday … 6 = Saturday, in Brasília. */
export function weekday(at: number): number {
  return new Date(at + BRT_OFFSET).getUTCDay();
}

/**
 * A working-hours instant on the same business day as `at` (weekends move to Monday): 8h–18h on a
 * quarter hour, as appointments are booked. `slot` in [0, 1) picks the time.
 */
export function businessTime(at: number, slot: number): number {
  let day = startOfDay(at);
  const wd = weekday(day + 12 * HOUR);
  if (wd === 6) day += 2 * DAY;
  else if (wd === 0) day += DAY;
  const quarter = Math.floor(slot * 40); // 40 quarter hours between 8h and 18h
  return day + 8 * HOUR + quarter * 15 * MINUTE;
}

export function yearOf(at: number): number {
  return new Date(at + BRT_OFFSET).getUTCFullYear();
}
