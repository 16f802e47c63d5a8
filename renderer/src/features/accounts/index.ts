/** What other features may use of the accounts feature. */
export { useAccountRows } from './useAccountRows';
export type { AccountRowsSnapshot } from './account-list';
