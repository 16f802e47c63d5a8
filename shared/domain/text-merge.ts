/**
 * Three-way merge of plain text (meeting notes), diff3 style: what changed from `base` to `mine`
 * and from `base` to `theirs` is combined when the two touched different places. It merges by
 * lines first, then retries each clashing stretch by characters, so two people editing different
 * words of one paragraph still merge. No text library is installed (neither diff-match-patch nor
 * node-diff3), and an LCS over a few hundred lines is cheap enough.
 */
export type TextMerge = { clean: true; text: string } | { clean: false };

/** Above this many LCS cells (after trimming what both ends share) a stretch is treated as a clash. */
const MAX_CELLS = 4_000_000;

export function mergeText(base: string, mine: string, theirs: string): TextMerge {
  if (mine === theirs || theirs === base) return { clean: true, text: mine };
  if (mine === base) return { clean: true, text: theirs };
  const merged = merge3(lines(base), lines(mine), lines(theirs), (b, m, t) => {
    const inner = merge3([...b.join('')], [...m.join('')], [...t.join('')], () => null);
    return inner === null ? null : [inner.join('')];
  });
  return merged === null ? { clean: false } : { clean: true, text: merged.join('') };
}

/** Lines with their line break kept, so joining them gives the text back exactly. */
function lines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

type Resolve = (base: string[], mine: string[], theirs: string[]) => string[] | null;

/** diff3 over token lists; a stretch both sides changed differently goes to `clash` (null: unmergeable). */
function merge3(base: string[], mine: string[], theirs: string[], clash: Resolve): string[] | null {
  const toMine = matches(base, mine);
  const toTheirs = matches(base, theirs);
  if (!toMine || !toTheirs) return clash(base, mine, theirs);
  const out: string[] = [];
  let i = 0;
  let a = 0;
  let b = 0;
  for (;;) {
    // Lines unchanged on both sides.
    while (i < base.length && toMine[i] === a && toTheirs[i] === b) {
      out.push(base[i]!);
      i++;
      a++;
      b++;
    }
    if (i >= base.length && a >= mine.length && b >= theirs.length) return out;
    // The next base line both sides kept bounds the changed stretch.
    let next = i;
    while (next < base.length && (toMine[next]! < 0 || toTheirs[next]! < 0)) next++;
    const a2 = next < base.length ? toMine[next]! : mine.length;
    const b2 = next < base.length ? toTheirs[next]! : theirs.length;
    const o = base.slice(i, next);
    const m = mine.slice(a, a2);
    const t = theirs.slice(b, b2);
    if (same(m, o)) out.push(...t);
    else if (same(t, o) || same(m, t)) out.push(...m);
    else {
      const resolved = clash(o, m, t);
      if (resolved === null) return null;
      out.push(...resolved);
    }
    i = next;
    a = a2;
    b = b2;
  }
}

function same(x: string[], y: string[]): boolean {
  return x.length === y.length && x.every((v, k) => v === y[k]);
}

/**
 * For each token of `from`, its index in `to` along one longest common subsequence (-1: not kept).
 * The shared head and tail are matched directly; the LCS table covers only the middle.
 */
function matches(from: string[], to: string[]): number[] | null {
  const result = new Array<number>(from.length).fill(-1);
  let head = 0;
  while (head < from.length && head < to.length && from[head] === to[head]) {
    result[head] = head;
    head++;
  }
  let tail = 0;
  while (tail < from.length - head && tail < to.length - head && from[from.length - 1 - tail] === to[to.length - 1 - tail]) {
    result[from.length - 1 - tail] = to.length - 1 - tail;
    tail++;
  }
  const n = from.length - head - tail;
  const m = to.length - head - tail;
  if (n === 0 || m === 0) return result;
  if (n * m > MAX_CELLS) return null;
  // lcs[x][y]: LCS length of from[head+x..] and to[head+y..], flattened.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let x = n - 1; x >= 0; x--) {
    for (let y = m - 1; y >= 0; y--) {
      lcs[x * w + y] = from[head + x] === to[head + y] ? lcs[(x + 1) * w + y + 1]! + 1 : Math.max(lcs[(x + 1) * w + y]!, lcs[x * w + y + 1]!);
    }
  }
  let x = 0;
  let y = 0;
  while (x < n && y < m) {
    if (from[head + x] === to[head + y]) {
      result[head + x] = head + y;
      x++;
      y++;
    } else if (lcs[(x + 1) * w + y]! >= lcs[x * w + y + 1]!) x++;
    else y++;
  }
  return result;
}
