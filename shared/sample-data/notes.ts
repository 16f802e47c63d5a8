import { randomId } from './random';
import type { Note } from '../models';
import type { GeneratorContext } from './context';
import type { Random } from './random';

/** 0–2 dated notes from a pool, written after `since` by `by`; each with its own id since notes merge as unions. */
export function makeNotes(
  ctx: GeneratorContext,
  random: Random,
  label: string,
  index: number,
  since: number,
  by: string,
  pool: readonly string[],
  share: number,
): Note[] {
  if (!random.chance(share)) return [];
  const idRandom = ctx.random(label, index);
  const notes: Note[] = [];
  for (let n = random.chance(0.3) ? 2 : 1; n > 0; n--) {
    const at = since + Math.floor((ctx.now - since) * random.next());
    notes.push({ id: randomId(at, idRandom), at, by, text: random.pick(pool) });
  }
  return notes.sort((a, b) => a.at - b.at);
}
