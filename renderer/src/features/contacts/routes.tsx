import type { FeatureRoute } from '../../app/feature-route';
import { ContactDuplicateWarning } from '../duplicates/ContactDuplicateWarning';
import { ContactDetailPage } from './ContactDetailPage';
import { ContactEditPage } from './ContactEditPage';
import { ContactsPage } from './ContactsPage';

/** The contacts screens: list, new (optionally `?accountId=`), edit and the contact page. */
export const contactsRoutes: FeatureRoute[] = [
  { path: '/contacts', render: () => <ContactsPage /> },
  { path: '/contacts/new', render: () => <ContactEditPage beforeFields={(v) => <ContactDuplicateWarning values={v} />} /> },
  { path: '/contacts/:id/edit', render: (p) => <ContactEditPage id={p.id} beforeFields={(v) => <ContactDuplicateWarning values={v} contactId={p.id} />} /> },
  { path: '/contacts/:id', render: (p) => <ContactDetailPage id={p.id!} /> },
];
