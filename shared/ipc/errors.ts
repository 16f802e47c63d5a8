/** Error codes a call can fail with; the renderer translates them (i18n key `errors.<code>`). */
export const IPC_ERROR_CODES = [
  'forbidden_sender',
  'invalid_arguments',
  'unknown_channel',
  'internal',
  // sync: server settings, sign-in and the CouchDB proxy
  'not_configured',
  'not_signed_in',
  'unauthorized',
  'unreachable',
  'timeout',
  'server_error',
  'missing_databases',
  'not_team_member',
  'forbidden_url',
  'encryption_unavailable',
  // platform: links, exports
  'external_url_refused',
  'external_open_failed',
  'export_too_large',
  'export_write_failed',
  // backup: a write session main does not know (finished, aborted, or never begun), a chunk too large
  'backup_unknown_session',
  // web mode: refusals of the host itself, before any handler runs
  'web_session_required',
  'payload_too_large',
  'method_not_allowed',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

/** Every call resolves to an envelope, so errors cross the process boundary with their code intact. */
export type IpcEnvelope<T> = { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode | string; message: string } };

/** A failure a handler reports on purpose, with a code the renderer can translate. */
export class IpcError extends Error {
  constructor(
    readonly code: IpcErrorCode | string,
    message: string = code,
  ) {
    super(message);
    this.name = 'IpcError';
  }
}

export function failure(code: IpcErrorCode | string, message: string): IpcEnvelope<never> {
  return { ok: false, error: { code, message } };
}
