import { syncServerConfig, type SyncServerConfig } from '@shared/ipc';
import { serverTransport } from '@shared/couchdb/server-url';
import { BridgeError } from '../../platform/bridge';
import { errorMessage } from '@shared/error-message';

export interface SyncFormValues {
  url: string;
  team: string;
  user: string;
  password: string;
}

export type SyncFormField = keyof SyncFormValues;
/** i18n keys (under syncSettings.fieldErrors / errors) of what is wrong with each field. */
export type SyncFormErrors = Partial<Record<SyncFormField, string>>;

/**
 * Checks the form with the same schema main validates `sync:setConfig` against, so a typo in the
 * address or team is pointed at its field instead of coming back as a generic invalid_arguments.
 */
export function validateSyncForm(values: SyncFormValues): { config: SyncServerConfig; password: string } | { errors: SyncFormErrors } {
  const errors: SyncFormErrors = {};
  const candidate = { url: values.url.trim(), team: values.team.trim(), user: values.user.trim() };
  const parsed = syncServerConfig.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'url' || field === 'team' || field === 'user')
        errors[field] ??= candidate[field] === '' ? 'errors.required' : `syncSettings.fieldErrors.${field}`;
    }
  }
  // A well-formed http:// address on the internet: say why it is refused, not just that it is.
  if (errors.url === 'syncSettings.fieldErrors.url' && serverTransport(candidate.url) === 'http-public') errors.url = 'syncSettings.fieldErrors.urlNeedsHttps';
  if (values.password === '') errors.password = 'errors.required';
  if (!parsed.success || errors.password) return { errors };
  return { config: parsed.data, password: values.password };
}

/** Codes the sign-in screen explains in its own words; others fall back to the shared `errors.*`. */
const SIGN_IN_CODES = ['unauthorized', 'unreachable', 'missing_databases', 'invalid_arguments', 'timeout', 'not_team_member'] as const;

/** The i18n key and values of the message for a failed sign-in or sign-out. */
export function syncErrorMessage(error: unknown, exists: (key: string) => boolean): { key: string; values: Record<string, string> } {
  const code = error instanceof BridgeError ? error.code : 'generic';
  const message = errorMessage(error);
  if ((SIGN_IN_CODES as readonly string[]).includes(code)) return { key: `syncSettings.errors.${code}`, values: {} };
  if (code !== 'generic' && exists(`errors.${code}`)) return { key: `errors.${code}`, values: { message } };
  return { key: 'syncSettings.errors.generic', values: { message } };
}

/** Whether the address typed sends the password unencrypted (http:// on this machine or a private network). */
export function sendsPasswordInClear(url: string): boolean {
  return serverTransport(url.trim()) === 'http-private';
}
