import { create } from 'zustand';

interface ContactsListState {
  text: string;
  accountId: string;
  role: string;
  setText(text: string): void;
  setAccountId(accountId: string): void;
  setRole(role: string): void;
}

/** The contacts list's filter: UI state only, kept while the user moves between screens. */
export const useContactsListStore = create<ContactsListState>((set) => ({
  text: '',
  accountId: '',
  role: '',
  setText: (text) => set({ text }),
  setAccountId: (accountId) => set({ accountId }),
  setRole: (role) => set({ role }),
}));
