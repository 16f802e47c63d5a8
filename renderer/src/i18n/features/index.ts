import { messages as accounts } from '../../features/accounts/i18n';
import { messages as activities } from '../../features/activities/i18n';
import { messages as cases } from '../../features/cases/i18n';
import { messages as catalogue } from '../../features/catalogue/i18n';
import { messages as contacts } from '../../features/contacts/i18n';
import { messages as competitors } from '../../features/competitors/i18n';
import { messages as contracts } from '../../features/contracts/i18n';
import { messages as deal } from '../../features/deal/i18n';
import { messages as drafts } from '../../app/drafts/i18n';
import { messages as duplicates } from '../../features/duplicates/i18n';
import { messages as events } from '../../features/events/i18n';
import { messages as orders } from '../../features/orders/i18n';
import { messages as pipeline } from '../../features/pipeline/i18n';
import { messages as proposals } from '../../features/proposals/i18n';
import { messages as search } from '../../features/search/i18n';
import { messages as syncProblems } from '../../features/sync-problems/i18n';
import { messages as teamData } from '../../features/settings/i18n';
import { messages as ui } from '../../ui/i18n';
import { messages as formShell } from '../../ui/i18n/form-shell';
import { messages as welcome } from '../../features/welcome/i18n';
import { messages as updates } from '../../features/updates/i18n';

/**
 * Each area keeps its messages next to it (`<area>/i18n/{pt-BR,pt-PT,en}.ts`, one namespace key per
 * area), so areas grow without touching one another's strings; index.ts merges them over the core locales.
 */
export const FEATURE_MESSAGES = [
  accounts,
  activities,
  cases,
  catalogue,
  competitors,
  contacts,
  contracts,
  deal,
  drafts,
  duplicates,
  events,
  orders,
  pipeline,
  proposals,
  search,
  syncProblems,
  teamData,
  ui,
  formShell,
  welcome,
  updates,
] as const;
