/** What other features may use of the proposals feature: a deal's proposals section. */
export { DealProposals } from './DealProposals';
