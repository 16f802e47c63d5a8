import type { ReactNode } from 'react';
import { EmptyState, LoadingState } from './states';
import classes from './Listing.module.css';

interface ListingProps<T> {
  /** `undefined` while the rows are still being read. */
  items: readonly T[] | undefined;
  /** What to say when there is nothing. */
  empty: string;
  /** The `<li>`s of the rows. */
  children(items: readonly T[]): ReactNode;
}

/** A short list in a section: still loading, nothing at all (a quiet line), or the rows as a list. */
export function Listing<T>({ items, empty, children }: ListingProps<T>) {
  if (items === undefined) return <LoadingState size="xs" />;
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return <ul className={classes.list}>{children(items)}</ul>;
}
