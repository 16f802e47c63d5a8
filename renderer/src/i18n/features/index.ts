import { messages as activities } from './activities';
import { messages as catalogue } from './catalogue';
import { messages as contacts } from './contacts';
import { messages as drafts } from './drafts';
import { messages as duplicates } from './duplicates';
import { messages as formShell } from './form-shell';
import { messages as search } from './search';
import { messages as syncProblems } from './sync-problems';
import { messages as ui } from './ui';
import { messages as teamData } from './team-data';
import { messages as workspace } from './workspace';

/**
 * Each feature keeps its messages in its own file (one namespace key per feature), so features can
 * grow without touching one another's strings; index.ts merges them over the core locales.
 */
export const FEATURE_MESSAGES = [activities, catalogue, contacts, drafts, duplicates, formShell, search, syncProblems, teamData, ui, workspace] as const;
