import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '@shared/models';
import { useRepository } from '../../db/DatabaseProvider';
import type { Patch } from '../../db/repository';

export type DealPatch = Patch<'deals'> | ((current: Deal) => Patch<'deals'>);

/**
 * Writes one deal through its repository; a refused or failed write is kept as a translated
 * message for the page (what was typed stays in its field), cleared by the next write that works.
 */
export function useDealSave(id: string) {
  const { t } = useTranslation();
  const repository = useRepository('deals');
  const [error, setError] = useState<string | null>(null);
  const save = useCallback(
    async (patch: DealPatch): Promise<boolean> => {
      try {
        await repository.update(id, patch);
        setError(null);
        return true;
      } catch (e) {
        // The technical reason (a schema refusal, a closed database) is for the console; the page says it plainly.
        console.error('deal save failed', e);
        setError(t('deal.saveFailed'));
        return false;
      }
    },
    [repository, id, t],
  );
  return { save, error };
}
