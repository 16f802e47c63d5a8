import { z } from 'zod';
import type { IpcNamespaceContract } from './define';

/** Largest chunk of a backup file one `backup:write` carries, in bytes after decoding. */
export const BACKUP_CHUNK_MAX_BYTES = 1024 * 1024;
const BACKUP_CHUNK_MAX_BASE64_CHARS = Math.ceil(BACKUP_CHUNK_MAX_BYTES / 3) * 4;
/** A write session's id, as main hands it out. */
const sessionId = z.string().regex(/^[0-9a-f]{32}$/);

export const backupBeginResult = z.discriminatedUnion('started', [
  z.object({ started: z.literal(true), id: sessionId }),
  /** cancelled: the user closed the dialog; unsupported: web mode, where the renderer downloads the file itself. */
  z.object({ started: z.literal(false), reason: z.enum(['cancelled', 'unsupported']) }),
]);
export type BackupBeginResult = z.infer<typeof backupBeginResult>;

/**
 * A full backup is written to disk as it is made, never held whole in a message: `begin` asks
 * where (save dialog) and opens a temporary file beside the target; `write` appends one chunk;
 * `finish` makes it the target in one rename; `abort` deletes the temporary file.
 */
export const backupContract = {
  channels: {
    begin: { args: z.tuple([z.string().min(1).max(255)]), result: backupBeginResult },
    write: { args: z.tuple([sessionId, z.base64().min(1).max(BACKUP_CHUNK_MAX_BASE64_CHARS)]), result: z.void() },
    finish: { args: z.tuple([sessionId]), result: z.object({ path: z.string() }) },
    abort: { args: z.tuple([sessionId]), result: z.void() },
  },
  events: {},
} as const satisfies IpcNamespaceContract<'backup'>;
