import { normalizeText } from '../domain/text';
import { allowedEdits, fuzzyRanges } from './fuzzy';
import type { SearchKind, SearchRecord } from './records';
import { parseQuery, words } from './tokenize';

/** Where a word was found in a record; a match in a stronger field counts more. */
export const FIELD = { name: 0, alt: 1, related: 2, place: 3 } as const;
const FIELD_WEIGHT = [4, 3, 2, 1] as const;
/** How a query word matched a term. */
export const TIER = { exact: 3, prefix: 2, fuzzy: 1 } as const;
/** Equal scores: accounts before contacts before deals before products, then shorter titles. */
const KIND_ORDER: Record<SearchKind, number> = { account: 3, contact: 2, deal: 1, product: 0 };

/** One result: enough to show it and open it. */
export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** The secondary line: trade name / tax id / city, account name for contacts and deals, SKU… */
  detail: string;
  /** Higher is better; only the order matters. */
  score: number;
}

/**
 * What a word scores where it matched: match tier × field weight, doubled, plus one when it is the
 * first word of its field. So exact > prefix > typo, names over e-mails and codes over cities,
 * "Vilela Alimentos" before "Alimentos Vilela" for "vilela".
 */
export function wordScore(tier: number, field: number, first: number): number {
  return tier * FIELD_WEIGHT[field]! * 2 + first;
}

/** A posting: (class * 4096 + tie) * 2^30 + slot, so a term's postings sort by how well they rank. */
const SLOT_SPAN = 2 ** 30;
const postingOf = (slot: number, field: number, first: number, tie: number) => (((3 - field) * 2 + first) * 4096 + tie) * SLOT_SPAN + slot;
const slotOf = (p: number) => p & 0x3fffffff;
/** wordScore of a posting found through a term matched at `tier`. */
const postingScore = (p: number, tier: number) => {
  const cls = Math.floor(p / SLOT_SPAN) >> 12;
  return wordScore(tier, 3 - (cls >> 1), cls & 1);
};
/** The order key the results are ranked by: the score, then the record's tie-break. */
const postingKey = (p: number, tier: number) => postingScore(p, tier) * 4096 + (Math.floor(p / SLOT_SPAN) & 4095);

/**
 * What the index keeps of a record once its terms are known: what a hit shows, its account, and
 * an account's names (its contacts and deals are found by them). The texts the terms came from are
 * not kept: 250k records' worth of strings and arrays made the worker's garbage collector pause.
 */
type StoredRecord = Pick<SearchRecord, 'kind' | 'id' | 'title' | 'detail' | 'accountId' | 'names'>;

interface Entry {
  record: StoredRecord;
  key: string;
  /**
   * The record's terms, each encoded termId * 8 + field * 2 + first: its own (the first `own`),
   * then those of its account's name (a plain array: 250k small typed arrays cost the GC dearly).
   */
  terms: number[];
  own: number;
  tie: number;
}

const NO_NAMES: string[] = [];

interface QueryWord {
  text: string;
  prefix: boolean;
  edits: number;
}

/** The terms a query word matched, as ranks in the sorted dictionary. */
interface Matched {
  /** The term equal to the word, or -1. */
  exact: number;
  /** Terms the word is a prefix of (the exact term excluded): one run of ranks [from, to). */
  from: number;
  to: number;
  /** Terms within the allowed typos and outside the run above. */
  fuzzy: number[];
  /** Postings to walk: the cost of evaluating this word first. */
  cost: number;
}

/** Above this many postings, a one-word query takes the merge of sorted postings (bestOfOneWord). */
const FAST_PATH_POSTINGS = 4000;
/** The merge's cost per matched term (heap building and walking) in postings scored: measured at L. */
const MERGE_COST_PER_TERM = 8;
/** Looking a word up among a candidate's own terms costs about this many postings walked. */
const CANDIDATE_CHECK_COST = 16;

const recordKey = (kind: SearchKind, id: string) => `${kind}:${id}`;

/**
 * The in-memory search index: a term dictionary (sorted, searched by binary search for prefixes and
 * walked as an implicit trie for typos), every term's postings in one typed array in dictionary
 * order (so a prefix's postings are one contiguous slice, and 700k terms are not 700k small arrays
 * for the garbage collector), and each record's own terms so that further query words are checked
 * on the few candidates left instead of walking their postings. Writes append to a pending list,
 * folded into the array by the next prepare(); removed slots are skipped, dropped at the next fold,
 * and compacted away.
 */
export class SearchIndex {
  private entries: (Entry | undefined)[] = [];
  private readonly slotByKey = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Every ranked term's postings, in dictionary order; each term's run ascends (best last). */
  private flat = new Float64Array(0);
  /** Where each rank's run starts in `flat` (length: ranked terms + 1). */
  private start = new Int32Array(1);
  /** Postings written since the last prepare(): (term id, posting) pairs. */
  private pendTerm = new Int32Array(1024);
  private pendPost = new Float64Array(1024);
  private pendLen = 0;
  private sortedTerms: string[] = [];
  /** termId of each sortedTerms entry. */
  private sortedIds = new Int32Array(0);
  /** Position of each term in sortedTerms: a prefix is a span of ranks. */
  private rankOf = new Int32Array(0);
  private unsorted: number[] = [];
  /** accountId → keys of contacts and deals found by that account's name. */
  private readonly dependents = new Map<string, Set<string>>();
  private dead = 0;
  // Scratch space reused by every query.
  private stampA = new Int32Array(0);
  private stampB = new Int32Array(0);
  private bestA = new Int32Array(0);
  private bestB = new Int32Array(0);
  private candidateBits = new Uint32Array(0);
  /** Each slot's tie-break, contiguous: ranking thousands of candidates must not visit each entry object. */
  private ties = new Uint16Array(1024);
  /** Per rank: the tier a typo match gave it during one query (cleared after). */
  private rankTier = new Uint8Array(0);
  private gen = 0;
  /** Reused by add(): the terms of the record being added, best code per term. */
  private readonly recordCodes = new Map<number, number>();
  /** Answers to one- and two-letter queries (they match a large part of the index), until the next write. */
  private shortAnswers = new Map<string, SearchHit[]>();

  get size(): number {
    return this.slotByKey.size;
  }

  get termCount(): number {
    return this.terms.length;
  }

  /** Adds or replaces records (same kind and id). */
  upsert(records: Iterable<SearchRecord>): void {
    this.shortAnswers.clear();
    for (const record of records) this.add(record);
  }

  remove(kind: SearchKind, ids: Iterable<string>): void {
    this.shortAnswers.clear();
    for (const id of ids) {
      const key = recordKey(kind, id);
      const slot = this.slotByKey.get(key);
      if (slot === undefined) continue;
      this.drop(slot);
      if (kind === 'account') this.refreshDependents(id);
    }
    this.maybeCompact();
  }

  /** Sorts terms added since the last query (done lazily; call it to finish a build). */
  prepare(): void {
    if (this.pendLen === 0 && this.unsorted.length === 0) return;
    const oldFlat = this.flat;
    const oldStart = this.start;
    const oldRankOf = this.rankOf;
    /** Term ids below this were ranked before (new terms always get the next ids). */
    const oldRanked = this.sortedIds.length;
    if (this.unsorted.length > 0) {
      this.sortTerms();
      const ids = new Int32Array(this.sortedTerms.length);
      const ranks = new Int32Array(ids.length);
      for (let i = 0; i < ids.length; i++) {
        ids[i] = this.termIds.get(this.sortedTerms[i]!)!;
        ranks[ids[i]!] = i;
      }
      this.sortedIds = ids;
      this.rankOf = ranks;
    }
    this.fold(oldFlat, oldStart, oldRankOf, oldRanked);
  }

  /** Rewrites `flat` in dictionary order: the old runs without removed records, plus the pending postings. */
  private fold(oldFlat: Float64Array, oldStart: Int32Array, oldRankOf: Int32Array, oldRanked: number): void {
    const ranks = this.sortedIds.length;
    const rankOf = this.rankOf;
    const entries = this.entries;
    // The pending postings grouped by rank (a counting sort).
    const pendAt = new Int32Array(ranks + 1);
    for (let i = 0; i < this.pendLen; i++) pendAt[rankOf[this.pendTerm[i]!]! + 1]!++;
    for (let r = 0; r < ranks; r++) pendAt[r + 1]! += pendAt[r]!;
    const grouped = new Float64Array(this.pendLen);
    const cursor = pendAt.slice(0, ranks);
    for (let i = 0; i < this.pendLen; i++) grouped[cursor[rankOf[this.pendTerm[i]!]!]!++] = this.pendPost[i]!;
    const flat = new Float64Array(oldFlat.length + this.pendLen);
    const start = new Int32Array(ranks + 1);
    let w = 0;
    for (let r = 0; r < ranks; r++) {
      start[r] = w;
      const id = this.sortedIds[r]!;
      if (id < oldRanked) {
        const o = oldRankOf[id]!;
        for (let i = oldStart[o]!, end = oldStart[o + 1]!; i < end; i++) {
          const p = oldFlat[i]!;
          if (entries[slotOf(p)] !== undefined) flat[w++] = p;
        }
      }
      const from = pendAt[r]!;
      const to = pendAt[r + 1]!;
      if (from < to) {
        for (let i = from; i < to; i++) {
          const p = grouped[i]!;
          if (entries[slotOf(p)] !== undefined) flat[w++] = p;
        }
        if (w - start[r]! > 1) flat.subarray(start[r], w).sort();
      }
    }
    start[ranks] = w;
    this.flat = w < flat.length ? flat.slice(0, w) : flat;
    this.start = start;
    this.pendLen = 0;
    if (this.pendTerm.length > 1 << 16) {
      this.pendTerm = new Int32Array(1024);
      this.pendPost = new Float64Array(1024);
    }
  }

  private sortTerms(): void {
    const byTerm = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const fresh = this.unsorted.map((id) => this.terms[id]!).sort(byTerm);
    this.unsorted = [];
    if (this.sortedTerms.length === 0) {
      this.sortedTerms = fresh;
      return;
    }
    if (fresh.length > this.sortedTerms.length / 4) {
      this.sortedTerms = this.sortedTerms.concat(fresh).sort(byTerm);
      return;
    }
    const merged: string[] = new Array(this.sortedTerms.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    const old = this.sortedTerms;
    while (i < old.length && j < fresh.length) merged[k++] = old[i]! <= fresh[j]! ? old[i++]! : fresh[j++]!;
    while (i < old.length) merged[k++] = old[i++]!;
    while (j < fresh.length) merged[k++] = fresh[j++]!;
    this.sortedTerms = merged;
  }

  /** The best `limit` records for a query (every query word must match; the last may be unfinished). */
  search(query: string, limit = 20): SearchHit[] {
    this.prepare();
    const parsed = parseQuery(query);
    const readings: QueryWord[][] = [];
    // "(16) 9…", "12.345…": the digits read as one code; as separate words they only add noise.
    const digitsOnly = parsed.code !== undefined && parsed.words.every((w) => /^\d+$/.test(w));
    if (parsed.words.length > 0 && !(digitsOnly && parsed.words.length > 1))
      readings.push(
        // One or two digits are no prefix worth walking: thousands of phone keys start with "96".
        parsed.words.map((w) => ({ text: w, prefix: !/^\d{1,2}$/.test(w), edits: /^\d+$/.test(w) ? 0 : allowedEdits(w.length) })),
      );
    if (parsed.code) readings.push([{ text: parsed.code, prefix: true, edits: 0 }]);
    if (parsed.email) readings.push(parsed.email.map((w) => ({ text: w, prefix: true, edits: 0 })));
    if (readings.length === 0) return [];
    // Typos are looked for only when the words as typed do not fill the page: a typo-tolerant
    // "maria" reaches every Mario, Marina and Márcia, many times the work for results ranked last anyway.
    const typed = this.answer(
      readings.map((r) => r.map((w) => ({ ...w, edits: 0 }))),
      limit,
    );
    if (typed.length >= limit || readings.every((r) => r.every((w) => w.edits === 0))) return typed;
    return this.answer(readings, limit);
  }

  private answer(readings: QueryWord[][], limit: number): SearchHit[] {
    if (readings.length === 1 && readings[0]!.length === 1) {
      const word = readings[0]![0]!;
      const short = word.text.length <= 2 ? `${word.text}\n${limit}\n${word.edits}` : undefined;
      const known = short === undefined ? undefined : this.shortAnswers.get(short);
      if (known) return known;
      const matched = this.match(word);
      // The merge pays per matched term; scoring every posting pays per posting. Phone and tax-id
      // prefixes ("119…") match tens of thousands of terms of one posting each: scan those.
      if (matched.cost > FAST_PATH_POSTINGS && SearchIndex.termsOf(matched) * MERGE_COST_PER_TERM < matched.cost) {
        const hits = this.bestOfOneWord(matched, limit);
        if (short !== undefined) this.shortAnswers.set(short, hits);
        return hits;
      }
      return this.scanOneWord(matched, limit);
    }
    let slots: number[];
    let totals: number[];
    if (readings.length === 1) {
      [slots, totals] = this.evaluate(readings[0]!);
    } else {
      const best = new Map<number, number>();
      for (const reading of readings) {
        const [s, t] = this.evaluate(reading);
        for (let i = 0; i < s.length; i++) if ((best.get(s[i]!) ?? -1) < t[i]!) best.set(s[i]!, t[i]!);
      }
      slots = [...best.keys()];
      totals = [...best.values()];
    }
    return this.top(slots, totals, limit);
  }

  /** Answers the one-letter queries ahead of time (each walks the heads of thousands of terms). */
  warmUp(limit: number, letters = 'abcdefghijklmnopqrstuvwxyz'): void {
    this.prepare();
    for (const letter of letters) if (this.match({ text: letter, prefix: true, edits: 0 }).cost > FAST_PATH_POSTINGS) this.search(letter, limit);
  }

  // ── records ────────────────────────────────────────────────────────────────────────────────

  /** The best code per term of `texts`' words (or whole keys) in `field`, into `codes`. */
  private putCodes(codes: Map<number, number>, texts: readonly string[], field: number, whole: boolean): void {
    const put = (term: string, first: number) => {
      if (!term) return;
      const id = this.termId(term);
      const code = id * 8 + field * 2 + first;
      const known = codes.get(id);
      if (known === undefined || wordScore(TIER.exact, (code >> 1) & 3, code & 1) > wordScore(TIER.exact, (known >> 1) & 3, known & 1)) codes.set(id, code);
    };
    for (const text of texts) {
      if (whole) put(text, 1);
      else words(text).forEach((w, i) => put(w, i === 0 ? 1 : 0));
    }
  }

  private add(record: SearchRecord): void {
    const key = recordKey(record.kind, record.id);
    const oldSlot = this.slotByKey.get(key);
    const old = oldSlot === undefined ? undefined : this.entries[oldSlot];
    if (oldSlot !== undefined) this.drop(oldSlot);
    const codes = this.recordCodes;
    codes.clear();
    this.putCodes(codes, record.names, FIELD.name, false);
    this.putCodes(
      codes,
      record.alt.map((alt) => normalizeText(alt).replace(/\s+/g, '')),
      FIELD.alt,
      true,
    );
    this.putCodes(codes, record.codes, FIELD.alt, true);
    this.putCodes(codes, record.place, FIELD.place, false);
    const stored: StoredRecord = {
      kind: record.kind,
      id: record.id,
      title: record.title,
      detail: record.detail,
      accountId: record.accountId,
      names: record.kind === 'account' ? record.names : NO_NAMES,
    };
    this.place(stored, key, [...codes.values()]);
    if (record.kind === 'account' && old?.record.names.join('\n') !== record.names.join('\n')) this.refreshDependents(record.id);
  }

  /** Gives a record a new slot: its own terms, plus its account's name as related terms. */
  private place(record: StoredRecord, key: string, own: number[]): void {
    const slot = this.entries.length;
    let terms = own;
    if (record.accountId) {
      const account = this.entryOf('account', record.accountId);
      if (account) {
        const related = this.recordCodes;
        related.clear();
        this.putCodes(related, account.record.names, FIELD.related, false);
        terms = own.concat([...related.values()]);
      }
      let set = this.dependents.get(record.accountId);
      if (!set) this.dependents.set(record.accountId, (set = new Set()));
      set.add(key);
    }
    const tie = KIND_ORDER[record.kind] * 1024 + (1023 - Math.min(record.title.length, 1023));
    for (const code of terms) this.post(code >>> 3, postingOf(slot, (code >> 1) & 3, code & 1, tie));
    this.setTie(slot, tie);
    this.entries.push({ record, key, terms, own: own.length, tie });
    this.slotByKey.set(key, slot);
  }

  /** Contacts and deals are found by their account's name: re-index them when it changes. */
  private refreshDependents(accountId: string): void {
    const keys = this.dependents.get(accountId);
    if (!keys) return;
    for (const key of [...keys]) {
      const slot = this.slotByKey.get(key);
      const entry = slot === undefined ? undefined : this.entries[slot];
      if (entry) {
        this.drop(slot!);
        this.place(entry.record, entry.key, entry.terms.slice(0, entry.own));
      }
    }
  }

  private entryOf(kind: SearchKind, id: string): Entry | undefined {
    const slot = this.slotByKey.get(recordKey(kind, id));
    return slot === undefined ? undefined : this.entries[slot];
  }

  private drop(slot: number): void {
    const entry = this.entries[slot];
    if (!entry) return;
    this.entries[slot] = undefined;
    this.slotByKey.delete(entry.key);
    if (entry.record.accountId) this.dependents.get(entry.record.accountId)?.delete(entry.key);
    this.dead++;
  }

  private setTie(slot: number, tie: number): void {
    if (slot >= this.ties.length) {
      const grown = new Uint16Array(Math.max(slot + 1, this.ties.length * 2));
      grown.set(this.ties);
      this.ties = grown;
    }
    this.ties[slot] = tie;
  }

  private post(termId: number, posting: number): void {
    if (this.pendLen === this.pendTerm.length) {
      const terms = new Int32Array(this.pendLen * 2);
      terms.set(this.pendTerm);
      this.pendTerm = terms;
      const posts = new Float64Array(this.pendLen * 2);
      posts.set(this.pendPost);
      this.pendPost = posts;
    }
    this.pendTerm[this.pendLen] = termId;
    this.pendPost[this.pendLen++] = posting;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
      this.unsorted.push(id);
    }
    return id;
  }

  /** Rebuilds slots and postings once removed records outweigh live ones. */
  private maybeCompact(): void {
    if (this.dead < 1024 || this.dead < this.slotByKey.size) return;
    const live = this.entries.filter((e): e is Entry => e !== undefined);
    this.entries = live;
    this.dead = 0;
    // Every slot moves: the postings are written again from the records' own terms.
    this.flat = new Float64Array(0);
    this.start = new Int32Array(this.sortedIds.length + 1);
    this.pendLen = 0;
    live.forEach((entry, slot) => {
      this.slotByKey.set(entry.key, slot);
      this.setTie(slot, entry.tie);
      for (const code of entry.terms) this.post(code >>> 3, postingOf(slot, (code >> 1) & 3, code & 1, entry.tie));
    });
  }

  // ── queries ────────────────────────────────────────────────────────────────────────────────

  private lowerBound(term: string): number {
    const sorted = this.sortedTerms;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private match(word: QueryWord): Matched {
    const start = this.start;
    const matched: Matched = { exact: -1, from: 0, to: 0, fuzzy: [], cost: 0 };
    const exact = this.termIds.get(word.text);
    if (exact !== undefined) {
      matched.exact = this.rankOf[exact]!;
      matched.cost += start[matched.exact + 1]! - start[matched.exact]!;
    }
    if (word.prefix) {
      let from = this.lowerBound(word.text);
      const to = this.lowerBound(`${word.text}\uffff`);
      if (from === matched.exact) from++;
      if (from < to) {
        matched.from = from;
        matched.to = to;
        matched.cost += start[to]! - start[from]!;
      }
    }
    if (word.edits > 0) {
      if (this.rankTier.length < this.sortedIds.length) this.rankTier = new Uint8Array(this.sortedIds.length * 2);
      const seen = this.rankTier;
      fuzzyRanges(this.sortedTerms, this.sortedTerms.length, word.text, word.edits, word.prefix && word.text.length >= 5, (lo, hi) => {
        for (let r = lo; r < hi; r++) {
          if (r === matched.exact || (r >= matched.from && r < matched.to) || seen[r]) continue;
          seen[r] = 1;
          matched.fuzzy.push(r);
          matched.cost += start[r + 1]! - start[r]!;
        }
      });
      for (const r of matched.fuzzy) seen[r] = 0;
    }
    return matched;
  }

  /** The slices of `flat` a matched word walks: (begin, end, tier) triples. */
  private segments(m: Matched): number[] {
    const start = this.start;
    const segs: number[] = [];
    if (m.exact >= 0) segs.push(start[m.exact]!, start[m.exact + 1]!, TIER.exact);
    if (m.from < m.to) segs.push(start[m.from]!, start[m.to]!, TIER.prefix);
    for (const r of m.fuzzy) segs.push(start[r]!, start[r + 1]!, TIER.fuzzy);
    return segs;
  }

  private scratch(): void {
    const n = this.entries.length;
    if (this.stampA.length < n) {
      const size = Math.max(1024, n * 2);
      this.stampA = new Int32Array(size);
      this.stampB = new Int32Array(size);
      this.bestA = new Int32Array(size);
      this.bestB = new Int32Array(size);
      this.candidateBits = new Uint32Array((size >>> 5) + 1);
      this.gen = 0;
    }
  }

  /** Records matching every word, with the sum of each word's best score in them. */
  private evaluate(query: QueryWord[]): [number[], number[]] {
    const matched = query.map((w) => this.match(w));
    if (matched.some((m) => m.cost === 0)) return [[], []];
    matched.sort((a, b) => a.cost - b.cost);
    this.scratch();
    const { entries, flat } = this;
    const genA = ++this.gen;
    const { stampA, bestA } = this;
    const slots: number[] = [];
    const first = this.segments(matched[0]!);
    for (let g = 0; g < first.length; g += 3) {
      const tier = first[g + 2]!;
      for (let i = first[g]!, end = first[g + 1]!; i < end; i++) {
        const p = flat[i]!;
        const slot = slotOf(p);
        if (entries[slot] === undefined) continue;
        const s = postingScore(p, tier);
        if (stampA[slot] !== genA) {
          stampA[slot] = genA;
          bestA[slot] = s;
          slots.push(slot);
        } else if (s > bestA[slot]!) bestA[slot] = s;
      }
    }
    let totals = slots.map((slot) => bestA[slot]!);
    let current = slots;
    for (let w = 1; w < matched.length && current.length > 0; w++) {
      const m = matched[w]!;
      const nextSlots: number[] = [];
      const nextTotals: number[] = [];
      if (current.length * CANDIDATE_CHECK_COST < m.cost) {
        // Few candidates left: look for the word among each candidate's own terms.
        const ranks = this.rankOf;
        const fuzzy = this.rankTier;
        for (const r of m.fuzzy) fuzzy[r] = TIER.fuzzy;
        const { exact, from, to } = m;
        for (let c = 0; c < current.length; c++) {
          const slot = current[c]!;
          let best = 0;
          for (const code of entries[slot]!.terms) {
            const rank = ranks[code >>> 3]!;
            const tier = rank === exact ? TIER.exact : rank >= from && rank < to ? TIER.prefix : fuzzy[rank]!;
            if (tier) {
              const s = wordScore(tier, (code >> 1) & 3, code & 1);
              if (s > best) best = s;
            }
          }
          if (best > 0) {
            nextSlots.push(slot);
            nextTotals.push(totals[c]! + best);
          }
        }
        for (const r of m.fuzzy) fuzzy[r] = 0;
      } else {
        const genB = ++this.gen;
        const { stampB, bestB, candidateBits: bits } = this;
        // Mark the candidates, then keep the ones this word's postings reach. Most postings miss:
        // a bit set of the candidates (a few KB, in cache) answers that before the stamps are read.
        for (const slot of current) {
          stampB[slot] = genB;
          bits[slot >>> 5]! |= 1 << (slot & 31);
        }
        const genC = ++this.gen;
        const segs = this.segments(m);
        for (let g = 0; g < segs.length; g += 3) {
          const tier = segs[g + 2]!;
          for (let i = segs[g]!, end = segs[g + 1]!; i < end; i++) {
            const p = flat[i]!;
            const slot = slotOf(p);
            if (((bits[slot >>> 5]! >>> (slot & 31)) & 1) === 0) continue;
            const stamp = stampB[slot];
            if (stamp !== genB && stamp !== genC) continue;
            const s = postingScore(p, tier);
            if (stamp === genB) {
              stampB[slot] = genC;
              bestB[slot] = s;
            } else if (s > bestB[slot]!) bestB[slot] = s;
          }
        }
        for (const slot of current) bits[slot >>> 5] = 0;
        for (let c = 0; c < current.length; c++) {
          const slot = current[c]!;
          if (stampB[slot] === genC) {
            nextSlots.push(slot);
            nextTotals.push(totals[c]! + bestB[slot]!);
          }
        }
      }
      current = nextSlots;
      totals = nextTotals;
    }
    return [current, totals];
  }

  /**
   * One word, many terms of few postings each ("119…": a phone prefix): one pass over its slices
   * of `flat`, keeping the `limit` best keys in a small sorted buffer — no per-record bookkeeping.
   */
  private scanOneWord(matched: Matched, limit: number): SearchHit[] {
    const { flat, entries } = this;
    const segs = this.segments(matched);
    // The best `limit` (key, slot), ascending by key; a record met again keeps its best key.
    const keys: number[] = [];
    const slots: number[] = [];
    for (let g = 0; g < segs.length; g += 3) {
      const tier = segs[g + 2]!;
      for (let i = segs[g]!, end = segs[g + 1]!; i < end; i++) {
        const p = flat[i]!;
        const key = postingKey(p, tier);
        if (keys.length === limit && key <= keys[0]!) continue;
        const slot = slotOf(p);
        if (entries[slot] === undefined) continue;
        const seen = slots.indexOf(slot);
        if (seen >= 0) {
          if (key <= keys[seen]!) continue;
          keys.splice(seen, 1);
          slots.splice(seen, 1);
        } else if (keys.length === limit) {
          keys.shift();
          slots.shift();
        }
        let at = 0;
        while (at < keys.length && keys[at]! < key) at++;
        keys.splice(at, 0, key);
        slots.splice(at, 0, slot);
      }
    }
    return this.top(
      slots,
      keys.map((k) => Math.floor(k / 4096)),
      limit,
    );
  }

  /** How many terms a matched word spans (the merge below keeps one heap entry per term). */
  private static termsOf(m: Matched): number {
    return (m.exact >= 0 ? 1 : 0) + (m.to - m.from) + m.fuzzy.length;
  }

  /**
   * One short word matching a large part of the index ("a", "ma"): each matched term's postings
   * are sorted best-last, so a merge of their tails (a max-heap of one head per term) yields the
   * records in rank order and stops after `limit` of them, instead of scoring every posting.
   */
  private bestOfOneWord(matched: Matched, limit: number): SearchHit[] {
    const { flat, start } = this;
    const ranks: number[] = [];
    const tierOf: number[] = [];
    if (matched.exact >= 0) {
      ranks.push(matched.exact);
      tierOf.push(TIER.exact);
    }
    for (let r = matched.from; r < matched.to; r++) {
      ranks.push(r);
      tierOf.push(TIER.prefix);
    }
    for (const r of matched.fuzzy) {
      ranks.push(r);
      tierOf.push(TIER.fuzzy);
    }
    const low = ranks.map((r) => start[r]!);
    const pos = ranks.map((r) => start[r + 1]! - 1);
    const heap: number[] = [];
    const keyOf = (t: number) => postingKey(flat[pos[t]!]!, tierOf[t]!);
    const less = (a: number, b: number) => keyOf(a) < keyOf(b);
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[m]!, heap[l]!)) m = l;
        if (r < heap.length && less(heap[m]!, heap[r]!)) m = r;
        if (m === i) return;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    };
    for (let t = 0; t < ranks.length; t++) if (pos[t]! >= low[t]!) heap.push(t);
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
    this.scratch();
    const gen = ++this.gen;
    const slots: number[] = [];
    const totals: number[] = [];
    while (heap.length > 0 && slots.length < limit) {
      const t = heap[0]!;
      const p = flat[pos[t]!]!;
      const slot = slotOf(p);
      if (this.entries[slot] !== undefined && this.stampA[slot] !== gen) {
        this.stampA[slot] = gen;
        slots.push(slot);
        totals.push(postingScore(p, tierOf[t]!));
      }
      pos[t]!--;
      if (pos[t]! < low[t]!) {
        heap[0] = heap[heap.length - 1]!;
        heap.pop();
      }
      if (heap.length > 0) down(0);
    }
    return this.top(slots, totals, limit);
  }

  /** The `limit` best by score, then kind and shorter title (a bounded min-heap), then by name. */
  private top(slots: number[], totals: number[], limit: number): SearchHit[] {
    const heapKeys: number[] = [];
    const heapSlots: number[] = [];
    const ties = this.ties;
    const siftDown = (i: number) => {
      const n = heapKeys.length;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < n && heapKeys[l]! < heapKeys[m]!) m = l;
        if (r < n && heapKeys[r]! < heapKeys[m]!) m = r;
        if (m === i) return;
        [heapKeys[i], heapKeys[m]] = [heapKeys[m]!, heapKeys[i]!];
        [heapSlots[i], heapSlots[m]] = [heapSlots[m]!, heapSlots[i]!];
        i = m;
      }
    };
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const key = totals[i]! * 4096 + ties[slot]!;
      if (heapKeys.length < limit) {
        heapKeys.push(key);
        heapSlots.push(slot);
        for (let j = heapKeys.length - 1; j > 0;) {
          const parent = (j - 1) >> 1;
          if (heapKeys[parent]! <= heapKeys[j]!) break;
          [heapKeys[parent], heapKeys[j]] = [heapKeys[j]!, heapKeys[parent]!];
          [heapSlots[parent], heapSlots[j]] = [heapSlots[j]!, heapSlots[parent]!];
          j = parent;
        }
      } else if (key > heapKeys[0]!) {
        heapKeys[0] = key;
        heapSlots[0] = slot;
        siftDown(0);
      }
    }
    const hits = heapSlots.map((slot, i) => ({ entry: this.entries[slot]!, key: heapKeys[i]! }));
    hits.sort((a, b) => b.key - a.key || (a.entry.record.title < b.entry.record.title ? -1 : a.entry.record.title > b.entry.record.title ? 1 : 0));
    return hits.map(({ entry, key }) => ({
      kind: entry.record.kind,
      id: entry.record.id,
      title: entry.record.title,
      detail: this.detailOf(entry.record),
      score: key,
    }));
  }

  private detailOf(record: StoredRecord): string {
    const account = record.accountId ? this.entryOf('account', record.accountId)?.record.title : undefined;
    return (account ? [account, ...record.detail] : record.detail).join(' · ');
  }
}
