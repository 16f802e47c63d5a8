import { keyUnder } from '../../i18n/app-messages';
import { useState } from 'react';
import { Button, Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BridgeError, call } from '../../platform/bridge';
import { errorMessage } from '@shared/error-message';

/**
 * "Copiar diagnóstico": puts versions, sync state and recent errors on the clipboard for a support
 * message. Main builds the text and masks client data (shared/diagnostics.ts).
 */
export function DiagnosticsCard() {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const copy = async () => {
    setBusy(true);
    try {
      const { text } = await call('app:diagnostics');
      await navigator.clipboard.writeText(text);
      setResult({ ok: true, text: t('settings.diagnostics.copied') });
    } catch (error) {
      const code = error instanceof BridgeError ? error.code : 'internal';
      const message = t(keyUnder('errors', code), { message: errorMessage(error) });
      setResult({ ok: false, text: t('settings.diagnostics.failed', { message }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder>
      <Title order={3} size="h5">
        {t('settings.diagnostics.copy')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('settings.diagnostics.hint')}
      </Text>
      <Button variant="default" size="xs" w="fit-content" loading={busy} onClick={() => void copy()}>
        {t('settings.diagnostics.copy')}
      </Button>
      {result && (
        <Text size="sm" mt="xs" c={result.ok ? undefined : 'red'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </Text>
      )}
    </Card>
  );
}
