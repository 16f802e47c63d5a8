/**
 * Bundled by bench/search-metrics.ts (esbuild, IIFE) and run in a blank Chromium page: the same
 * records the app indexes, generated from the same seed, searched by the naive scan and by the
 * index in-thread (pure compute, no worker, no rendering) for the same keystroke queries.
 */
import { Charset, Index } from 'flexsearch';
import { normalizeText } from '../shared/domain/text';
import { generateSampleData } from '../shared/sample-data';
import type { SampleSize } from '../shared/sample-data/sizes';
import { NaiveSearch } from '../shared/search/naive-search';
import { accountRecord, contactRecord, dealRecord, productRecord, type SearchRecord } from '../shared/search/records';
import { SearchIndex } from '../shared/search/search-index';

export interface SearchCompareArgs {
  size: SampleSize;
  seed: number;
  now: number;
  /** Every keystroke's query, in typing order. */
  queries: string[];
  limit: number;
}

export interface SearchCompareResult {
  records: number;
  naiveBuildMs: number;
  indexBuildMs: number;
  flexBuildMs: number;
  /** ms per query, same order as `queries`. */
  naive: number[];
  index: number[];
  /** FlexSearch 0.8 (forward tokenizer = prefixes, LatinBalance encoder = its typo tolerance, suggest on) over the same texts. */
  flex: number[];
}

function compare(args: SearchCompareArgs): SearchCompareResult {
  const data = generateSampleData({ size: args.size, seed: args.seed, now: args.now });
  const records: SearchRecord[] = [];
  for (const a of data.docs('accounts')) records.push(accountRecord(a));
  for (const c of data.docs('contacts')) records.push(contactRecord(c));
  for (const d of data.docs('deals')) records.push(dealRecord(d));
  for (const p of data.docs('products')) records.push(productRecord(p));
  let start = performance.now();
  const naive = new NaiveSearch();
  naive.upsert(records);
  const naiveBuildMs = performance.now() - start;
  start = performance.now();
  const index = new SearchIndex();
  for (let i = 0; i < records.length; i += 1000) index.upsert(records.slice(i, i + 1000));
  index.prepare();
  index.warmUp(args.limit);
  const indexBuildMs = performance.now() - start;
  start = performance.now();
  const flex = new Index({ tokenize: 'forward', encoder: Charset.LatinBalance });
  records.forEach((r, i) => flex.add(i, normalizeText([r.title, ...r.names, ...r.alt, ...r.codes, ...r.place].join(' '))));
  const flexBuildMs = performance.now() - start;
  const flexEngine = { search: (q: string, limit: number) => flex.search(normalizeText(q), { limit, suggest: true }) };
  const time = (engine: { search(q: string, limit: number): unknown }) =>
    args.queries.map((q) => {
      const t = performance.now();
      engine.search(q, args.limit);
      return performance.now() - t;
    });
  time(naive); // warm-up (JIT)
  time(flexEngine);
  return { records: records.length, naiveBuildMs, indexBuildMs, flexBuildMs, naive: time(naive), index: time(index), flex: time(flexEngine) };
}

(globalThis as unknown as { __searchBench: { compare: typeof compare } }).__searchBench = { compare };
