import { useState } from 'react';
import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES, type ActivityType } from '@shared/models';
import { useOverlaysStore } from '../../app/overlays-store';
import { ActivityList } from './ActivityList';
import { useOpenTasks, useRecentActivities } from './useActivityLists';
import { PanelBoundary } from '../../ui/ErrorBoundary';
import { LoadingState } from '../../ui/states';

const PAGE = 50;

/** Open tasks (soonest due first) and recent activities, filterable by type. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const openQuickLog = useOverlaysStore((s) => s.openQuickLog);
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('activities.title')}</Title>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconChecklist size={16} aria-hidden />} onClick={() => openQuickLog({ type: 'task' })}>
            {t('activities.list.newTask')}
          </Button>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openQuickLog()}>
            {t('activities.list.log')}
          </Button>
        </Group>
      </Group>
      <PanelBoundary title={t('activities.list.openTasks')}>
        <OpenTasks />
      </PanelBoundary>
      <PanelBoundary title={t('activities.list.recent')}>
        <RecentActivities />
      </PanelBoundary>
    </Stack>
  );
}

function OpenTasks() {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const tasks = useOpenTasks(limit);
  return (
    <Card withBorder component="section" aria-labelledby="open-tasks-title">
      <Title order={3} size="h4" mb="sm" id="open-tasks-title">
        {t('activities.list.openTasks')}
      </Title>
      {tasks === undefined ? (
        <LoadingState size="sm" />
      ) : (
        <>
          <ActivityList items={tasks} label={t('activities.list.openTasks')} empty={t('activities.list.noTasks')} />
          {tasks.length === limit && (
            <Button variant="subtle" mt="xs" onClick={() => setLimit(limit + PAGE)}>
              {t('activities.list.showMore')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}

function RecentActivities() {
  const { t } = useTranslation();
  const [type, setType] = useState<ActivityType | null>(null);
  const [days, setDays] = useState(7);
  const [shown, setShown] = useState(PAGE);
  const recent = useRecentActivities(days, type);
  return (
    <Card withBorder component="section" aria-labelledby="recent-title">
      <Group justify="space-between" mb="sm" align="flex-end">
        <div>
          <Title order={3} size="h4" id="recent-title">
            {t('activities.list.recent')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('activities.list.range', { days })}
          </Text>
        </div>
        <Select
          label={t('activities.list.typeFilter')}
          placeholder={t('activities.list.allTypes')}
          data={ACTIVITY_TYPES.map((ty) => ({ value: ty, label: t(`activityType.${ty}`) }))}
          value={type}
          onChange={(v) => setType(v as ActivityType | null)}
          clearable
          w={220}
        />
      </Group>
      {recent === undefined ? (
        <LoadingState size="sm" />
      ) : (
        <>
          <ActivityList items={recent.slice(0, shown)} label={t('activities.list.recent')} empty={t('activities.list.noRecent', { days })} />
          <Group mt="xs" gap="xs">
            {recent.length > shown && (
              <Button variant="subtle" onClick={() => setShown(shown + PAGE)}>
                {t('activities.list.showMore')}
              </Button>
            )}
            <Button variant="subtle" onClick={() => setDays(days + 30)}>
              {t('activities.list.olderRange')}
            </Button>
          </Group>
        </>
      )}
    </Card>
  );
}
