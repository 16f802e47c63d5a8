import { normalizeText } from '../domain/text';
import type { SearchHit } from './search-index';
import type { SearchKind, SearchRecord } from './records';
import { words } from './tokenize';

/**
 * The anchor the index is measured against: every record's text normalised once, and each query
 * answered by scanning them all with `includes` (no typo tolerance, no ranking beyond name length).
 */
export class NaiveSearch {
  private readonly records = new Map<string, { record: SearchRecord; text: string }>();

  upsert(records: Iterable<SearchRecord>): void {
    for (const record of records) {
      const text = normalizeText([record.title, ...record.names, ...record.alt, ...record.codes, ...record.place].join(' '));
      this.records.set(`${record.kind}:${record.id}`, { record, text });
    }
  }

  remove(kind: SearchKind, ids: Iterable<string>): void {
    for (const id of ids) this.records.delete(`${kind}:${id}`);
  }

  get size(): number {
    return this.records.size;
  }

  search(query: string, limit = 20): SearchHit[] {
    const wanted = words(query);
    if (wanted.length === 0) return [];
    const found: SearchRecord[] = [];
    for (const { record, text } of this.records.values()) if (wanted.every((w) => text.includes(w))) found.push(record);
    found.sort((a, b) => a.title.length - b.title.length);
    return found.slice(0, limit).map((r) => ({ kind: r.kind, id: r.id, title: r.title, detail: r.detail.join(' · '), score: 0 }));
  }
}
