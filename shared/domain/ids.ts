const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A new document id made on the device: 9 base-36 chars of the millisecond clock (so ids sort
 * roughly by creation) and 12 random chars (62 bits). No server round trip, no collisions in practice.
 */
export function newId(now: number = Date.now(), random: (bytes: Uint8Array) => Uint8Array = fillRandom): string {
  const bytes = random(new Uint8Array(12));
  let tail = '';
  for (const b of bytes) tail += ALPHABET[b % 36];
  return now.toString(36).padStart(9, '0') + tail;
}

function fillRandom(bytes: Uint8Array): Uint8Array {
  return globalThis.crypto.getRandomValues(bytes);
}
