export { createBackupFilesService } from './backup-files';
export type { BackupFilesOptions, BackupFilesService } from './backup-files';
