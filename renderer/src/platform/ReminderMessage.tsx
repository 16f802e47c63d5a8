import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The body of an in-page reminder or notice (web mode), with the button that opens its screen (the activity by default). */
export function ReminderMessage({ body, onOpen, action }: { body: string; onOpen: () => void; action?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} align="flex-start">
      {/* Mantine greys the description (3.3:1 on white); the reminder is the point, so it gets full contrast. */}
      {body && (
        <Text size="sm" c="var(--mantine-color-text)">
          {body}
        </Text>
      )}
      <Button size="compact-sm" variant="light" onClick={onOpen}>
        {action ?? t('common.openActivity')}
      </Button>
    </Stack>
  );
}
