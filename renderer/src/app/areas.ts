import {
  IconAddressBook,
  IconArrowsDiff,
  IconBuildingStore,
  IconCalendarEvent,
  IconChartBar,
  IconFileCertificate,
  IconFlag,
  IconListCheck,
  IconMessageReport,
  IconPackage,
  IconSettings,
  IconSpeakerphone,
  IconSwords,
  IconTimeline,
  IconTruckDelivery,
  IconSun,
  type Icon,
} from '@tabler/icons-react';
import type { CollectionName } from '@shared/models';
import { paths } from './paths';

/** One area of the product in the sidebar, in the order of the account manager's work. */
export interface Area {
  id:
    | 'today'
    | 'accounts'
    | 'contacts'
    | 'pipeline'
    | 'activities'
    | 'orders'
    | 'contracts'
    | 'cases'
    | 'events'
    | 'catalogue'
    | 'competitors'
    | 'campaigns'
    | 'reports'
    | 'conflicts'
    | 'settings';
  path: string;
  icon: Icon;
  /** The collection behind the area, when there is one. */
  collection?: CollectionName;
}

export const AREAS: readonly Area[] = [
  // "My day": today's meetings, due and overdue tasks, follow-ups.
  { id: 'today', path: paths.today(), icon: IconSun },
  { id: 'accounts', path: paths.accounts(), icon: IconBuildingStore, collection: 'accounts' },
  { id: 'contacts', path: paths.contacts(), icon: IconAddressBook, collection: 'contacts' },
  { id: 'pipeline', path: paths.pipeline(), icon: IconFlag, collection: 'deals' },
  { id: 'activities', path: paths.activities(), icon: IconListCheck, collection: 'activities' },
  { id: 'orders', path: '/orders', icon: IconTruckDelivery, collection: 'orders' },
  { id: 'contracts', path: '/contracts', icon: IconFileCertificate, collection: 'contracts' },
  { id: 'cases', path: '/cases', icon: IconMessageReport, collection: 'cases' },
  { id: 'events', path: '/events', icon: IconCalendarEvent, collection: 'events' },
  { id: 'catalogue', path: paths.catalogue(), icon: IconPackage, collection: 'products' },
  { id: 'competitors', path: '/competitors', icon: IconSwords, collection: 'competitors' },
  { id: 'campaigns', path: '/campaigns', icon: IconSpeakerphone, collection: 'campaigns' },
  { id: 'reports', path: '/reports', icon: IconChartBar },
  // Sync's lost edits, next to the settings where the team server is set up.
  { id: 'conflicts', path: paths.conflicts(), icon: IconArrowsDiff },
  { id: 'settings', path: paths.settings(), icon: IconSettings },
];

export const TimelineIcon = IconTimeline;
