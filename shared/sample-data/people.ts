import type { Address, Phone } from '../models';
import { normalizeText } from '../domain/text';
import { CITIES, COMPLEMENTS, DISTRICTS, PT_CITIES, STREET_NAMES, STREET_PREFIXES, type City, type PortugueseCity } from './geography';
import { weightedPicker, type Random } from './random';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './vocabulary';

/** Names, phones, addresses and e-mails shaped the way Brazilian (and a few Portuguese) records are. */

export type Person = { firstName: string; lastName: string };

export function personName(random: Random): Person {
  const firstName = random.chance(0.5) ? random.pick(FEMALE_NAMES) : random.pick(MALE_NAMES);
  const first = random.pick(SURNAMES);
  // Most Brazilians carry two surnames; records often keep both.
  const lastName = random.chance(0.55) ? `${first} ${random.pick(SURNAMES)}` : first;
  return { firstName, lastName };
}

/** "São Paulo Ferragens" → "saopauloferragens": for domains and mailbox names. */
export function slug(value: string, max = 24): string {
  return normalizeText(value)
    .replace(/[^a-z0-9]/g, '')
    .slice(0, max);
}

export const pickCity = weightedPicker(
  CITIES,
  CITIES.map((c) => c.weight),
);

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += random.int(10);
  return out;
}

/** "+55 (11) 98765-4321" (mobile) or "+55 (11) 3456-7890" (landline). */
export function brazilianPhone(random: Random, ddd: string, mobile: boolean): string {
  return mobile ? `+55 (${ddd}) 9${digits(random, 4)}-${digits(random, 4)}` : `+55 (${ddd}) ${random.between(2, 5)}${digits(random, 3)}-${digits(random, 4)}`;
}

/** "+351 912 345 678" (mobile) or "+351 213 456 789" (landline in the city's area code). */
export function portuguesePhone(random: Random, areaCode: string, mobile: boolean): string {
  const national = mobile ? `9${random.pick(['1', '2', '3', '6'])}${digits(random, 7)}` : areaCode + digits(random, 9 - areaCode.length);
  return `+351 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
}

export function phoneEntry(label: Phone['label'], number: string): Phone {
  return { label, number };
}

function street(random: Random): string {
  return `${random.pick(STREET_PREFIXES)} ${random.pick(STREET_NAMES)}`;
}

export function brazilianAddress(random: Random, city: City, kind: Address['kind']): Address {
  const cep = random.between(city.cep[0], city.cep[1]).toString().padStart(5, '0');
  const address: Address = {
    kind,
    street: street(random),
    number: String(random.chance(0.1) ? 's/n' : random.between(10, 4000)),
    district: random.pick(DISTRICTS),
    city: city.name,
    state: city.uf,
    postalCode: `${cep}-${digits(random, 3)}`,
    country: 'BR',
  };
  if (random.chance(0.35)) address.complement = random.pick(COMPLEMENTS);
  return address;
}

export function portugueseAddress(random: Random, city: PortugueseCity, kind: Address['kind']): Address {
  return {
    kind,
    street: `${random.pick(['Rua', 'Avenida', 'Travessa', 'Largo'])} ${random.pick(STREET_NAMES)}`,
    number: String(random.between(1, 300)),
    city: city.name,
    state: city.district,
    postalCode: `${random.between(city.postal[0], city.postal[1])}-${digits(random, 3)}`,
    country: 'PT',
  };
}

export { PT_CITIES };
