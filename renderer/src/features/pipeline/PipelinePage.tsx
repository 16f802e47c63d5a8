import { keyUnder } from '../../i18n/app-messages';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Group, SegmentedControl, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { localIsoDay } from '@shared/domain/local-day';
import { stageOf, stageTotals } from '@shared/domain/sales/pipeline';
import { boardColumns, filterBoardDeals, type BoardDeal } from '@shared/domain/sales/pipeline-board';
import { EmptyState, LoadingState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { paths } from '../../app/paths';
import { LostReasonDialog } from './LostReasonDialog';
import { PipelineBoard } from './PipelineBoard';
import { PipelineFilters } from './PipelineFilters';
import { PipelineList } from './PipelineList';
import { usePipelineStore, type PipelineView } from './store';
import { useBoardAccounts, useBoardDeals, useCompetitors, useDealOwners, useMoveDeal, usePipelineConfig } from './usePipeline';
import classes from './PipelinePage.module.css';
import { NewDealButton } from '../deal';

/** Marked once per visit when the board (or list) first shows the deals: the bench's pipeline.board.first_render.ms waits for it. */
export const PIPELINE_MARK = 'carteira:pipeline:ready';

/** The pipeline: every deal by stage on a board (drag and drop, or the keyboard), or as a list; filters and totals. */
export function PipelinePage() {
  const { t } = useTranslation();
  const f = useFormats();
  const [, navigate] = useLocation();
  const config = usePipelineConfig();
  const { deals, loaded } = useBoardDeals();
  const accounts = useBoardAccounts();
  const competitors = useCompetitors();
  const owners = useDealOwners(deals);
  const { view, filter, setView, setFilter, clearFilter } = usePipelineStore();
  const [debouncedFilter] = useDebouncedValue(filter, 150);
  const moveDeal = useMoveDeal(config);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [losing, setLosing] = useState<BoardDeal | null>(null);
  const today = localIsoDay();

  const shown = useMemo(() => filterBoardDeals(deals, debouncedFilter, accounts), [deals, debouncedFilter, accounts]);
  const board = useMemo(() => boardColumns(config, shown), [config, shown]);
  const open = useCallback((deal: BoardDeal) => navigate(paths.deal(deal.id)), [navigate]);

  const move = useCallback(
    (deal: BoardDeal, to: string) => {
      setError(null);
      if (stageOf(config, to)?.kind === 'lost') {
        setLosing(deal);
        return;
      }
      void moveDeal(deal, to).then((r) => {
        if (!r.ok) setError(r.error);
      });
    },
    [config, moveDeal],
  );

  const confirmLost = async (reason: string): Promise<string | null> => {
    if (!losing) return null;
    const lostStage = config.stages.find((s) => s.kind === 'lost')!;
    const result = await moveDeal(losing, lostStage.id, reason);
    if (!result.ok) return result.error;
    setAnnouncement(
      t('pipeline.keyboard.moved', { title: losing.title, stage: t(`pipeline.stage.${lostStage.id}`, { defaultValue: lostStage.label || lostStage.id }) }),
    );
    setLosing(null);
    return null;
  };

  const marked = useRef(false);
  useEffect(() => {
    if (!loaded || marked.current) return;
    marked.current = true;
    performance.mark(PIPELINE_MARK);
  }, [loaded]);

  if (!loaded) return <LoadingState />;

  const total = stageTotals(
    config,
    shown.filter((d) => stageOf(config, d.stage)?.kind === 'open'),
  );
  const openValue = sumByCurrency(total.flatMap((s) => s.totals));
  const money = (pick: 'value' | 'weighted') => openValue.map((c) => f.money(c[pick], c.currency)).join(' + ') || f.money(0, 'BRL');

  return (
    <Stack h="calc(100vh - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between" align="center">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('pipeline.title')}</Title>
          <Text c="dimmed" size="sm" data-testid="pipeline-summary">
            {t('pipeline.count', { count: shown.length })} · {t('pipeline.totals.open')}: {money('value')} · {t('pipeline.totals.weighted')} {money('weighted')}
          </Text>
        </Group>
        <Group gap="sm">
          <NewDealButton />
          <SegmentedControl
            aria-label={t('pipeline.view.label')}
            value={view}
            onChange={(v) => setView(v as PipelineView)}
            data={[
              { value: 'board', label: t('pipeline.view.board') },
              { value: 'list', label: t('pipeline.view.list') },
            ]}
          />
        </Group>
      </Group>
      <VisuallyHidden aria-live="polite" data-testid="pipeline-announcer">
        {announcement}
      </VisuallyHidden>
      {deals.length === 0 ? (
        <EmptyState>
          <Title order={3}>{t('pipeline.empty.title')}</Title>
          <Text c="dimmed">{t('pipeline.empty.body')}</Text>
        </EmptyState>
      ) : (
        <>
          <PipelineFilters filter={filter} owners={owners} competitors={competitors ?? []} onChange={setFilter} onClear={clearFilter} />
          {error && (
            <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)}>
              {t(keyUnder('pipeline.error', error))}
            </Alert>
          )}
          {shown.length === 0 ? (
            <Text c="dimmed">{t('pipeline.filters.noMatch')}</Text>
          ) : view === 'board' ? (
            <>
              <Text size="xs" c="dimmed" id="pipeline-keyboard-hint">
                {t('pipeline.keyboard.hint')}
              </Text>
              <PipelineBoard
                config={config}
                columns={board.columns}
                accounts={accounts}
                today={today}
                onOpen={open}
                onMove={move}
                onAnnounce={setAnnouncement}
              />
            </>
          ) : (
            <div className={classes.listFrame}>
              <PipelineList config={config} deals={shown} accounts={accounts} onOpen={open} />
            </div>
          )}
        </>
      )}
      <LostReasonDialog title={losing?.title ?? null} onConfirm={confirmLost} onCancel={() => setLosing(null)} />
    </Stack>
  );
}

function sumByCurrency(totals: readonly { currency: string; value: number; weighted: number }[]) {
  const out = new Map<string, { currency: string; value: number; weighted: number }>();
  for (const c of totals) {
    const acc = out.get(c.currency) ?? { currency: c.currency, value: 0, weighted: 0 };
    acc.value += c.value;
    acc.weighted += c.weighted;
    out.set(c.currency, acc);
  }
  return [...out.values()];
}
