import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Activity } from '@shared/models';
import { dayBounds } from '@shared/domain/activity-fields';
import { useDateFormat } from './ActivityDates';
import { typeIcon } from './activity-types';
import { TaskDoneButton } from './TaskDoneButton';
import { useAccountNames } from './useActivityLists';
import { paths } from '../../app/paths';

/** A compact list of activities or tasks: each links to the activity and its account; tasks can be marked done inline. */
export function ActivityList({ items, label, empty, timeOnly = false }: { items: Activity[]; label: string; empty: string; timeOnly?: boolean }) {
  const names = useAccountNames(items.map((a) => a.accountId));
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack component="ul" aria-label={label} gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((a) => (
        <ActivityRow key={a.id} activity={a} account={names.get(a.accountId)} timeOnly={timeOnly} />
      ))}
    </Stack>
  );
}

function ActivityRow({ activity: a, account, timeOnly }: { activity: Activity; account?: string; timeOnly: boolean }) {
  const { t } = useTranslation();
  const fmt = useDateFormat();
  const Icon = typeIcon(a.type);
  const isTask = a.type === 'task';
  const when = isTask ? a.dueAt : a.at;
  const overdue = isTask && a.taskState === 'open' && a.dueAt > 0 && a.dueAt < dayBounds(Date.now()).start;
  return (
    <Group component="li" gap="sm" wrap="nowrap" justify="space-between">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Icon size={18} aria-label={t(`activityType.${a.type}`)} style={{ flex: 'none' }} />
        <div style={{ minWidth: 0 }}>
          <Anchor component={Link} href={paths.activity(a.id)} size="sm" fw={500} td={a.taskState === 'done' ? 'line-through' : undefined}>
            {a.summary || t(`activityType.${a.type}`)}
          </Anchor>
          <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
            {when > 0 && (isTask ? t('activities.task.dueAt', { date: fmt.dateTime(when) }) : timeOnly ? fmt.time(when) : fmt.dateTime(when))}
            {overdue && ` · ${t('activities.task.overdue')}`}
            {a.accountId && (
              <>
                {' · '}
                <Anchor component={Link} href={paths.account(a.accountId)} size="xs" c="dimmed" underline="always">
                  {account ?? '…'}
                </Anchor>
              </>
            )}
          </Text>
        </div>
      </Group>
      {isTask && <TaskDoneButton task={a} compact />}
    </Group>
  );
}
