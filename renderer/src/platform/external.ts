/**
 * Side effects that go through main: click-to-call/mail links, reminder notifications and saving
 * exported files and full backups. Features call these; each asks main first (Electron: the OS handler, an OS
 * notification, a save dialog) and does the job in the page where the host cannot (web mode).
 */
import { createElement } from 'react';
import { notifications } from '@mantine/notifications';
import { getI18n } from 'react-i18next';
import { NOTIFY_BODY_MAX, NOTIFY_TITLE_MAX, type BackupBeginResult, type ExportSaveArgs, type ExportSaveResult, type NoticeOpens } from '../../../shared/ipc';
import { BACKUP_MIME_TYPE } from '../../../shared/files/backup/format';
import { BridgeError, call, isWebMode, onBridgeEvent } from './bridge';
import { ReminderMessage } from './ReminderMessage';

/** Opens a `tel:` or `mailto:` link with the OS handler, through main (which refuses anything else). */
export async function openExternalLink(url: string): Promise<void> {
  const result = await call('shell:openExternal', url);
  if (!result.opened) openInPage(result.url);
}

/**
 * Web mode: the browser hands tel:/mailto: to its own handler when such a link is clicked, without
 * leaving the page. Only the host-checked link is opened, and only if it is still tel:/mailto:.
 */
function openInPage(url: string): void {
  if (!/^(tel|mailto):/.test(url)) throw new BridgeError('external_url_refused', 'Only tel: and mailto: links can be opened');
  clickAnchor({ href: url });
}

function clickAnchor({ href, download }: { href: string; download?: string }): void {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.rel = 'noopener';
  if (download !== undefined) anchor.download = download;
  anchor.style.display = 'none';
  document.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
  }
}

export interface ReminderNotice {
  /** The activity (task or meeting) the reminder is for; clicking the notice opens it. */
  activityId: string;
  title: string;
  body: string;
}

/** The route of one activity; reminders (OS or in-page) open it. */
export function activityHash(activityId: string): string {
  return `#/activities/${encodeURIComponent(activityId)}`;
}

function openActivity(activityId: string): void {
  window.location.hash = activityHash(activityId);
}

/** Shows a reminder: an OS notification in Electron, an in-page notification in web mode. */
export async function notifyReminder(reminder: ReminderNotice): Promise<void> {
  // Long titles or bodies (a summary of many missed tasks) are clipped rather than refused.
  const notice = { activityId: reminder.activityId, title: clip(reminder.title.trim(), NOTIFY_TITLE_MAX), body: clip(reminder.body, NOTIFY_BODY_MAX) };
  let shown = false;
  try {
    ({ shown } = await call('notify:show', notice));
  } catch (error) {
    // A reminder must not be lost because the host is briefly unreachable; bad arguments still fail.
    if (!isWebMode() || (error instanceof BridgeError && error.code === 'invalid_arguments')) throw error;
  }
  if (!shown) showInPage(notice);
}

/** The screen a notice that needs the user opens (the sync problems, or Settings to sign in again). */
export type UserNoticeTarget = Exclude<NoticeOpens, 'activity'>;
const TARGET_HASH: Record<UserNoticeTarget, string> = { syncProblems: '#/sync/problems', settings: '#/settings' };

/**
 * Tells the user about something only they can fix: an OS notification in Electron whose click opens
 * `opens`, or, where the host shows none (web mode), a notice in the page with a button to it.
 * Resolves true when the OS showed it.
 */
export async function notifyUser(notice: { title: string; body: string; action: string }, opens: UserNoticeTarget): Promise<boolean> {
  const args = { activityId: `notice-${opens}`, title: clip(notice.title.trim(), NOTIFY_TITLE_MAX), body: clip(notice.body, NOTIFY_BODY_MAX), opens };
  let shown = false;
  try {
    ({ shown } = await call('notify:show', args));
  } catch (error) {
    if (!isWebMode() || (error instanceof BridgeError && error.code === 'invalid_arguments')) throw error;
  }
  if (!shown) showNoticeInPage({ id: args.activityId, title: args.title, body: args.body, action: notice.action, hash: TARGET_HASH[opens] });
  return shown;
}

/** A sync problem notice (documents refused or quarantined) that opens #/sync/problems. */
export const notifySyncProblems = (notice: { title: string; body: string; action: string }): Promise<boolean> => notifyUser(notice, 'syncProblems');

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function showNoticeInPage({ id, title, body, action, hash }: { id: string; title: string; body: string; action: string; hash: string }): void {
  const open = () => {
    notifications.hide(id);
    window.location.hash = hash;
  };
  notifications.show({
    id,
    title,
    message: createElement(ReminderMessage, { body, onOpen: open, action }),
    autoClose: false,
    withCloseButton: true,
    closeButtonProps: { 'aria-label': getI18n()?.t('common.close') ?? 'Close' },
  });
}

function showInPage({ activityId, title, body }: ReminderNotice): void {
  const id = `reminder-${activityId}`;
  const open = () => {
    notifications.hide(id);
    openActivity(activityId);
  };
  notifications.show({
    id,
    title,
    message: createElement(ReminderMessage, { body, onOpen: open }),
    autoClose: false,
    withCloseButton: true,
    closeButtonProps: { 'aria-label': getI18n()?.t('common.close') ?? 'Close' },
  });
}

/**
 * Opens the activity of an OS reminder the user clicked (main focused the window and sent
 * notify:clicked). Mounted once by App; returns the unsubscribe function.
 */
export function listenForReminderClicks(): () => void {
  // The web host never shows OS notifications, so there is nothing to listen for there.
  if (isWebMode()) return () => undefined;
  return onBridgeEvent('notify:clicked', ({ activityId, opens }) => {
    if (opens === 'syncProblems' || opens === 'settings') window.location.hash = TARGET_HASH[opens];
    else openActivity(activityId);
  });
}

export interface ExportFile {
  /** Suggested file name, with extension (e.g. contas-2026-11-27.csv). */
  fileName: string;
  mimeType: string;
  content: string | Uint8Array;
}

/** Saves an exported file: a save dialog in Electron, a download in web mode. Resolves false when cancelled. */
export async function saveExportFile(file: ExportFile): Promise<boolean> {
  const args: ExportSaveArgs =
    typeof file.content === 'string'
      ? { fileName: file.fileName, mimeType: file.mimeType, text: file.content }
      : { fileName: file.fileName, mimeType: file.mimeType, contentBase64: bytesToBase64(file.content) };
  let result: ExportSaveResult;
  try {
    result = await call('export:save', args);
  } catch (error) {
    // In web mode the page can always download what it holds; only a refused file is an error.
    const refused = error instanceof BridgeError && (error.code === 'invalid_arguments' || error.code === 'export_too_large');
    if (!isWebMode() || refused) throw error;
    result = { saved: false, reason: 'unsupported' };
  }
  if (result.saved) return true;
  if (result.reason === 'cancelled') return false;
  download(file);
  return true;
}

/** How long a download's object URL lives; the browser has started reading it long before. */
const OBJECT_URL_LIFETIME_MS = 30_000;

function download({ fileName, mimeType, content }: ExportFile): void {
  downloadBlob(new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type: mimeType }), fileName);
}

function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  try {
    clickAnchor({ href: url, download: fileName });
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
  }
}

/** Bytes sent per `backup:write`: few calls, each well under the contract's bound. */
const BACKUP_SEND_BYTES = 512 * 1024;

/**
 * Saves a full backup as its bytes are made. Electron: a save dialog, then the chunks go to main
 * one at a time (main writes a temporary file and renames it when whole; any failure aborts it).
 * Web mode: the page downloads a Blob of the compressed chunks. False when the user cancelled.
 */
export async function saveBackupFile(fileName: string, bytes: ReadableStream<Uint8Array>): Promise<boolean> {
  let begun: BackupBeginResult;
  try {
    begun = await call('backup:begin', fileName);
  } catch (error) {
    if (!isWebMode() || (error instanceof BridgeError && error.code === 'invalid_arguments')) throw error;
    begun = { started: false, reason: 'unsupported' };
  }
  const reader = bytes.getReader();
  if (!begun.started && begun.reason === 'cancelled') {
    await reader.cancel();
    return false;
  }
  if (!begun.started) {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(new Uint8Array(next.value));
    downloadBlob(new Blob(parts, { type: BACKUP_MIME_TYPE }), fileName);
    return true;
  }
  const { id } = begun;
  try {
    let pending: Uint8Array[] = [];
    let size = 0;
    const send = async () => {
      if (size === 0) return;
      const joined = new Uint8Array(size);
      let at = 0;
      for (const part of pending) {
        joined.set(part, at);
        at += part.length;
      }
      pending = [];
      size = 0;
      await call('backup:write', id, bytesToBase64(joined));
    };
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      for (let from = 0; from < next.value.length;) {
        const piece = next.value.subarray(from, from + BACKUP_SEND_BYTES - size);
        pending.push(piece);
        size += piece.length;
        from += piece.length;
        if (size >= BACKUP_SEND_BYTES) await send();
      }
    }
    await send();
    await call('backup:finish', id);
    return true;
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    await call('backup:abort', id).catch(() => undefined);
    throw error;
  }
}

/** Base64 in slices, so a multi-megabyte export does not overflow the argument list of fromCharCode. */
export function bytesToBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}
