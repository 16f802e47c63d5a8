import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Competitor } from '@shared/models';
import { localIsoDay } from '@shared/domain/local-day';
import { DEFAULT_COMMERCIAL_POLICY } from '@shared/domain/sales/commercial-policy';
import { boardMove, type BoardAccount, type BoardDeal } from '@shared/domain/sales/pipeline-board';
import type { MoveError, PipelineConfig } from '@shared/domain/sales/pipeline';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { useDocuments, type Live } from '../../db/hooks';
import { competitorQueries } from '../../db/collections/competitors';
import { useAccountRows } from '../accounts';
import { dealBoardStore, type DealBoardSnapshot } from './deal-board-store';

/** The team's pipeline (the default one until the team publishes its commercial policy). */
export const usePipelineConfig = (): PipelineConfig => DEFAULT_COMMERCIAL_POLICY.pipeline;

/** Every deal's board row, live. */
export function useBoardDeals(): DealBoardSnapshot {
  const { db } = useDatabaseContext();
  const store = dealBoardStore(db);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** Name and segment of every account, by id (from the accounts list's rows, already in memory). */
export function useBoardAccounts(): (id: string) => BoardAccount | undefined {
  const { rows } = useAccountRows();
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, { name: r.name, segment: r.segment }])), [rows]);
  return useCallback((id: string) => byId.get(id), [byId]);
}

export const useCompetitors = (): Live<Competitor[]> => useDocuments('competitors', competitorQueries.byName());

/** Everyone who owns a deal, sorted. */
export function useDealOwners(deals: readonly BoardDeal[]): string[] {
  return useMemo(() => [...new Set(deals.map((d) => d.ownerId).filter(Boolean))].sort((a, b) => a.localeCompare(b)), [deals]);
}

export type MoveOutcome = { ok: true; moved: boolean } | { ok: false; error: MoveError | 'save_failed' };

/** Moves a deal to a stage (a lost one with its reason), through the pure `boardMove`. */
export function useMoveDeal(config: PipelineConfig) {
  const repo = useRepository('deals');
  return useCallback(
    async (deal: BoardDeal, to: string, lostReason?: string): Promise<MoveOutcome> => {
      const result = boardMove(config, deal, to, localIsoDay(), lostReason);
      if (!result.ok) return result;
      if (!result.patch) return { ok: true, moved: false };
      try {
        await repo.update(deal.id, result.patch);
        return { ok: true, moved: true };
      } catch {
        return { ok: false, error: 'save_failed' };
      }
    },
    [config, repo],
  );
}
