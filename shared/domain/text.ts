/** Lower-case, accent-free, single-spaced text: "São  Paulo" → "sao paulo". For sorting and matching. */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key a name is sorted and paged by (bounded, as RxDB indexes need). */
export function sortKey(value: string): string {
  return normalizeText(value).slice(0, 120);
}

/** Only letters and digits, upper-case: "12.ABC.345/01DE-35" → "12ABC34501DE35". */
export function alphanumericOnly(value: string): string {
  return value.replace(/[^0-9a-z]/gi, '').toUpperCase();
}

/** Only digits: "+55 (11) 98765-4321" → "5511987654321". */
export function digitsOnly(value: string): string {
  return value.replace(/\D/g, '');
}
