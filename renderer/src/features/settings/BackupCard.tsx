import { useState } from 'react';
import { Alert, Button, Card, FileButton, Group, List, Modal, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { COLLECTION_NAMES } from '@shared/models';
import { BackupProblem, backupFileName, BACKUP_EXTENSION, type BackupSummary } from '@shared/files/backup/format';
import { errorMessage } from '@shared/error-message';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { anyCollectionOf } from '../../db/collections/access';
import { backupDatabase, checkBackup, restoreBackup, type RestoreResult } from '../../db/backup';
import { saveBackupFile } from '../../platform/external';
import { useSettingsStore } from '../../app/settings-store';
import { ErrorState } from '../../ui/states';

type Step =
  | { kind: 'idle' }
  | { kind: 'writing'; done: number; total: number }
  | { kind: 'saved'; count: number }
  | { kind: 'cancelled' }
  | { kind: 'checking'; done: number }
  | { kind: 'confirm'; file: File; summary: BackupSummary }
  | { kind: 'restoring'; file: File; summary: BackupSummary; done: number }
  | { kind: 'restored'; result: RestoreResult }
  | { kind: 'failed'; message: string };

/** An area of the backup, with its count, in the user's language. */
function areaLabel(t: TFunction, name: string, count: number): string {
  if (name === 'products' || name === 'conflicts') return t(`backup.areas.${name}`, { count });
  if ((COLLECTION_NAMES as string[]).includes(name)) return t(`teamData.collections.${name as 'accounts'}`, { count });
  return `${name}: ${count}`;
}

/**
 * Settings → Backup: the whole local database to one `.carteira-backup` file, and back. A file
 * is checked from start to end before the confirmation, so a bad one changes nothing.
 */
export function BackupCard() {
  const { t, i18n } = useTranslation();
  const { db } = useDatabaseContext();
  const appVersion = useSettingsStore((s) => s.info?.version);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const busy = step.kind === 'writing' || step.kind === 'checking' || step.kind === 'restoring';

  const fail = (error: unknown) =>
    setStep({
      kind: 'failed',
      message:
        error instanceof BackupProblem
          ? t('backup.refused', { reason: t(`backup.problems.${error.code}`) })
          : t('backup.failed', { message: errorMessage(error) }),
    });

  async function makeBackup() {
    try {
      let total = 0;
      for (const name of Object.keys(db.collections))
        total += await anyCollectionOf(db, name as 'conflicts')
          .count()
          .exec();
      setStep({ kind: 'writing', done: 0, total });
      let written = 0;
      const bytes = backupDatabase(db, {
        appVersion,
        onProgress: (done) => ((written = done), setStep({ kind: 'writing', done, total: Math.max(total, done) })),
      });
      const saved = await saveBackupFile(backupFileName(new Date()), bytes);
      setStep(saved ? { kind: 'saved', count: written } : { kind: 'cancelled' });
    } catch (error) {
      fail(error);
    }
  }

  async function check(file: File | null) {
    if (!file) return;
    setStep({ kind: 'checking', done: 0 });
    try {
      const summary = await checkBackup(db, file.stream(), (done) => setStep({ kind: 'checking', done }));
      setStep({ kind: 'confirm', file, summary });
    } catch (error) {
      fail(error);
    }
  }

  async function restore(file: File, summary: BackupSummary) {
    setStep({ kind: 'restoring', file, summary, done: 0 });
    try {
      const result = await restoreBackup(db, () => file.stream(), { onProgress: (done) => setStep({ kind: 'restoring', file, summary, done }) });
      setStep({ kind: 'restored', result });
    } catch (error) {
      fail(error);
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby="backup-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="backup-title">
          {t('backup.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('backup.intro')}
        </Text>
        <Group>
          <Button variant="default" onClick={() => void makeBackup()} loading={step.kind === 'writing'} disabled={busy}>
            {t('backup.make')}
          </Button>
          <FileButton onChange={(file) => void check(file)} accept={`.${BACKUP_EXTENSION}`} disabled={busy}>
            {(props) => (
              <Button variant="default" {...props} loading={step.kind === 'checking'} disabled={busy}>
                {t('backup.restore')}
              </Button>
            )}
          </FileButton>
        </Group>
        {step.kind === 'writing' && (
          <>
            <Progress value={step.total ? (100 * step.done) / step.total : 0} aria-label={t('backup.writing', { done: step.done, total: step.total })} />
            <Text size="sm" role="status">
              {t('backup.writing', { done: step.done, total: step.total })}
            </Text>
          </>
        )}
        {step.kind === 'checking' && (
          <>
            <Progress value={100} striped animated aria-label={t('backup.checking', { done: step.done })} />
            <Text size="sm" role="status">
              {t('backup.checking', { done: step.done })}
            </Text>
          </>
        )}
        {(step.kind === 'saved' || step.kind === 'restored' || step.kind === 'cancelled') && (
          <Alert role="status" color={step.kind === 'cancelled' ? 'gray' : 'teal'} variant="light" icon={<IconCircleCheck aria-hidden />}>
            {step.kind === 'saved' && t('backup.saved', { count: step.count })}
            {step.kind === 'restored' && t('backup.restored', { written: step.result.written, removed: step.result.removed })}
            {step.kind === 'cancelled' && t('backup.cancelled')}
          </Alert>
        )}
        {step.kind === 'failed' && (
          <ErrorState variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {step.message}
          </ErrorState>
        )}
      </Stack>
      {(step.kind === 'confirm' || step.kind === 'restoring') && (
        <Modal opened onClose={() => step.kind === 'confirm' && setStep({ kind: 'idle' })} title={t('backup.confirmTitle')} closeOnClickOutside={false}>
          <Stack gap="sm">
            <Text size="sm">
              {t('backup.madeAt', {
                date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(step.summary.header.createdAt),
                count: step.summary.count,
              })}
            </Text>
            <List size="sm" aria-label={t('backup.listLabel')}>
              {Object.entries(step.summary.counts)
                .filter(([, count]) => count > 0)
                .map(([name, count]) => (
                  <List.Item key={name}>{areaLabel(t, name, count)}</List.Item>
                ))}
            </List>
            <Text size="sm">{t('backup.replaces')}</Text>
            <Text size="sm" c="dimmed">
              {t('backup.syncs')}
            </Text>
            {step.kind === 'restoring' && (
              <>
                <Progress
                  value={step.summary.count ? (100 * step.done) / step.summary.count : 100}
                  aria-label={t('backup.restoring', { done: step.done, total: step.summary.count })}
                />
                <Text size="sm" role="status">
                  {t('backup.restoring', { done: step.done, total: step.summary.count })}
                </Text>
              </>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setStep({ kind: 'idle' })} disabled={step.kind === 'restoring'}>
                {t('backup.cancel')}
              </Button>
              <Button color="red" onClick={() => void restore(step.file, step.summary)} loading={step.kind === 'restoring'}>
                {t('backup.confirm', { count: step.summary.count })}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Card>
  );
}
