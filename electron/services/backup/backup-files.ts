import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { BACKUP_CHUNK_MAX_BYTES, IpcError, type BackupBeginResult } from '../../../shared/ipc';
import type { SaveDialogOptions, SaveDialogResult } from '../export-files';
import { sanitizeFileName } from '../export-files/file-name';

export interface BackupFilesOptions {
  /** dialog.showSaveDialog (bound to the main window); absent in web mode, where the renderer downloads. */
  showSaveDialog?: (options: SaveDialogOptions) => Promise<SaveDialogResult>;
  /** The folder the dialog opens in first (the user's Documents). */
  defaultDir?: () => string;
  maxChunkBytes?: number;
}

/** Answers `backup:*`: a backup file written chunk by chunk into a temporary file, renamed over the target once whole. */
export interface BackupFilesService {
  begin(fileName: string): Promise<BackupBeginResult>;
  write(id: string, chunkBase64: string): Promise<void>;
  finish(id: string): Promise<{ path: string }>;
  abort(id: string): Promise<void>;
  /** Aborts every open session (the window closed mid-backup). */
  abortAll(): Promise<void>;
}

interface Session {
  target: string;
  temp: string;
  handle: FileHandle;
  /** Writes of one session run one after another, in the order they came. */
  queue: Promise<void>;
}

export function createBackupFilesService({ showSaveDialog, defaultDir, maxChunkBytes = BACKUP_CHUNK_MAX_BYTES }: BackupFilesOptions = {}): BackupFilesService {
  const sessions = new Map<string, Session>();
  let lastDir: string | undefined;

  const sessionOf = (id: string) => {
    const session = sessions.get(id);
    if (!session) throw new IpcError('backup_unknown_session', 'No backup is being written with this id');
    return session;
  };
  const discard = async (id: string) => {
    const session = sessions.get(id);
    if (!session) return;
    sessions.delete(id);
    await session.queue.catch(() => undefined);
    await session.handle.close().catch(() => undefined);
    await unlink(session.temp).catch(() => undefined);
  };
  const failed = (error: unknown) => new IpcError('export_write_failed', error instanceof Error ? error.message : String(error));

  return {
    async begin(fileName) {
      if (!showSaveDialog) return { started: false, reason: 'unsupported' };
      const name = sanitizeFileName(fileName);
      const dir = lastDir ?? defaultDir?.() ?? '';
      const choice = await showSaveDialog({ defaultPath: dir ? join(dir, name) : name, filters: [{ name: 'Carteira', extensions: ['carteira-backup'] }] });
      if (choice.canceled || !choice.filePath) return { started: false, reason: 'cancelled' };
      if (!isAbsolute(choice.filePath)) throw new IpcError('export_write_failed', 'The save dialog returned a relative path');
      const target = choice.filePath;
      // Beside the target: rename is atomic only within one file system.
      const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      let handle: FileHandle;
      try {
        handle = await open(temp, 'wx', 0o600);
      } catch (error) {
        throw failed(error);
      }
      const id = randomBytes(16).toString('hex');
      sessions.set(id, { target, temp, handle, queue: Promise.resolve() });
      lastDir = dirname(target);
      return { started: true, id };
    },

    async write(id, chunkBase64) {
      const session = sessionOf(id);
      const data = Buffer.from(chunkBase64, 'base64');
      if (data.length > maxChunkBytes) {
        await discard(id);
        throw new IpcError('export_too_large', `A chunk has ${data.length} bytes; at most ${maxChunkBytes}`);
      }
      const run = session.queue.then(async () => {
        await session.handle.write(data);
      });
      session.queue = run.catch(() => undefined);
      try {
        await run;
      } catch (error) {
        await discard(id);
        throw failed(error);
      }
    },

    async finish(id) {
      const session = sessionOf(id);
      sessions.delete(id);
      try {
        await session.queue;
        await session.handle.sync();
        await session.handle.close();
        await rename(session.temp, session.target);
      } catch (error) {
        await session.handle.close().catch(() => undefined);
        await unlink(session.temp).catch(() => undefined);
        throw failed(error);
      }
      await syncDirectory(dirname(session.target));
      return { path: session.target };
    },

    abort: discard,

    async abortAll() {
      await Promise.all([...sessions.keys()].map(discard));
    },
  };
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; there the rename is already as durable as it gets.
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse directory fsync; the data is written.
  }
}
