import { Fragment, useEffect, type ReactNode } from 'react';
import { ActionIcon, Group, Kbd, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { GO_SHORTCUTS, isPlainKey } from './useGoShortcuts';

interface ShortcutsHelpState {
  opened: boolean;
  open(): void;
  close(): void;
}

/** Whether the shortcuts help is open; the `?` key and the header button both open it. */
export const useShortcutsHelpStore = create<ShortcutsHelpState>((set) => ({
  opened: false,
  open: () => set({ opened: true }),
  close: () => set({ opened: false }),
}));

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
}

function Keys({ keys }: { keys: string[] }) {
  return (
    <Group gap={4} wrap="nowrap">
      {keys.map((key, i) => (
        // eslint-disable-next-line react/no-array-index-key -- a fixed combination, never reordered; a key may repeat (g g)
        <Fragment key={i}>
          {i > 0 && (
            <Text span size="xs" c="dimmed">
              +
            </Text>
          )}
          <Kbd size="sm">{key}</Kbd>
        </Fragment>
      ))}
    </Group>
  );
}

function ShortcutTable({ caption, rows }: { caption: string; rows: Array<{ keys: ReactNode; label: string }> }) {
  return (
    <Table verticalSpacing={4} striped={false} withRowBorders={false}>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
        <Title order={3} size="h6">
          {caption}
        </Title>
      </Table.Caption>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Td w={150}>{row.keys}</Table.Td>
            <Table.Td>{row.label}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The list of keyboard shortcuts, opened with `?` (Shift+/) from anywhere but a text field. */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const { opened, open, close } = useShortcutsHelpStore();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // `?` is Shift+/ on most layouts, so Shift is allowed here; Ctrl, Cmd and Alt are not.
      if (event.key !== '?' || !isPlainKey(event)) return;
      event.preventDefault();
      open();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  const mod = isMac() ? '⌘' : 'Ctrl';
  const general = [
    { keys: <Keys keys={[mod, 'K']} />, label: t('shortcuts.palette') },
    { keys: <Keys keys={['L']} />, label: t('shortcuts.quickLog') },
    { keys: <Keys keys={[mod, 'S']} />, label: t('shortcuts.save') },
    { keys: <Keys keys={['Esc']} />, label: t('shortcuts.close') },
    { keys: <Keys keys={['?']} />, label: t('shortcuts.help') },
  ];
  const navigation = GO_SHORTCUTS.map(({ key, area }) => ({
    keys: (
      <Group gap={6} wrap="nowrap">
        <Kbd size="sm">G</Kbd>
        <Text span size="xs" c="dimmed">
          {t('shortcuts.then')}
        </Text>
        <Kbd size="sm">{key.toUpperCase()}</Kbd>
      </Group>
    ),
    label: t('shortcuts.goTo', { area: t(`nav.${area}`) }),
  }));

  return (
    <Modal opened={opened} onClose={close} title={t('shortcuts.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('shortcuts.intro')}
        </Text>
        <ShortcutTable caption={t('shortcuts.general')} rows={general} />
        <ShortcutTable caption={t('shortcuts.navigation')} rows={navigation} />
      </Stack>
    </Modal>
  );
}

/** The header button that opens the shortcuts help, for those who do not know about `?` yet. */
export function ShortcutsHelpButton() {
  const { t } = useTranslation();
  const open = useShortcutsHelpStore((s) => s.open);
  return (
    <Tooltip label={t('shortcuts.open')} openDelay={400}>
      <ActionIcon variant="subtle" color="gray" size="md" aria-label={t('shortcuts.open')} onClick={open}>
        <IconKeyboard size={18} stroke={1.6} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}
