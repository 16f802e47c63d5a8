import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../app/settings-store';
import { useDatabaseContext } from '../db/DatabaseProvider';
import { authorLabel, selfNames } from './author';
import { useSyncStore } from './sync-store';

/**
 * This user's names (the sync user, the name in Settings, this device's id, and whatever the app
 * stamps now) and `authorLabel` bound to them and to the current language.
 */
export function useAuthorLabel(): { label: (by: string) => string; isSelf: (by: string) => boolean } {
  const { t } = useTranslation();
  const { author } = useDatabaseContext();
  const settings = useSettingsStore((s) => s.settings);
  const syncUser = useSyncStore((s) => s.user);
  const current = author();
  const self = useMemo(() => [...selfNames(settings?.userName, syncUser, settings?.deviceId), current], [settings, syncUser, current]);
  const you = t('author.you');
  const otherDevice = t('author.otherDevice');
  const nobody = t('common.none');
  const label = useCallback((by: string) => authorLabel(by, self, { you, otherDevice, nobody }), [self, you, otherDevice, nobody]);
  const isSelf = useCallback((by: string) => self.includes(by.trim()), [self]);
  return { label, isSelf };
}
