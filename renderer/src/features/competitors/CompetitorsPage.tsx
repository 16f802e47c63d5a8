import { useMemo, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { competitorNameError } from '@shared/domain/competitors/competitor-name';
import { competitorReport, type CompetitorReportRow, type MoneyTotal } from '@shared/domain/competitors/report';
import { PRICE_POSITIONS, type Competitor } from '@shared/models';
import { useRepository } from '../../db/DatabaseProvider';
import { paths } from '../../app/paths';
import { keyUnder } from '../../i18n/app-messages';
import { EntityTable, type EntityColumn, type TableSort } from '../../ui/EntityTable';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { blankCompetitor } from './new-competitor';
import { useCompetitors, useDealsWithCompetitor, usePipelineConfig } from './useCompetitorData';
import classes from './CompetitorsPage.module.css';

const ALL_TIME = { from: '', to: '' };

type Row = Competitor & { stats: CompetitorReportRow };

/** Every competitor: its price positioning, the deals open against it, those lost to it, and our win rate against it. */
export function CompetitorsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const [, navigate] = useLocation();
  const [sort, setSort] = useState<TableSort>({ column: 'name', direction: 'asc' });
  const config = usePipelineConfig();
  const competitors = useCompetitors();
  const deals = useDealsWithCompetitor();
  const rows = useMemo<Row[] | undefined>(() => {
    if (!competitors || !deals) return undefined;
    const stats = new Map(
      competitorReport(
        config,
        deals,
        ALL_TIME,
        competitors.map((c) => c.id),
      ).map((r) => [r.competitorId, r]),
    );
    const list = competitors.map((c) => ({ ...c, stats: stats.get(c.id)! }));
    const collator = new Intl.Collator(i18n.language, { sensitivity: 'base', numeric: true });
    const lostValue = (r: Row) => r.stats.valueLost.reduce((sum, m) => sum + m.amount, 0);
    const key: Record<string, (a: Row, b: Row) => number> = {
      name: (a, b) => collator.compare(a.name, b.name),
      price: (a, b) => PRICE_POSITIONS.indexOf(a.pricePositioning) - PRICE_POSITIONS.indexOf(b.pricePositioning),
      open: (a, b) => a.stats.open - b.stats.open,
      lost: (a, b) => a.stats.lost - b.stats.lost || lostValue(a) - lostValue(b),
      winRate: (a, b) => (a.stats.winRateBp ?? -1) - (b.stats.winRateBp ?? -1),
    };
    const compare = key[sort.column] ?? key.name!;
    const sign = sort.direction === 'asc' ? 1 : -1;
    return list.sort((a, b) => sign * compare(a, b) || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  }, [competitors, deals, config, sort, i18n.language]);

  const money = (totals: MoneyTotal[]) => (totals.length ? totals.map((m) => f.money(m.amount, m.currency)).join(' + ') : f.money(0, 'BRL'));
  const columns: EntityColumn<Row>[] = [
    { id: 'name', sortable: true, header: t('competitors.columns.name'), cell: (c) => <span>{c.name}</span> },
    { id: 'price', sortable: true, header: t('competitors.columns.price'), cell: (c) => <span>{t(keyUnder('competitors.price', c.pricePositioning))}</span> },
    { id: 'open', sortable: true, header: t('competitors.columns.open'), numeric: true, cell: (c) => <span>{f.number(c.stats.open)}</span> },
    {
      id: 'lost',
      sortable: true,
      header: t('competitors.columns.lost'),
      numeric: true,
      cell: (c) => <span>{t('competitors.lostSummary', { count: c.stats.lost, value: money(c.stats.valueLost) })}</span>,
    },
    {
      id: 'winRate',
      sortable: true,
      header: t('competitors.columns.winRate'),
      numeric: true,
      cell: (c) => <span>{c.stats.winRateBp === null ? '—' : f.pct(c.stats.winRateBp)}</span>,
    },
  ];

  return (
    <Stack h="calc(100vh - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('competitors.title')}</Title>
          {rows && (
            <Text size="sm" c="dimmed" role="status">
              {t('competitors.count', { count: rows.length })}
            </Text>
          )}
        </Group>
        <Anchor component={Link} href={paths.competitorReport()}>
          {t('competitors.reportLink')}
        </Anchor>
      </Group>
      <NewCompetitor existing={competitors} onCreated={(id) => navigate(paths.competitor(id))} />
      {rows === undefined ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <EmptyState>{t('competitors.empty')}</EmptyState>
      ) : (
        <EntityTable
          label={t('competitors.title')}
          count={rows.length}
          row={(i) => rows[i]}
          columns={columns}
          onOpen={(c) => navigate(paths.competitor(c.id))}
          rowHeight={40}
          sort={sort}
          onSortChange={setSort}
          classes={{ scroller: classes.scroller, row: classes.row }}
          scrollerTestId="competitors-list-scroller"
        />
      )}
    </Stack>
  );
}

/** The name of a new competitor; a name another competitor has (case and accents ignored) is refused, and what was typed stays. */
function NewCompetitor({ existing, onCreated }: { existing: readonly Competitor[] | undefined; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const repo = useRepository('competitors');
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const [failed, setFailed] = useState(false);
  const problem = competitorNameError(name, existing ?? []);
  const error = problem && (problem === 'taken' || tried) ? t(keyUnder('competitors.name', problem)) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setFailed(false);
    if (problem || !existing) return;
    try {
      const saved = await repo.create(blankCompetitor(name));
      onCreated(saved.id);
    } catch {
      setFailed(true);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('competitors.new.label')}
          value={name}
          maxLength={200}
          error={error}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setFailed(false);
          }}
          w={320}
        />
        <Button type="submit" mt={24} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('competitors.new.submit')}
        </Button>
      </Group>
      {failed && <ErrorState>{t('competitors.saveFailed')}</ErrorState>}
    </form>
  );
}
