import { create } from 'zustand';
import type { AccountStatus } from '@shared/models';

interface AccountsListState {
  text: string;
  status: AccountStatus | '';
  setText(text: string): void;
  setStatus(status: AccountStatus | ''): void;
}

/** The accounts list's filter: UI state only, kept while the user moves between screens. */
export const useAccountsListStore = create<AccountsListState>((set) => ({
  text: '',
  status: '',
  setText: (text) => set({ text }),
  setStatus: (status) => set({ status }),
}));
