import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The body of an in-page reminder (web mode), with the button that opens the activity. */
export function ReminderMessage({ body, onOpen }: { body: string; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} align="flex-start">
      {body && <Text size="sm">{body}</Text>}
      <Button size="compact-sm" variant="light" onClick={onOpen}>
        {t('common.openActivity')}
      </Button>
    </Stack>
  );
}
