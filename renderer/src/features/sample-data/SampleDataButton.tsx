import { useState } from 'react';
import { Button, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { errorMessage } from '@shared/error-message';
import { ErrorState } from '../../ui/states';

/**
 * "Load sample data": fills an empty portfolio with a realistic demo (size S), with progress.
 * Only in the no-server database: a team's data is real, and the team's server shares it.
 */
export function SampleDataButton({ onLoaded }: { /** Called once the sample is in the database. */ onLoaded?: () => void } = {}) {
  const { t } = useTranslation();
  const { db, scope } = useDatabaseContext();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setError(null);
    try {
      // The generator and faker weigh more than the rest of the app: they load only when asked for.
      const { loadSampleData } = await import('./load-sample-data');
      await loadSampleData(db, { onProgress: (done, total) => setProgress({ done, total }) });
      onLoaded?.();
    } catch (e) {
      // By name: the error's class lives in the chunk that loads on demand.
      setError(e instanceof Error && e.name === 'SampleDataInTeamError' ? t('teamData.sampleOnlyLocal') : t('errors.internal', { message: errorMessage(e) }));
    } finally {
      setProgress(null);
    }
  };
  if (scope.kind === 'team')
    return (
      <Text size="sm" c="dimmed">
        {t('teamData.sampleOnlyLocal')}
      </Text>
    );
  if (progress) {
    return (
      <Stack gap={4} w={280}>
        <Text size="sm" aria-live="polite">
          {t('accounts.empty.loading', { done: progress.done, total: progress.total })}
        </Text>
        <Progress value={(progress.done / Math.max(progress.total, 1)) * 100} aria-label={t('accounts.empty.loadSample')} />
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Button onClick={() => void start()}>{t('accounts.empty.loadSample')}</Button>
      {error && <ErrorState>{error}</ErrorState>}
    </Stack>
  );
}
