/** The duplicates feature's public entry: the warnings the account and contact editors show. */
export { AccountDuplicateWarning } from './AccountDuplicateWarning';
export { ContactDuplicateWarning } from './ContactDuplicateWarning';
/** Live duplicate candidates as the user types (fair mode checks a lead against the whole base). */
export { useAccountDuplicates, useContactDuplicates, type DuplicateCandidate } from './useDuplicates';
