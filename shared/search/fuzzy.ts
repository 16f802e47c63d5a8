/**
 * Typo-tolerant lookup over a sorted array of terms, walked as an implicit trie: the terms sharing
 * a prefix are one contiguous run, so each trie node is a range [lo, hi) and its children are found
 * by binary search on the next character. A Levenshtein row (with adjacent transpositions) is carried
 * down and a branch is dropped as soon as every cell exceeds `maxEdits`, so only a small part of the
 * dictionary is visited and no extra memory is needed.
 *
 * Reports, through `onRange(lo, hi)`, the terms within `maxEdits` of `query` as whole words, and —
 * when `prefix` is set — every term under a prefix at least as long as the query that is within
 * `maxEdits` of it (the word is still being typed: "vilel" → "vilela", "vilelas").
 * The first character is taken as typed (typos there are rare, and it keeps the walk ~30× smaller).
 */
export function fuzzyRanges(
  sorted: readonly string[],
  count: number,
  query: string,
  maxEdits: number,
  prefix: boolean,
  onRange: (lo: number, hi: number) => void,
): void {
  const m = query.length;
  const q = new Int32Array(m);
  for (let j = 0; j < m; j++) q[j] = query.charCodeAt(j);
  const maxDepth = m + maxEdits + 1;
  const rows: Int32Array[] = [];
  for (let d = 0; d <= maxDepth; d++) rows.push(new Int32Array(m + 1));
  for (let j = 0; j <= m; j++) rows[0]![j] = j;
  const path = new Int32Array(maxDepth + 1);

  const visit = (depth: number, lo: number, hi: number): void => {
    const row = rows[depth]!;
    // The term equal to this node's prefix, if any, sorts first in the run.
    if (sorted[lo]!.length === depth) {
      if (row[m]! <= maxEdits && depth > 0) onRange(lo, lo + 1);
      lo++;
    }
    if (lo >= hi) return;
    if (prefix && depth >= m && row[m]! <= maxEdits) {
      onRange(lo, hi);
      return;
    }
    let min = row[0]!;
    for (let j = 1; j <= m; j++) if (row[j]! < min) min = row[j]!;
    if (min > maxEdits || depth >= maxDepth) return;
    const next = rows[depth + 1]!;
    const before = depth > 0 ? rows[depth - 1]! : undefined;
    while (lo < hi) {
      const c = sorted[lo]!.charCodeAt(depth);
      let a = lo + 1;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (sorted[mid]!.charCodeAt(depth) <= c) a = mid + 1;
        else b = mid;
      }
      next[0] = depth + 1;
      for (let j = 1; j <= m; j++) {
        const cost = q[j - 1] === c ? 0 : 1;
        let v = row[j - 1]! + cost;
        const del = row[j]! + 1;
        const ins = next[j - 1]! + 1;
        if (del < v) v = del;
        if (ins < v) v = ins;
        if (before && j >= 2 && q[j - 1] === path[depth - 1] && q[j - 2] === c) {
          const t = before[j - 2]! + 1;
          if (t < v) v = t;
        }
        next[j] = v;
      }
      path[depth] = c;
      visit(depth + 1, lo, a);
      lo = a;
    }
  };
  if (count === 0 || m === 0) return;
  // The run of terms starting with the query's first character is the only child of the root walked.
  const c0 = q[0]!;
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.charCodeAt(0) < c0) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  hi = count;
  while (end < hi) {
    const mid = (end + hi) >>> 1;
    if (sorted[mid]!.charCodeAt(0) <= c0) end = mid + 1;
    else hi = mid;
  }
  if (lo >= end) return;
  const row1 = rows[1]!;
  row1[0] = 1;
  for (let j = 1; j <= m; j++) row1[j] = Math.min(rows[0]![j - 1]! + (q[j - 1] === c0 ? 0 : 1), rows[0]![j]! + 1, row1[j - 1]! + 1);
  path[0] = c0;
  visit(1, lo, end);
}

/** Edits a word of this length may carry and still be found (short words must be typed right). */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length >= 8 ? 2 : 1;
}
