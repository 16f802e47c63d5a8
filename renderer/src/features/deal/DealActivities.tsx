import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Deal } from '@shared/models';
import { useDocuments } from '../../db/hooks';
import { activityQueries } from '../../db/collections/activities';
import { paths } from '../../app/paths';
import { EmptyState, LoadingState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';

const LIMIT = 100;

/** The deal's activities, newest first, each opening its own page. */
export function DealActivities({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const activities = useDocuments('activities', deal.accountId ? activityQueries.dealTimeline(deal.accountId, deal.id, LIMIT) : null);
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t('deal.activities.title')}
        </Title>
        {activities === undefined ? (
          <LoadingState size="sm" />
        ) : activities.length === 0 ? (
          <EmptyState>{t('deal.activities.empty')}</EmptyState>
        ) : (
          <Stack gap={6} role="list" aria-label={t('deal.activities.title')}>
            {activities.map((a) => (
              <Group key={a.id} role="listitem" gap="xs" wrap="nowrap" align="baseline">
                <Text size="xs" c="dimmed" miw={110}>
                  {formats.dateTime(a.at)}
                </Text>
                <Text size="sm" fw={500}>
                  {t(`activityType.${a.type}`)}
                </Text>
                <Anchor component={Link} href={paths.activity(a.id)} size="sm">
                  {a.summary || t('deal.activities.untitled')}
                </Anchor>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
