/**
 * Side effects that go through main: click-to-call/mail links, reminder notifications and saving
 * exported files. Features call these; the platform owner implements them over the IPC contract.
 */

/** Opens a `tel:` or `mailto:` link with the OS handler, through main (which refuses anything else). */
export async function openExternalLink(url: string): Promise<void> {
  void url;
  throw new Error('openExternalLink: not implemented yet');
}

export interface ReminderNotice {
  /** The activity (task or meeting) the reminder is for; clicking the notice opens it. */
  activityId: string;
  title: string;
  body: string;
}

/** Shows a reminder: an OS notification in Electron, an in-page notification in web mode. */
export async function notifyReminder(notice: ReminderNotice): Promise<void> {
  void notice;
  throw new Error('notifyReminder: not implemented yet');
}

export interface ExportFile {
  /** Suggested file name, with extension (e.g. contas-2026-11-27.csv). */
  fileName: string;
  mimeType: string;
  content: string | Uint8Array;
}

/** Saves an exported file: a save dialog in Electron, a download in web mode. Resolves false when cancelled. */
export async function saveExportFile(file: ExportFile): Promise<boolean> {
  void file;
  throw new Error('saveExportFile: not implemented yet');
}
