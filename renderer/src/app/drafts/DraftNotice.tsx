import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Says an editor came back with what was typed before the window closed, and offers to drop it. */
export function DraftNotice({ onDiscard }: { onDiscard(): void }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" role="status" aria-label={t('drafts.restoredTitle')}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{t('drafts.restored')}</Text>
        <Button size="xs" variant="subtle" color="gray" onClick={onDiscard}>
          {t('drafts.discard')}
        </Button>
      </Group>
    </Alert>
  );
}
