import { createElement, isValidElement, lazy, useState, type ComponentType } from 'react';
import type { FeatureRoute } from './feature-route';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each screen has its own props
type AnyScreen = ComponentType<any>;
type Preloadable = { preload(): Promise<AnyScreen> };

/**
 * A screen whose code loads the first time it is shown (React.lazy over a named export), so the
 * first screen does not wait for every area's code. AppRoutes shows the loading state meanwhile.
 * A screen whose code is already there (preloaded at boot, or seen before) renders at once:
 * suspending costs a fallback and React's throttled reveal (~300 ms) even for a ready module.
 */
export function lazyScreen<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  let loaded: AnyScreen | undefined;
  let loading: Promise<AnyScreen> | undefined;
  const preload = () => (loading ??= load().then((m) => (loaded = m[name] as AnyScreen)));
  const Lazy = lazy(async () => ({ default: await preload() }));
  function Screen(props: object) {
    // Chosen once per mount, so a screen never remounts (and loses its state) when its code arrives.
    const [ready] = useState(() => loaded);
    return ready ? createElement(ready, props) : createElement(Lazy, props);
  }
  return Object.assign(Screen, { preload }) as unknown as M[K];
}

/** Whether a wouter pattern (`/accounts/:id`) matches a path; enough to pick what to preload. */
function matches(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.split(/[?#]/)[0]!.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    if (part.startsWith(':')) {
      if (!have[i]) return null;
      params[part.slice(1)] = have[i]!;
    } else if (part !== have[i]) return null;
  }
  return params;
}

/** Starts loading the code of the screen `path` shows, while the database opens. */
export function preloadScreenAt(routes: readonly FeatureRoute[], path: string): void {
  for (const route of routes) {
    const params = matches(route.path, path);
    if (!params) continue;
    const element = route.render(params);
    const type = isValidElement(element) ? (element.type as Partial<Preloadable>) : undefined;
    void type?.preload?.().catch(() => undefined); // a failed load shows when the screen renders
    return;
  }
}
