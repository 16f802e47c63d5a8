/**
 * Every screen's address, built in one place: `paths.account(id)` instead of a hand-written
 * `/accounts/${id}` in each link. The route patterns these fill live in each feature's routes.tsx.
 */
export const paths = {
  accounts: () => '/accounts',
  newAccount: () => '/accounts/new',
  account: (id: string) => `/accounts/${id}`,
  accountEdit: (id: string) => `/accounts/${id}/edit`,
  /** Merge `otherId` into the account `id`. */
  accountMerge: (id: string, otherId: string) => `/accounts/${id}/merge/${otherId}`,
  contacts: () => '/contacts',
  newContact: () => '/contacts/new',
  contact: (id: string) => `/contacts/${id}`,
  contactEdit: (id: string) => `/contacts/${id}/edit`,
  /** Merge `otherId` into the contact `id`. */
  contactMerge: (id: string, otherId: string) => `/contacts/${id}/merge/${otherId}`,
  catalogue: () => '/catalogue',
  product: (id: string) => `/catalogue/${id}`,
  today: () => '/today',
  activities: () => '/activities',
  activity: (id: string) => `/activities/${id}`,
  pipeline: () => '/pipeline',
  deal: (id: string) => `/pipeline/${id}`,
  orders: () => '/orders',
  order: (id: string) => `/orders/${id}`,
  /** A new order, for `accountId` when given. */
  newOrder: (accountId?: string) => (accountId ? `/orders/new?account=${encodeURIComponent(accountId)}` : '/orders/new'),
  cases: () => '/cases',
  case: (id: string) => `/cases/${id}`,
  contracts: () => '/contracts',
  contract: (id: string) => `/contracts/${id}`,
  events: () => '/events',
  event: (id: string) => `/events/${id}`,
  /** Fair mode: the full-screen lead capture of one event. */
  eventCapture: (id: string) => `/events/${id}/capture`,
  competitors: () => '/competitors',
  competitorReport: () => '/competitors/report',
  competitor: (id: string) => `/competitors/${id}`,
  settings: () => '/settings',
  conflicts: () => '/conflicts',
  syncProblems: () => '/sync/problems',
} as const;
