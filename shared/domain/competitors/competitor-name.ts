import { sortKey } from '../text';

export type CompetitorNameError = 'required' | 'taken';

/**
 * Why a competitor's name cannot be saved: empty, or already another competitor's once case,
 * accents and spaces are ignored ("Ômega  Ltda" is "omega ltda"). `existing` are the other
 * competitors' ids with their nameSort.
 */
export function competitorNameError(name: string, existing: readonly { id: string; nameSort: string }[], selfId = ''): CompetitorNameError | null {
  const key = sortKey(name);
  if (!key) return 'required';
  return existing.some((c) => c.id !== selfId && c.nameSort === key) ? 'taken' : null;
}
