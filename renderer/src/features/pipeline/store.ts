import { create } from 'zustand';
import { EMPTY_BOARD_FILTER, type BoardFilter } from '@shared/domain/sales/pipeline-board';

export type PipelineView = 'board' | 'list';

interface PipelineState {
  view: PipelineView;
  filter: BoardFilter;
  setView(view: PipelineView): void;
  setFilter(patch: Partial<BoardFilter>): void;
  clearFilter(): void;
}

/** The pipeline's view and filters: kept while the user goes to a deal and back. */
export const usePipelineStore = create<PipelineState>((set) => ({
  view: 'board',
  filter: EMPTY_BOARD_FILTER,
  setView: (view) => set({ view }),
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  clearFilter: () => set({ filter: EMPTY_BOARD_FILTER }),
}));
