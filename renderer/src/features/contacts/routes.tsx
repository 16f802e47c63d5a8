import type { FeatureRoute } from '../../app/feature-route';
import { ContactDetailPage } from './ContactDetailPage';
import { ContactEditPage } from './ContactEditPage';
import { ContactsPage } from './ContactsPage';

/** The contacts screens: list, new (optionally `?accountId=`), edit and the contact page. */
export const contactsRoutes: FeatureRoute[] = [
  { path: '/contacts', render: () => <ContactsPage /> },
  { path: '/contacts/new', render: () => <ContactEditPage /> },
  { path: '/contacts/:id/edit', render: (p) => <ContactEditPage id={p.id} /> },
  { path: '/contacts/:id', render: (p) => <ContactDetailPage id={p.id!} /> },
];
