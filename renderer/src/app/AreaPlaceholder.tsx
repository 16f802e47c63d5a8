import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCount } from '../db/hooks';
import type { Area } from './areas';

/** An area whose screens are not built yet: says so plainly and shows what is stored for it. */
export function AreaPlaceholder({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <Stack maw={720}>
      <Title order={2}>{t(`nav.${area.id}`)}</Title>
      <Alert variant="light">{t('areas.comingSoon')}</Alert>
      {area.collection && <AreaCount collection={area.collection} />}
    </Stack>
  );
}

function AreaCount({ collection }: { collection: NonNullable<Area['collection']> }) {
  const { t } = useTranslation();
  const count = useCount(collection);
  return <Text c="dimmed">{count === undefined ? t('common.loading') : t('areas.counts', { count })}</Text>;
}
