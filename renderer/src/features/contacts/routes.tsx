import { useState } from 'react';
import { useSearch } from 'wouter';
import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';
import { ContactDuplicateWarning } from '../duplicates';

// Each screen's code loads when it is first shown (AppRoutes shows the loading state).
const ContactDetailPage = lazyScreen(() => import('./ContactDetailPage'), 'ContactDetailPage');
const ContactEditPage = lazyScreen(() => import('./ContactEditPage'), 'ContactEditPage');
const ContactsPage = lazyScreen(() => import('./ContactsPage'), 'ContactsPage');

/**
 * A new contact, for the account named by `accountId`. The query may sit inside the hash
 * (`#/contacts/new?accountId=…`, from a plain link) or, after a wouter navigation, in the page's
 * own search (`?accountId=…#/contacts/new`); the latter is read once and removed, so a later
 * "new contact" without an account does not inherit it.
 */
function NewContactRoute({ hashQuery = '' }: { hashQuery?: string }) {
  const search = useSearch();
  const [accountId] = useState(() => {
    const fromHash = new URLSearchParams(hashQuery).get('accountId');
    const fromSearch = new URLSearchParams(search).get('accountId');
    if (fromSearch && window.location.search) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.hash);
    return fromHash ?? fromSearch ?? '';
  });
  return <ContactEditPage accountId={accountId} beforeFields={(values) => <ContactDuplicateWarning values={values} />} />;
}

/** The contacts screens: list, new (optionally `?accountId=`), edit and the contact page. */
export const contactsRoutes: FeatureRoute[] = [
  { path: '/contacts', render: () => <ContactsPage /> },
  { path: '/contacts/new', render: () => <NewContactRoute /> },
  {
    path: '/contacts/:id/edit',
    // The duplicates feature's warning follows what is typed, through the form's live slot.
    // Keyed by id: another contact's editor starts over (its draft, baseline and guard are its own).
    render: (p) => <ContactEditPage key={p.id} id={p.id} beforeFields={(values) => <ContactDuplicateWarning values={values} contactId={p.id} />} />,
  },
  {
    path: '/contacts/:id',
    // "#/contacts/new?accountId=…" reaches here: the hash location keeps its query in the path.
    render: (p) => (p.id?.startsWith('new?') ? <NewContactRoute hashQuery={p.id.slice(4)} /> : <ContactDetailPage id={p.id!} />),
  },
];
