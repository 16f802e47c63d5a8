/** What other features may use of the cases feature: the account page's section and My day's panel. */
export { AccountCases, OpenCasesToday } from './OpenCases';
