import type { RxCollection } from 'rxdb';
import type { Account, Contact } from '@shared/models';
import { compareContactRows, contactMatcher, isFilterEmpty, toContactRow, type ContactRow, type ContactRowFilter } from '@shared/domain/contact-rows';
import { LiveRows, type LiveRowsSnapshot, type RowLookup } from '../../db/live-list';
import { contactOrder, contactsByName, type ContactKey } from '../../db/collections/contacts';
import { accountsByIds } from '../../db/collections/accounts';

/** A list row with its account's display name (trade name, else legal name; '' while unknown). */
export interface ContactListRow extends ContactRow {
  accountName: string;
}

/** What the list renders: the rows found so far, in order, and how far the scan has got. */
export type ContactPageSnapshot = LiveRowsSnapshot<ContactListRow>;

export type ContactList = LiveRows<Contact, ContactListRow, ContactKey>;

export interface ContactListOptions {
  /** Documents read per query when every document is shown. */
  page?: number;
  /** Documents read per query when a text or role filter drops some of them. */
  scanPage?: number;
}

/** The account names the rows show, fetched by id once per account. */
function accountNames(accounts: RxCollection<Account>): RowLookup<Contact, ContactListRow> & { nameOf(accountId: string): string } {
  const names = new Map<string, string>();
  return {
    nameOf: (accountId) => names.get(accountId) ?? '',
    async load(docs) {
      const missing = [...new Set(docs.map((d) => d.accountId))].filter((id) => id && !names.has(id));
      if (!missing.length) return false;
      const found = await accountsByIds(accounts, missing);
      for (const id of missing) {
        const account = found.get(id);
        names.set(id, account ? account.tradeName || account.name : '');
      }
      return true;
    },
    refresh(row) {
      const name = names.get(row.accountId) ?? '';
      return name === row.accountName ? row : { ...row, accountName: name };
    },
  };
}

/**
 * Contacts for the list, as far as the view has scrolled: keyset pages along the `nameSort` index
 * (or `[accountId, nameSort]` when an account is chosen). A text or role filter is applied to each
 * page as it is read, so matches appear progressively and memory holds only what was scrolled
 * through, never all 150k contacts. Changes to contacts already passed by the scan are applied
 * live; the rest are simply read when the scan gets there.
 */
export function contactList(
  contacts: RxCollection<Contact>,
  accounts: RxCollection<Account>,
  filter: ContactRowFilter,
  options: ContactListOptions = {},
): ContactList {
  const scanning = !isFilterEmpty({ ...filter, accountId: '' });
  const lookup = accountNames(accounts);
  return new LiveRows<Contact, ContactListRow, ContactKey>({
    source: contactsByName(contacts, contactOrder(filter.accountId ?? '')),
    toRow: (doc) => ({ ...toContactRow(doc), accountName: lookup.nameOf(doc.accountId) }),
    compare: compareContactRows,
    keyOf: (row) => ({ nameSort: row.nameSort, id: row.id }),
    read: 'on-demand',
    ...(scanning ? { matches: contactMatcher(filter) } : {}),
    lookup,
    page: scanning ? (options.scanPage ?? 1000) : (options.page ?? 200),
  });
}
