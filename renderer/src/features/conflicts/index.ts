/** The conflicts feature's public entry: how other features name a record's collection and fields, and the page title hook. */
export { collectionLabel, fieldLabel } from './conflict-values';
export { useDocumentTitle } from './useConflicts';
