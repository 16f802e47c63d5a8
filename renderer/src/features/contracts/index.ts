/** What other features may use of the contracts feature: a won deal's "create contract". */
export { CreateContractFromDeal } from './CreateContractFromDeal';
