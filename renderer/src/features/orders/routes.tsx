import { useState } from 'react';
import { useSearch } from 'wouter';
import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';

// The screens' code loads when first shown (AppRoutes shows the loading state).
const OrdersPage = lazyScreen(() => import('./OrdersPage'), 'OrdersPage');
const OrderPage = lazyScreen(() => import('./OrderPage'), 'OrderPage');
const NewOrderPage = lazyScreen(() => import('./NewOrderPage'), 'NewOrderPage');

/**
 * A new order, for the account named by `account`. As for a new contact, the query may sit inside
 * the hash (`#/orders/new?account=…`, from a plain link) or, after a wouter navigation, in the page's
 * own search (`?account=…#/orders/new`); the latter is read once and removed.
 */
function NewOrderRoute({ hashQuery = '' }: { hashQuery?: string }) {
  const search = useSearch();
  const [accountId] = useState(() => {
    const fromHash = new URLSearchParams(hashQuery).get('account');
    const fromSearch = new URLSearchParams(search).get('account');
    if (fromSearch && window.location.search) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.hash);
    return fromHash ?? fromSearch ?? '';
  });
  return <NewOrderPage accountId={accountId} />;
}

/** The orders list (all, or overdue and incomplete), a new order (optionally `?account=`), and one order's page. */
export const ordersRoutes: FeatureRoute[] = [
  { path: '/orders', render: () => <OrdersPage /> },
  { path: '/orders/new', render: () => <NewOrderRoute /> },
  {
    path: '/orders/:id',
    // "#/orders/new?account=…" reaches here: the hash location keeps its query in the path.
    render: (p) => (p.id?.startsWith('new?') ? <NewOrderRoute hashQuery={p.id.slice(4)} /> : <OrderPage key={p.id} id={decodeURIComponent(p.id ?? '')} />),
  },
];
