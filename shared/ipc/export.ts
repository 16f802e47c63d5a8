import { z } from 'zod';
import type { IpcNamespaceContract } from './define';

/** Largest exported file, in bytes after decoding; a bigger one fails with `export_too_large`. */
export const EXPORT_MAX_BYTES = 16 * 1024 * 1024;
/** Base64 of EXPORT_MAX_BYTES, rounded up; longer arguments are refused before decoding. */
export const EXPORT_MAX_BASE64_CHARS = Math.ceil(EXPORT_MAX_BYTES / 3) * 4;
export const exportSaveArgs = z
  .object({
    /** Suggested name with extension; main sanitises it (no folders, no reserved names). */
    fileName: z.string().min(1).max(255),
    mimeType: z
      .string()
      .max(255)
      .regex(/^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+"-]+)*$/),
    /** Binary content (XLSX, PDF…). */
    contentBase64: z.base64().max(EXPORT_MAX_BASE64_CHARS).optional(),
    /** Text content (CSV, vCard, ICS…), written as UTF-8. */
    text: z.string().max(EXPORT_MAX_BYTES).optional(),
  })
  .strict()
  .refine((a) => (a.contentBase64 === undefined) !== (a.text === undefined), 'Give either contentBase64 or text');
export type ExportSaveArgs = z.infer<typeof exportSaveArgs>;
export const exportSaveResult = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), path: z.string() }),
  /** cancelled: the user closed the dialog; unsupported: web mode, where the renderer downloads the file itself. */
  z.object({ saved: z.literal(false), reason: z.enum(['cancelled', 'unsupported']) }),
]);
export type ExportSaveResult = z.infer<typeof exportSaveResult>;

export const exportContract = {
  channels: {
    /** Asks where to save an exported file (save dialog) and writes it atomically. */
    save: { args: z.tuple([exportSaveArgs]), result: exportSaveResult },
  },
  events: {},
} as const satisfies IpcNamespaceContract<'export'>;
