import { Button, Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconArrowsJoin, IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DuplicateReason } from '@shared/domain/duplicates';

/** One likely duplicate, ready to show. */
export interface DuplicateItem {
  id: string;
  title: string;
  subtitle?: string;
  reasons: DuplicateReason[];
  openHref: string;
  /** Where "Mesclar" leads; no button when there is nothing to merge with yet. */
  mergeHref?: string;
  mergeLabel?: string;
}

/**
 * "This may already exist": the likely duplicates with their reasons in plain words, each with
 * Abrir and Mesclar. Only informs: saving is never blocked.
 */
export function DuplicateWarning({ kind, items }: { kind: 'account' | 'contact'; items: DuplicateItem[] }) {
  // The live region is always there, so screen readers announce the warning when it fills in.
  // display: contents: no box (and no extra gap in the form) while empty.
  return (
    <div aria-live="polite" style={{ display: 'contents' }}>
      {items.length > 0 && <WarningBox kind={kind} items={items} />}
    </div>
  );
}

function WarningBox({ kind, items }: { kind: 'account' | 'contact'; items: DuplicateItem[] }) {
  const { t } = useTranslation();
  const title = t(kind === 'account' ? 'duplicates.accountTitle' : 'duplicates.contactTitle', { count: items.length });
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-yellow-light)" component="section" aria-label={t('duplicates.title')}>
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon color="yellow" variant="light" size="sm" aria-hidden>
            <IconAlertTriangle size={14} />
          </ThemeIcon>
          <Text fw={600} size="sm">
            {title}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('duplicates.hint')}
        </Text>
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <li key={item.id}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate>
                    {item.title}
                  </Text>
                  {item.subtitle && (
                    <Text size="xs" c="dimmed" truncate>
                      {item.subtitle}
                    </Text>
                  )}
                  <List size="xs" spacing={0} withPadding>
                    {item.reasons.map((r) => (
                      <List.Item key={r.kind}>{t(`duplicates.reasons.${r.kind}`, { value: r.value })}</List.Item>
                    ))}
                  </List>
                </div>
                <Group gap={4} wrap="nowrap">
                  <Button
                    component={Link}
                    href={item.openHref}
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconExternalLink size={14} aria-hidden />}
                    aria-label={t('duplicates.openLabel', { name: item.title })}
                  >
                    {t('duplicates.open')}
                  </Button>
                  {item.mergeHref && (
                    <Button
                      component={Link}
                      href={item.mergeHref}
                      size="compact-sm"
                      variant="light"
                      color="yellow"
                      leftSection={<IconArrowsJoin size={14} aria-hidden />}
                      aria-label={item.mergeLabel}
                      title={item.mergeLabel}
                    >
                      {t('duplicates.merge')}
                    </Button>
                  )}
                </Group>
              </Group>
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
