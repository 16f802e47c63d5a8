import { useMemo, useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { copyText } from './copy-text';
import { errorReport } from './error-report';
import type { CaughtError } from './ErrorBoundary';

interface ErrorFallbackProps {
  variant: 'panel' | 'route';
  /** The panel's own title, kept so the user knows which part failed (and its landmark stays). */
  title?: string;
  caught: CaughtError;
  route: string;
  version: string;
  onRetry(): void;
}

/** A broken part's place on screen: what happened in plain words, copy the details, try again. */
export function ErrorFallback({ variant, title, caught, route, version, onRetry }: ErrorFallbackProps) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const report = useMemo(() => errorReport({ ...caught, route, version }), [caught, route, version]);
  const onCopy = async () => setCopy((await copyText(report)) ? 'copied' : 'failed');
  // Plain components only: the notice of a failure must not fail itself (an autosizing text area
  // needs document.fonts, which not every renderer has).
  const notice = (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={t(variant === 'route' ? 'ui.boundary.routeTitle' : 'ui.boundary.panelTitle')}
    >
      <Stack gap="xs">
        <Text size="sm">{t('ui.boundary.body')}</Text>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconCopy size={14} aria-hidden />} onClick={() => void onCopy()}>
            {t('ui.boundary.copy')}
          </Button>
          <Button size="xs" variant="light" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onRetry}>
            {t('ui.boundary.retry')}
          </Button>
        </Group>
        {copy === 'copied' && (
          <Text size="xs" role="status">
            {t('ui.boundary.copied')}
          </Text>
        )}
        {copy === 'failed' && (
          <>
            <Text size="xs" role="status">
              {t('ui.boundary.copyFailed')}
            </Text>
            <Textarea label={t('ui.boundary.details')} value={report} readOnly rows={6} onFocus={(e) => e.currentTarget.select()} />
          </>
        )}
      </Stack>
    </Alert>
  );
  if (variant === 'route') return notice;
  return (
    <Card withBorder component="section" aria-label={title} padding="sm">
      {title && (
        <Title order={3} size="h5" mb="xs">
          {title}
        </Title>
      )}
      {notice}
    </Card>
  );
}
