import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { lazyScreen, preloadScreenAt } from './lazy-screen';
import type { FeatureRoute } from './feature-route';

function Page({ id }: { id: string }) {
  return <h1>Page {id}</h1>;
}

describe('lazy screens', () => {
  it("shows the loading state until the screen's code arrives, then the screen", async () => {
    const LazyPage = lazyScreen(async () => ({ Page }), 'Page');
    render(
      <Suspense fallback={<p>Carregando…</p>}>
        <LazyPage id="7" />
      </Suspense>,
    );
    expect(screen.getByText('Carregando…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Page 7' })).toBeInTheDocument();
  });

  it('renders a screen preloaded for the boot path at once, without the loading state', async () => {
    const loads: string[] = [];
    const LazyPage = lazyScreen(async () => (loads.push('page'), { Page }), 'Page');
    const Other = lazyScreen(async () => (loads.push('other'), { Page }), 'Page');
    const routes: FeatureRoute[] = [
      { path: '/things/new', render: () => <Other id="new" /> },
      { path: '/things/:id', render: (p) => <LazyPage id={p.id!} /> },
    ];
    preloadScreenAt(routes, '/things/42');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toEqual(['page']);
    render(<Suspense fallback={<p>Carregando…</p>}>{routes[1]!.render({ id: '42' })}</Suspense>);
    expect(screen.getByRole('heading', { name: 'Page 42' })).toBeInTheDocument();
    expect(screen.queryByText('Carregando…')).toBeNull();
  });
});
