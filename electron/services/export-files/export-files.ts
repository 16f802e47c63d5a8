import { dirname, isAbsolute, join } from 'node:path';
import { EXPORT_MAX_BYTES, IpcError, type ExportSaveArgs, type ExportSaveResult } from '../../../shared/ipc';
import { writeFileAtomic } from '../settings/atomic-write';
import { extensionOf, sanitizeFileName } from './file-name';

/** The options of Electron's dialog.showSaveDialog the service sets. */
export interface SaveDialogOptions {
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
}
/** What dialog.showSaveDialog resolves to. */
export interface SaveDialogResult {
  canceled: boolean;
  filePath?: string;
}

export interface ExportFilesOptions {
  /** dialog.showSaveDialog (bound to the main window); absent in web mode, where the renderer downloads. */
  showSaveDialog?: (options: SaveDialogOptions) => Promise<SaveDialogResult>;
  /** The folder the dialog opens in first (the user's Downloads or Documents). */
  defaultDir?: () => string;
  maxBytes?: number;
}

/** Answers `export:save`. */
export interface ExportFilesService {
  save(file: ExportSaveArgs): Promise<ExportSaveResult>;
}

export function createExportFilesService({ showSaveDialog, defaultDir, maxBytes = EXPORT_MAX_BYTES }: ExportFilesOptions = {}): ExportFilesService {
  // The next dialog opens where the user saved last, for the rest of this session.
  let lastDir: string | undefined;
  return {
    async save({ fileName, contentBase64, text }) {
      const data = contentBase64 !== undefined ? Buffer.from(contentBase64, 'base64') : Buffer.from(text ?? '', 'utf8');
      if (data.length > maxBytes) throw new IpcError('export_too_large', `The file has ${data.length} bytes; at most ${maxBytes} can be saved`);
      if (!showSaveDialog) return { saved: false, reason: 'unsupported' };

      const name = sanitizeFileName(fileName);
      const ext = extensionOf(name);
      const dir = lastDir ?? defaultDir?.() ?? '';
      const choice = await showSaveDialog({
        defaultPath: dir ? join(dir, name) : name,
        filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
      });
      if (choice.canceled || !choice.filePath) return { saved: false, reason: 'cancelled' };
      if (!isAbsolute(choice.filePath)) throw new IpcError('export_write_failed', 'The save dialog returned a relative path');
      try {
        await writeFileAtomic(choice.filePath, data, 0o666);
      } catch (error) {
        throw new IpcError('export_write_failed', error instanceof Error ? error.message : String(error));
      }
      lastDir = dirname(choice.filePath);
      return { saved: true, path: choice.filePath };
    },
  };
}
