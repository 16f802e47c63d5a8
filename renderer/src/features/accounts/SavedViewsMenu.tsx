import { useState } from 'react';
import { ActionIcon, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { applySavedView, useAccountsListStore, useSavedViewsStore } from './store';

/** Saved views: name the current filters and order, come back to them, delete them. */
export function SavedViewsMenu() {
  const { t } = useTranslation();
  const views = useSavedViewsStore((s) => s.views);
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [notice, setNotice] = useState('');

  const save = () => {
    if (!name.trim()) return;
    const { text, filters, sort } = useAccountsListStore.getState();
    const saved = useSavedViewsStore.getState().save(name, { text, filters, sort });
    setNotice(t('accounts.views.saved', { name: saved.name }));
    setName('');
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconBookmark size={14} aria-hidden />} onClick={() => setOpened((o) => !o)} aria-expanded={opened}>
          {t('accounts.views.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          {views.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('accounts.views.empty')}
            </Text>
          ) : (
            <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('accounts.views.button')}>
              {views.map((v) => (
                <Group key={v.id} component="li" gap={4} wrap="nowrap">
                  <Button
                    variant="subtle"
                    size="xs"
                    style={{ flex: 1 }}
                    justify="flex-start"
                    aria-label={t('accounts.views.apply', { name: v.name })}
                    onClick={() => {
                      applySavedView(v);
                      setNotice(t('accounts.views.applied', { name: v.name }));
                      setOpened(false);
                    }}
                  >
                    {v.name}
                  </Button>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('accounts.views.remove', { name: v.name })}
                    onClick={() => useSavedViewsStore.getState().remove(v.id)}
                  >
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <Group gap={4} align="flex-end" wrap="nowrap">
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                label={t('accounts.views.nameLabel')}
                placeholder={t('accounts.views.namePlaceholder')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                maxLength={80}
              />
              <Button size="xs" type="submit" disabled={!name.trim()}>
                {t('accounts.views.save')}
              </Button>
            </Group>
          </form>
          <Text size="xs" c="dimmed" aria-live="polite">
            {notice}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
