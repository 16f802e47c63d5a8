import { create } from 'zustand';
import type { CaseKind, CaseSeverity, CaseStatus } from '@shared/models';

/** The status filter: every open status (the default view), every case, or one status. */
export type CaseStatusFilter = 'open_any' | 'all' | CaseStatus;

export interface CaseFilter {
  status: CaseStatusFilter;
  severity: CaseSeverity | '';
  kind: CaseKind | '';
}

export const DEFAULT_CASE_FILTER: CaseFilter = { status: 'open_any', severity: '', kind: '' };

interface CasesState {
  filter: CaseFilter;
  setFilter(patch: Partial<CaseFilter>): void;
  clearFilter(): void;
}

/** The cases list's filters: kept while the user opens a case and comes back. */
export const useCasesStore = create<CasesState>((set) => ({
  filter: DEFAULT_CASE_FILTER,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  clearFilter: () => set({ filter: DEFAULT_CASE_FILTER }),
}));
