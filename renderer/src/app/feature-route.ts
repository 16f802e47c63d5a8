import type { ReactNode } from 'react';

/** One screen of a feature: a wouter path pattern and what to render for its params. */
export interface FeatureRoute {
  path: string;
  render(params: Record<string, string | undefined>): ReactNode;
}
