import { lazy, type ComponentType } from 'react';

/**
 * A screen whose code loads the first time it is shown (React.lazy over a named export), so the
 * first screen does not wait for every area's code. AppRoutes shows the loading state meanwhile.
 */
export function lazyScreen<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each screen has its own props
  return lazy(async () => ({ default: (await load())[name] as ComponentType<any> })) as unknown as M[K];
}
