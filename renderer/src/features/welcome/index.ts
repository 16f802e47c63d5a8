/** The first-run welcome's public entry. */
export { WelcomePanel, useIsFirstRun } from './WelcomePanel';
