import { keyUnder } from '../../i18n/app-messages';
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOST_REASON_MAX } from '@shared/domain/sales/pipeline';

export interface LostReasonDialogProps {
  /** The deal being marked lost; null = closed. */
  title: string | null;
  /** Resolves with an error key to show (the dialog stays open with what was typed), or null when done. */
  onConfirm(reason: string): Promise<string | null>;
  onCancel(): void;
}

/** Asks why a deal was lost: marking lost needs the reason; an error keeps what was typed. */
export function LostReasonDialog({ title, onConfirm, onCancel }: LostReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setError(null);
    onCancel();
  };
  const submit = async () => {
    setBusy(true);
    const problem = await onConfirm(reason);
    setBusy(false);
    if (problem) setError(problem);
    else {
      setReason('');
      setError(null);
    }
  };
  return (
    <Modal opened={title !== null} onClose={close} title={t('pipeline.lost.title')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('pipeline.lost.body', { title: title ?? '' })}</Text>
          <Textarea
            label={t('pipeline.lost.reason')}
            placeholder={t('pipeline.lost.placeholder')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(null);
            }}
            error={error ? t(keyUnder('pipeline.error', error)) : undefined}
            maxLength={LOST_REASON_MAX + 50}
            rows={3}
            data-autofocus
            withAsterisk
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('pipeline.lost.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {t('pipeline.lost.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
