/**
 * The ids of local changes not yet acknowledged by the server, per collection. Kept in
 * localStorage (when there is one) so the count survives a restart; the data itself is safe in
 * IndexedDB either way — RxDB re-pushes everything newer than its push checkpoint.
 */
export class PendingChanges {
  private readonly ids: Set<string>;
  private saveScheduled = false;

  constructor(
    private readonly key: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = defaultStorage(),
  ) {
    this.ids = new Set(readIds(storage, key));
  }

  get size(): number {
    return this.ids.size;
  }

  add(ids: Iterable<string>): void {
    let changed = false;
    for (const id of ids) {
      if (this.ids.has(id)) continue;
      this.ids.add(id);
      changed = true;
    }
    if (changed) this.scheduleSave();
  }

  acknowledge(ids: Iterable<string>): void {
    let changed = false;
    for (const id of ids) changed = this.ids.delete(id) || changed;
    if (changed) this.scheduleSave();
  }

  /** Writes the set now (when replication stops: the next one reads it back at once). */
  saveNow(): void {
    this.saveScheduled = false;
    this.write();
  }

  /**
   * One write per burst: a bulk import or a 10k push changes the set once per document, and
   * rewriting the whole set each time would be quadratic.
   */
  private scheduleSave(): void {
    if (this.saveScheduled || !this.storage) return;
    this.saveScheduled = true;
    setTimeout(() => {
      if (!this.saveScheduled) return;
      this.saveScheduled = false;
      this.write();
    }, 0);
  }

  private write(): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify([...this.ids]));
    } catch {
      // Over the storage quota: the count is a hint for the indicator; the changes themselves are in IndexedDB.
    }
  }
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readIds(storage: Pick<Storage, 'getItem'> | null, key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
