import { create } from 'zustand';
import type { ContractStatus } from '@shared/domain/sales/contracts';
import type { TableSort } from '../../ui/EntityTable';

export type ContractsView = 'all' | 'expiring';

interface ContractsState {
  view: ContractsView;
  status: ContractStatus | null;
  sort: TableSort;
  setView(view: ContractsView): void;
  setStatus(status: ContractStatus | null): void;
  setSort(sort: TableSort): void;
}

/** The contracts list's view, status filter and order: kept while the user opens a contract and comes back. */
export const useContractsStore = create<ContractsState>((set) => ({
  view: 'all',
  status: null,
  sort: { column: 'end', direction: 'asc' },
  setView: (view) => set({ view }),
  setStatus: (status) => set({ status }),
  setSort: (sort) => set({ sort }),
}));
