import { create } from 'zustand';

/** Which index the search box uses: chosen from the text ('auto') or picked by the user. */
export type SearchKindChoice = 'auto' | 'name' | 'sku';

interface CatalogueState {
  /** '' for every category. */
  category: string;
  text: string;
  kind: SearchKindChoice;
  /** The account whose price the product page shows; kept while browsing products (preparing a quote). */
  accountId: string;
  setCategory(category: string): void;
  setText(text: string): void;
  setKind(kind: SearchKindChoice): void;
  setAccountId(accountId: string): void;
}

/** The catalogue's browse state: UI state only, kept while the user moves between screens. */
export const useCatalogueStore = create<CatalogueState>((set) => ({
  category: '',
  text: '',
  kind: 'auto',
  accountId: '',
  setCategory: (category) => set({ category }),
  // A new text goes back to choosing the search kind from what is typed.
  setText: (text) => set({ text, kind: 'auto' }),
  setKind: (kind) => set({ kind }),
  setAccountId: (accountId) => set({ accountId }),
}));
