/** The sync problems feature's public entry: the link (with the count of problems) that the sync panel and Settings show. */
export { SyncProblemsLink } from './SyncProblemsLink';
