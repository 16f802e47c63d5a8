/**
 * Who is editing, as stamped in `updatedBy`: the team server user this device syncs as (the
 * server refuses a change whose author is anyone else, shared/couchdb/design-docs.ts), else, with
 * no server, the name the user set in Settings, else this device's id (never shown: see
 * authorLabel), else 'local'.
 */
export function authorName(userName: string | null | undefined, syncUser: string | null | undefined, deviceId: string | null | undefined): string {
  return syncUser?.trim() || userName?.trim() || deviceId || 'local';
}

/** Every name this device has stamped or may have stamped: what "Você" stands for. */
export function selfNames(userName: string | null | undefined, syncUser: string | null | undefined, deviceId: string | null | undefined): string[] {
  return [syncUser, userName, deviceId].map((n) => n?.trim() ?? '').filter((n) => n !== '');
}

/** A device id (shared/domain/ids.ts: 21 base-36 characters), as authors were stamped before names. */
const DEVICE_ID = /^[0-9a-z]{21}$/;

export interface AuthorLabels {
  you: string;
  otherDevice: string;
  nobody: string;
}

/**
 * How an author reads in the UI: "Você" for this user (whichever of its names was stamped), the
 * colleague's name otherwise, and never a device id: another device's id reads "another device".
 */
export function authorLabel(by: string, self: readonly string[], labels: AuthorLabels): string {
  const name = by.trim();
  if (name === '') return labels.nobody;
  if (self.includes(name)) return labels.you;
  if (DEVICE_ID.test(name)) return labels.otherDevice;
  return name;
}
