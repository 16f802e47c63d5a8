import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';

// The screens' code loads when first shown (AppRoutes shows the loading state).
const EventsPage = lazyScreen(() => import('./EventsPage'), 'EventsPage');
const EventPage = lazyScreen(() => import('./EventPage'), 'EventPage');
const FairCapturePage = lazyScreen(() => import('./FairCapturePage'), 'FairCapturePage');

/** The events list, one event's page and its fair mode (full-screen lead capture). */
export const eventsRoutes: FeatureRoute[] = [
  { path: '/events', render: () => <EventsPage /> },
  { path: '/events/:id', render: (p) => <EventPage key={p.id} id={decodeURIComponent(p.id ?? '')} /> },
  { path: '/events/:id/capture', render: (p) => <FairCapturePage key={p.id} id={decodeURIComponent(p.id ?? '')} /> },
];
