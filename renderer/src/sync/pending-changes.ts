/**
 * The ids of local changes not yet acknowledged by the server, per collection. Kept in
 * localStorage (when there is one) so the count survives a restart; the data itself is safe in
 * IndexedDB either way — RxDB re-pushes everything newer than its push checkpoint.
 */
export class PendingChanges {
  private readonly ids: Set<string>;

  constructor(private readonly key: string, private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = defaultStorage()) {
    this.ids = new Set(readIds(storage, key));
  }

  get size(): number {
    return this.ids.size;
  }

  add(id: string): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.save();
  }

  acknowledge(ids: Iterable<string>): void {
    let changed = false;
    for (const id of ids) changed = this.ids.delete(id) || changed;
    if (changed) this.save();
  }

  private save(): void {
    this.storage?.setItem(this.key, JSON.stringify([...this.ids]));
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
