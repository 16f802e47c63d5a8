/**
 * Today as the user lives it: the local calendar day, ISO `YYYY-MM-DD`. Not
 * `toISOString().slice(0, 10)`, which is UTC's day (already tomorrow after 21:00 in Brazil).
 */
export function localIsoDay(at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
