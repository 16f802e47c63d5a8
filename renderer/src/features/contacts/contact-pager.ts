import type { MangoQuery, MangoQuerySelector, MangoQuerySortPart, RxChangeEvent, RxCollection } from 'rxdb';
import type { Account, Contact } from '@shared/models';
import { compareContactRows, contactMatcher, isFilterEmpty, toContactRow, type ContactRow, type ContactRowFilter } from '@shared/domain/contact-rows';

/** A list row with its account's display name (trade name, else legal name; '' while unknown). */
export interface ContactListRow extends ContactRow {
  accountName: string;
}

/** What the list renders: the rows found so far, in order, and how far the scan has got. */
export interface ContactPageSnapshot {
  rows: readonly ContactListRow[];
  /** Every matching contact is in `rows`. */
  done: boolean;
  loading: boolean;
  /** How many contacts exist for the filter's index range (all, or the account's); null until counted. */
  total: number | null;
}

type Key = Pick<ContactRow, 'nameSort' | 'id'>;

export interface ContactPagerOptions {
  /** Documents read per query when every document is shown. */
  page?: number;
  /** Documents read per query when a text or role filter drops some of them. */
  scanPage?: number;
}

/**
 * Contacts for the list, a window at a time: keyset pages along the `nameSort` index (or
 * `[accountId, nameSort]` when an account is chosen), read only as far as the view has scrolled.
 * A text or role filter is applied to each page as it is read, so matches appear progressively and
 * memory holds only what was scrolled through, never all 150k contacts. Changes to contacts already
 * passed by the scan are applied live; the rest are simply read when the scan gets there.
 */
export class ContactPager {
  private readonly byId = new Map<string, ContactListRow>();
  private rows: ContactListRow[] = [];
  private readonly removed = new Set<string>();
  private readonly accountNames = new Map<string, string>();
  private readonly matches: (contact: Contact) => boolean;
  private readonly base: MangoQuerySelector<Contact>;
  private readonly sort: MangoQuerySortPart<Contact>[];
  private readonly pageSize: number;
  private cursor: Key | null = null;
  private wanted = 0;
  private done = false;
  private pumping = false;
  private total: number | null = null;
  private started = false;
  private stopped = false;
  private publishScheduled = false;
  private snapshot: ContactPageSnapshot = { rows: [], done: false, loading: true, total: null };
  private readonly listeners = new Set<() => void>();
  private subscription: { unsubscribe(): void } | undefined;

  constructor(
    private readonly contacts: RxCollection<Contact>,
    private readonly accounts: RxCollection<Account>,
    private readonly filter: ContactRowFilter,
    options: ContactPagerOptions = {},
  ) {
    this.matches = contactMatcher(filter);
    const accountId = filter.accountId ?? '';
    this.base = accountId ? { accountId } : {};
    this.sort = accountId ? [{ accountId: 'asc' }, { nameSort: 'asc' }, { id: 'asc' }] : [{ nameSort: 'asc' }, { id: 'asc' }];
    const scanning = !isFilterEmpty({ ...filter, accountId: '' });
    this.pageSize = scanning ? (options.scanPage ?? 1000) : (options.page ?? 200);
  }

  getSnapshot = (): ContactPageSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  };

  /** The view wants at least `count` rows (it scrolled near the end of what is loaded). */
  ensure(count: number): void {
    if (count <= this.wanted) return;
    this.wanted = count;
    this.start();
    void this.pump();
  }

  stop(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
  }

  private start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.subscription = this.contacts.$.subscribe((event) => this.apply(event as RxChangeEvent<Contact>));
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping || this.stopped) return;
    this.pumping = true;
    try {
      while (!this.stopped && !this.done && this.rows.length < this.wanted) {
        const page = await this.nextPage();
        if (this.stopped) return;
        const last = page.at(-1);
        if (last) this.cursor = { nameSort: last.nameSort, id: last.id };
        if (page.length < this.pageSize) this.done = true;
        // Rows are built for matches only: a filtered scan passes over many more documents.
        const fresh = page.filter(this.matches).map(toContactRow);
        await this.resolveAccounts(fresh.map((r) => r.accountId));
        this.append(fresh);
        this.publish();
      }
      if (this.total === null && !this.stopped) {
        // Counting walks the index; it runs after the first rows are on screen.
        this.total = await this.contacts.count({ selector: this.base }).exec();
      }
    } finally {
      this.pumping = false;
      this.publish();
    }
  }

  /** The next documents after the cursor along the index: first the ties of nameSort, then greater names. */
  private async nextPage(): Promise<Contact[]> {
    const find = async (selector: MangoQuerySelector<Contact>, limit: number) => {
      const query: MangoQuery<Contact> = { selector: { ...this.base, ...selector }, sort: this.sort, limit };
      return (await this.contacts.find(query).exec()).map((d) => d.toJSON() as Contact);
    };
    if (!this.cursor) return find({}, this.pageSize);
    const ties = await find({ nameSort: this.cursor.nameSort, id: { $gt: this.cursor.id } }, this.pageSize);
    if (ties.length >= this.pageSize) return ties;
    return [...ties, ...(await find({ nameSort: { $gt: this.cursor.nameSort } }, this.pageSize - ties.length))];
  }

  private append(fresh: ContactRow[]): void {
    for (const row of fresh) {
      if (this.removed.has(row.id)) continue;
      const known = this.byId.get(row.id);
      // A change event already placed a version at least as new.
      if (known && known.updatedAt >= row.updatedAt) continue;
      if (known) this.rows.splice(this.rows.indexOf(known), 1);
      const listed = this.withAccount(row);
      this.byId.set(row.id, listed);
      this.insertSorted(listed);
    }
  }

  private insertSorted(row: ContactListRow): void {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareContactRows(this.rows[mid]!, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.rows.splice(lo, 0, row);
  }

  private apply(event: RxChangeEvent<Contact>): void {
    const id = event.documentId;
    const known = this.byId.get(id);
    if (known) {
      this.rows.splice(this.rows.indexOf(known), 1);
      this.byId.delete(id);
    }
    if (event.operation === 'DELETE') {
      this.removed.add(id);
    } else {
      this.removed.delete(id);
      const doc = event.documentData as Contact;
      const row = toContactRow(doc);
      // Rows past the cursor are read by the scan when it gets there.
      const passed = this.done || (this.cursor !== null && compareContactRows(row, this.cursor) <= 0);
      if (passed && this.matches(doc)) {
        const listed = this.withAccount(row);
        this.byId.set(id, listed);
        this.insertSorted(listed);
        if (!this.accountNames.has(row.accountId) && row.accountId) {
          void this.resolveAccounts([row.accountId]).then(() => this.refreshAccountNames());
        }
      }
    }
    this.schedulePublish();
  }

  private withAccount(row: ContactRow): ContactListRow {
    return { ...row, accountName: this.accountNames.get(row.accountId) ?? '' };
  }

  private async resolveAccounts(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => id && !this.accountNames.has(id));
    if (!missing.length) return;
    const found = await this.accounts.findByIds(missing).exec();
    for (const id of missing) {
      const account = found.get(id);
      this.accountNames.set(id, account ? account.tradeName || account.name : '');
    }
  }

  private refreshAccountNames(): void {
    this.rows = this.rows.map((r) => {
      const name = this.accountNames.get(r.accountId) ?? '';
      if (name === r.accountName) return r;
      const updated = { ...r, accountName: name };
      this.byId.set(r.id, updated);
      return updated;
    });
    this.schedulePublish();
  }

  /** Bursts of changes (an import, a sync pull) publish once. */
  private schedulePublish(): void {
    if (this.publishScheduled) return;
    this.publishScheduled = true;
    setTimeout(() => {
      this.publishScheduled = false;
      this.publish();
    }, 50);
  }

  private publish(): void {
    if (this.stopped) return;
    const total = this.total === null ? null : isFilterEmpty({ ...this.filter, accountId: '' }) && this.done ? this.rows.length : this.total;
    this.snapshot = { rows: [...this.rows], done: this.done, loading: this.pumping, total };
    for (const listener of this.listeners) listener();
  }
}
