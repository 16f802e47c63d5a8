export { createExportFilesService } from './export-files';
export type { ExportFilesOptions, ExportFilesService, SaveDialogOptions, SaveDialogResult } from './export-files';
export { sanitizeFileName, extensionOf, FILE_NAME_MAX } from './file-name';
