import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';

// The screens' code loads when first shown (AppRoutes shows the loading state).
const OrdersPage = lazyScreen(() => import('./OrdersPage'), 'OrdersPage');
const OrderPage = lazyScreen(() => import('./OrderPage'), 'OrderPage');
const NewOrderPage = lazyScreen(() => import('./NewOrderPage'), 'NewOrderPage');

/** The orders list (all, or overdue and incomplete), a new order, and one order's page. */
export const ordersRoutes: FeatureRoute[] = [
  { path: '/orders', render: () => <OrdersPage /> },
  { path: '/orders/new', render: () => <NewOrderPage /> },
  { path: '/orders/:id', render: (p) => <OrderPage key={p.id} id={decodeURIComponent(p.id ?? '')} /> },
];
