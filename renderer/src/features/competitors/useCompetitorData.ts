import { useMemo } from 'react';
import type { Deal } from '@shared/models';
import { DEFAULT_COMMERCIAL_POLICY } from '@shared/domain/sales/commercial-policy';
import type { PipelineConfig } from '@shared/domain/sales/pipeline';
import { useDocuments } from '../../db/hooks';
import { accountQueries } from '../../db/collections/accounts';
import { competitorQueries } from '../../db/collections/competitors';
import { dealQueries } from '../../db/collections/deals';

/** The team's pipeline: which stages are won and lost. */
export const usePipelineConfig = (): PipelineConfig => DEFAULT_COMMERCIAL_POLICY.pipeline;

/** Every competitor by name, live. */
export const useCompetitors = () => useDocuments('competitors', competitorQueries.byName());

/** Every deal that names a competitor, live. */
export const useDealsWithCompetitor = () => useDocuments('deals', dealQueries.withCompetitor());

/** The deals against one competitor, live. */
export const useDealsAgainst = (competitorId: string) => useDocuments('deals', dealQueries.againstCompetitor(competitorId));

/** The names of the accounts of these deals, live. */
export function useAccountNames(deals: readonly Deal[] | undefined): Map<string, string> {
  const ids = useMemo(() => [...new Set((deals ?? []).map((d) => d.accountId).filter(Boolean))].sort(), [deals]);
  const accounts = useDocuments('accounts', ids.length ? accountQueries.byIds(ids) : null);
  return useMemo(() => new Map((accounts ?? []).map((a) => [a.id, a.tradeName || a.name])), [accounts]);
}
