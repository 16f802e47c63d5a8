/** What other features may use of the deal feature: "Novo negócio" (the board, an account's page). */
export { NewDealButton } from './NewDealButton';
