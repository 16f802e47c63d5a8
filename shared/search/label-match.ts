import { allowedEdits } from './fuzzy';
import { words } from './tokenize';

/** Levenshtein distance with adjacent transpositions (short strings: command labels). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * How well a query matches a short label such as a command's (0: not at all). Every query word
 * must start a word of the label — exactly (3), as a prefix (2) or with a typo (1) — like the index.
 */
export function labelScore(query: string, label: string): number {
  const wanted = words(query);
  if (wanted.length === 0) return 0;
  const have = words(label);
  let total = 0;
  for (const w of wanted) {
    let best = 0;
    const edits = allowedEdits(w.length);
    for (const h of have) {
      if (h === w) best = 3;
      else if (h.startsWith(w)) best = Math.max(best, 2);
      else if (edits > 0 && Math.min(editDistance(w, h), editDistance(w, h.slice(0, w.length))) <= edits) best = Math.max(best, 1);
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}
