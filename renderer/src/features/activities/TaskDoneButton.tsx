import { Button } from '@mantine/core';
import { IconCheck, IconRotate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '@shared/models';
import { useUpdateActivity } from './useActivityLists';

/** Marks a task done, or reopens it. */
export function TaskDoneButton({ task, compact = false }: { task: Activity; compact?: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateActivity();
  const done = task.taskState === 'done';
  const summary = task.summary;
  return (
    <Button
      size={compact ? 'compact-sm' : 'sm'}
      variant={done ? 'default' : 'light'}
      style={{ flex: 'none' }}
      leftSection={done ? <IconRotate size={14} aria-hidden /> : <IconCheck size={14} aria-hidden />}
      aria-label={t(done ? 'activities.task.reopenLabel' : 'activities.task.markDoneLabel', { summary })}
      onClick={() => void update(task.id, { taskState: done ? 'open' : 'done' })}
    >
      {t(done ? 'activities.task.reopen' : 'activities.task.markDone')}
    </Button>
  );
}
