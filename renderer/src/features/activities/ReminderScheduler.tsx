import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { notifyReminder, type ReminderNotice } from '../../platform/external';
import { useReminderScheduler, useReminderTexts } from './useReminderScheduler';

/** Shows a notice in the page when the platform cannot (yet): a reminder must never be lost silently. */
function inPage(notice: ReminderNotice, openLabel: string, closeLabel: string, id: string) {
  notifications.show({
    id,
    title: notice.title,
    autoClose: false,
    closeButtonProps: { 'aria-label': closeLabel },
    message: (
      <Stack gap={2}>
        {notice.body && (
          <Text size="sm" c="var(--mantine-color-text)">
            {notice.body}
          </Text>
        )}
        <Anchor size="sm" href={`#/activities/${notice.activityId}`}>
          {openLabel}
        </Anchor>
      </Stack>
    ),
  });
}

/** Runs the reminder scheduler for as long as the app is open (mounted once, by QuickLogDialog). */
export function ReminderScheduler() {
  const { t } = useTranslation();
  const texts = useReminderTexts();
  useReminderScheduler((n) => {
    const notice: ReminderNotice =
      n.kind === 'one' ? { activityId: n.task.id, ...texts.one(n.task) } : { activityId: n.latest.id, ...texts.missed(n.count, n.titles) };
    // One in-page notice for missed reminders: a later summary replaces it instead of stacking.
    const id = n.kind === 'one' ? `reminder-${notice.activityId}` : 'reminders-missed';
    notifyReminder(notice).catch(() => inPage(notice, t('activities.quickLog.openLink'), t('common.close'), id));
  });
  return null;
}
