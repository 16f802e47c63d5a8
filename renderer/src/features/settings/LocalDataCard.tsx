import { useState } from 'react';
import { Alert, Button, Card, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { COPIED_COLLECTIONS, copyLocalData, summariseLocalData, type CopyResult, type LocalDataSummary } from '../../db/local-data-copy';
import { errorMessage } from '@shared/error-message';
import { ErrorState } from '../../ui/states';

type Step =
  | { kind: 'idle' }
  | { kind: 'counting' }
  | { kind: 'confirm'; summary: LocalDataSummary }
  | { kind: 'copying'; summary: LocalDataSummary; done: number }
  | { kind: 'done'; result: CopyResult }
  | { kind: 'failed'; message: string };

/**
 * Settings → whose data is open. Each (server, team) has its own local database and the
 * no-server one stays apart; in a team, what was made on this computer without a server can be
 * copied into the team — only when asked, after seeing what would go, never sample data.
 */
export function LocalDataCard() {
  const { t } = useTranslation();
  const { db, scope, localData, author } = useDatabaseContext();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const team = scope.kind === 'team' ? scope.team : '';

  const fail = (error: unknown) => setStep({ kind: 'failed', message: t('teamData.move.failed', { message: errorMessage(error) }) });

  async function count() {
    if (!localData) return;
    setStep({ kind: 'counting' });
    try {
      setStep({ kind: 'confirm', summary: await summariseLocalData(db, localData) });
    } catch (error) {
      fail(error);
    }
  }

  async function copy(summary: LocalDataSummary) {
    if (!localData) return;
    setStep({ kind: 'copying', summary, done: 0 });
    try {
      const result = await copyLocalData(db, localData, { author: author(), onProgress: (done) => setStep({ kind: 'copying', summary, done }) });
      setStep({ kind: 'done', result });
    } catch (error) {
      fail(error);
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby="local-data-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="local-data-title">
          {t('teamData.title')}
        </Title>
        <Text size="sm" role="status">
          {scope.kind === 'team' ? t('teamData.openTeam', { team: scope.team, server: scope.url }) : t('teamData.openLocal')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('teamData.kept')}
        </Text>
        {scope.kind === 'team' && localData && (
          <>
            <Text size="sm">{t('teamData.move.intro', { team })}</Text>
            <Group>
              <Button variant="default" onClick={() => void count()} loading={step.kind === 'counting'} disabled={step.kind === 'copying'}>
                {t('teamData.move.button', { team })}
              </Button>
            </Group>
          </>
        )}
        {step.kind === 'done' && (
          <Alert role="status" color="teal" variant="light" icon={<IconCircleCheck aria-hidden />}>
            {t('teamData.move.done', { count: step.result.copied, team })}
            {step.result.alreadyInTeam > 0 && ` ${t('teamData.move.alreadyInTeam', { count: step.result.alreadyInTeam })}`}
          </Alert>
        )}
        {step.kind === 'failed' && (
          <ErrorState variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {step.message}
          </ErrorState>
        )}
      </Stack>
      {(step.kind === 'confirm' || step.kind === 'copying') && (
        <Modal
          opened
          onClose={() => step.kind === 'confirm' && setStep({ kind: 'idle' })}
          title={t('teamData.move.confirmTitle', { team })}
          closeOnClickOutside={false}
        >
          <MoveConfirmation
            summary={step.summary}
            copying={step.kind === 'copying' ? step.done : null}
            onCancel={() => setStep({ kind: 'idle' })}
            onConfirm={() => void copy(step.summary)}
          />
        </Modal>
      )}
    </Card>
  );
}

function MoveConfirmation({
  summary,
  copying,
  onCancel,
  onConfirm,
}: {
  summary: LocalDataSummary;
  copying: number | null;
  onCancel(): void;
  onConfirm(): void;
}) {
  const { t } = useTranslation();
  const present = COPIED_COLLECTIONS.filter((c) => summary.counts[c] > 0);
  return (
    <Stack gap="sm">
      {summary.total === 0 ? (
        <Text size="sm">{t('teamData.move.nothing')}</Text>
      ) : (
        <>
          <Text size="sm">{t('teamData.move.willCopy', { count: summary.total })}</Text>
          <List size="sm" aria-label={t('teamData.move.listLabel')}>
            {present.map((c) => (
              <List.Item key={c}>{t(`teamData.collections.${c}`, { count: summary.counts[c] })}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {t('teamData.move.pushed')}
          </Text>
        </>
      )}
      {summary.samples > 0 && (
        <Text size="sm" c="dimmed">
          {t('teamData.move.samplesLeft', { count: summary.samples })}
        </Text>
      )}
      {copying !== null && (
        <Text size="sm" aria-live="polite">
          {t('teamData.move.copying', { done: copying, total: summary.total })}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={copying !== null}>
          {t('common.cancel')}
        </Button>
        {summary.total > 0 && (
          <Button onClick={onConfirm} loading={copying !== null}>
            {t('teamData.move.confirm', { count: summary.total })}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
