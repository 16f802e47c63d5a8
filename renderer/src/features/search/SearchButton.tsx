import { Group, Kbd, UnstyledButton, Text } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOverlaysStore } from '../../app/overlays-store';

/** Opens the command palette; for the app's sidebar. */
export function SearchButton() {
  const { t } = useTranslation();
  const mac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
  return (
    <UnstyledButton
      onClick={() => useOverlaysStore.getState().openPalette()}
      aria-keyshortcuts="Control+K Meta+K"
      mx="xs"
      mb="sm"
      px="sm"
      py={6}
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Group gap={8} wrap="nowrap">
        <IconSearch size={16} stroke={1.8} aria-hidden />
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {t('search.button')}
        </Text>
        <Kbd size="xs" aria-hidden>
          {mac ? '⌘K' : 'Ctrl K'}
        </Kbd>
      </Group>
    </UnstyledButton>
  );
}
