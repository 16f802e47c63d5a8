export { createSettingsService, defaultSettings, SETTINGS_FILE_NAME, CORRUPT_SETTINGS_FILE_NAME } from './settings-service';
export type { SettingsService, SettingsServiceOptions } from './settings-service';
export { writeFileAtomic } from './atomic-write';
