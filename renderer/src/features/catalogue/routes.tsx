import { useSearch } from 'wouter';
import type { FeatureRoute } from '../../app/feature-route';
import { lazyScreen } from '../../app/lazy-screen';

// Each screen's code loads when it is first shown (AppRoutes shows the loading state).
const CataloguePage = lazyScreen(() => import('./CataloguePage'), 'CataloguePage');
const ProductPage = lazyScreen(() => import('./ProductPage'), 'ProductPage');

/**
 * `#/catalogue/:id?accountId=…`: under hash routing the query sits inside the hash, so it arrives
 * glued to the id parameter; a real query string (`?accountId=…#/catalogue/:id`) works too.
 */
export function splitProductParam(param: string, search = ''): { id: string; accountId?: string } {
  const [id = '', query = ''] = param.split('?');
  const accountId = new URLSearchParams(query).get('accountId') ?? new URLSearchParams(search).get('accountId') ?? undefined;
  return { id: decodeURIComponent(id), accountId: accountId || undefined };
}

function ProductRoute({ param }: { param: string }) {
  const search = useSearch();
  const { id, accountId } = splitProductParam(param, search);
  return <ProductPage key={id} id={id} accountId={accountId} />;
}

/** The catalogue screens: browse and search, and one product with the price for an account. */
export const catalogueRoutes: FeatureRoute[] = [
  { path: '/catalogue', render: () => <CataloguePage /> },
  { path: '/catalogue/:id', render: (p) => <ProductRoute param={p.id ?? ''} /> },
];
