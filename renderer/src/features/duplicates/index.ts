/** The duplicates feature's public entry: the warnings the account and contact editors show. */
export { AccountDuplicateWarning } from './AccountDuplicateWarning';
export { ContactDuplicateWarning } from './ContactDuplicateWarning';
