import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Account, AccountStatus } from '@shared/models';
import { DEFAULT_ACCOUNT_SORT, type AccountSort } from '@shared/domain/account-rows';
import { newId } from '@shared/domain/ids';

/** The list's field filters (the quick text filter is kept apart: it changes on every key). */
export interface AccountListFilters {
  statuses: AccountStatus[];
  segments: Account['segment'][];
  industries: string[];
  ownerIds: string[];
  states: string[];
  cities: string[];
  tags: string[];
  sources: Account['source'][];
}

export const EMPTY_FILTERS: AccountListFilters = { statuses: [], segments: [], industries: [], ownerIds: [], states: [], cities: [], tags: [], sources: [] };

interface AccountsListState {
  text: string;
  filters: AccountListFilters;
  sort: AccountSort;
  setText(text: string): void;
  setFilter<K extends keyof AccountListFilters>(key: K, values: AccountListFilters[K]): void;
  clearFilters(): void;
  setSort(sort: AccountSort): void;
}

/** The accounts list's filter and order: UI state only, kept while the user moves between screens. */
export const useAccountsListStore = create<AccountsListState>((set) => ({
  text: '',
  filters: EMPTY_FILTERS,
  sort: DEFAULT_ACCOUNT_SORT,
  setText: (text) => set({ text }),
  setFilter: (key, values) => set((s) => ({ filters: { ...s.filters, [key]: values } })),
  clearFilters: () => set({ text: '', filters: EMPTY_FILTERS }),
  setSort: (sort) => set({ sort }),
}));

/** A named filter + order the user saved to come back to (e.g. "Key accounts in SP"). */
export interface SavedView {
  id: string;
  name: string;
  text: string;
  filters: AccountListFilters;
  sort: AccountSort;
}

interface SavedViewsState {
  views: SavedView[];
  save(name: string, view: Omit<SavedView, 'id' | 'name'>): SavedView;
  remove(id: string): void;
}

export const SAVED_VIEWS_KEY = 'carteira:accounts:saved-views';

/** Saved views live on this device (localStorage): they are a way of looking, not team data. */
export const useSavedViewsStore = create<SavedViewsState>()(
  persist(
    (set) => ({
      views: [],
      save(name, view) {
        const saved: SavedView = { id: newId(), name: name.trim(), text: view.text, filters: view.filters, sort: view.sort };
        // Saving under an existing name replaces that view.
        set((s) => ({ views: [...s.views.filter((v) => v.name !== saved.name), saved].sort((a, b) => a.name.localeCompare(b.name)) }));
        return saved;
      },
      remove: (id) => set((s) => ({ views: s.views.filter((v) => v.id !== id) })),
    }),
    { name: SAVED_VIEWS_KEY, version: 1, storage: createJSONStorage(() => localStorage) },
  ),
);

/** Puts a saved view's filters and order on the list (fields missing from older views fall back to empty). */
export function applySavedView(view: SavedView): void {
  useAccountsListStore.setState({ text: view.text, filters: { ...EMPTY_FILTERS, ...view.filters }, sort: view.sort });
}

interface SelectionState {
  selected: ReadonlySet<string>;
  /** The last row clicked without shift: the start of a shift-click range. */
  anchor: string | null;
  toggle(id: string, on: boolean): void;
  /** Selects (or clears) every id of `ids` between the anchor and `id`, in the order shown. */
  range(ids: readonly string[], id: string, on: boolean): void;
  setAll(ids: readonly string[]): void;
  clear(): void;
}

/** Which accounts are ticked for a bulk action. */
export const useAccountSelectionStore = create<SelectionState>((set, get) => ({
  selected: new Set(),
  anchor: null,
  toggle(id, on) {
    const next = new Set(get().selected);
    if (on) next.add(id);
    else next.delete(id);
    set({ selected: next, anchor: id });
  },
  range(ids, id, on) {
    const { anchor } = get();
    const from = anchor ? ids.indexOf(anchor) : -1;
    const to = ids.indexOf(id);
    if (from < 0 || to < 0) return get().toggle(id, on);
    const next = new Set(get().selected);
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
      if (on) next.add(ids[i]!);
      else next.delete(ids[i]!);
    }
    set({ selected: next, anchor: id });
  },
  setAll: (ids) => set({ selected: new Set(ids), anchor: null }),
  clear: () => set({ selected: new Set(), anchor: null }),
}));
