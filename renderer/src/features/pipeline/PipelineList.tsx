import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardAccount, BoardDeal } from '@shared/domain/sales/pipeline-board';
import type { PipelineConfig } from '@shared/domain/sales/pipeline';
import { EntityTable, type EntityColumn, type TableSort } from '../../ui/EntityTable';
import { useFormats } from '../../ui/useFormats';
import { stageName } from './stage-name';
import classes from './PipelinePage.module.css';

export interface PipelineListProps {
  config: PipelineConfig;
  deals: readonly BoardDeal[];
  accounts(id: string): BoardAccount | undefined;
  onOpen(deal: BoardDeal): void;
}

type SortKey = 'title' | 'account' | 'stage' | 'value' | 'probability' | 'expectedClose' | 'owner';

/** The same deals as the board, as a sortable, virtualised table. */
export function PipelineList({ config, deals, accounts, onOpen }: PipelineListProps) {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const [sort, setSort] = useState<TableSort>({ column: 'expectedClose', direction: 'asc' });
  const stageIndex = useMemo(() => new Map(config.stages.map((s, i) => [s.id, i])), [config]);
  const rows = useMemo(() => {
    const collator = new Intl.Collator(i18n.language, { sensitivity: 'base', numeric: true });
    const key: Record<SortKey, (a: BoardDeal, b: BoardDeal) => number> = {
      title: (a, b) => collator.compare(a.title, b.title),
      account: (a, b) => collator.compare(accounts(a.accountId)?.name ?? '', accounts(b.accountId)?.name ?? ''),
      stage: (a, b) => (stageIndex.get(a.stage) ?? 99) - (stageIndex.get(b.stage) ?? 99),
      value: (a, b) => a.value.amount - b.value.amount,
      probability: (a, b) => a.probability - b.probability,
      expectedClose: (a, b) => (a.expectedClose || '9999').localeCompare(b.expectedClose || '9999'),
      owner: (a, b) => collator.compare(a.ownerId, b.ownerId),
    };
    const compare = key[sort.column as SortKey] ?? key.expectedClose;
    const sign = sort.direction === 'asc' ? 1 : -1;
    return [...deals].sort((a, b) => sign * compare(a, b) || (a.id < b.id ? -1 : 1));
  }, [deals, sort, accounts, stageIndex, i18n.language]);

  const columns: EntityColumn<BoardDeal>[] = [
    { id: 'title', header: t('pipeline.columns.title'), sortable: true, cell: (d) => <span>{d.title}</span> },
    { id: 'account', header: t('pipeline.columns.account'), sortable: true, cell: (d) => <span>{accounts(d.accountId)?.name ?? ''}</span> },
    {
      id: 'stage',
      header: t('pipeline.columns.stage'),
      sortable: true,
      cell: (d) => (
        <span>
          {stageName(
            t,
            config.stages.find((s) => s.id === d.stage),
          )}
        </span>
      ),
    },
    {
      id: 'value',
      header: t('pipeline.columns.value'),
      sortable: true,
      numeric: true,
      cell: (d) => <span>{f.money(d.value.amount, d.value.currency)}</span>,
    },
    {
      id: 'probability',
      header: t('pipeline.columns.probability'),
      sortable: true,
      numeric: true,
      cell: (d) => <span>{f.pct(d.probability * 100)}</span>,
    },
    { id: 'expectedClose', header: t('pipeline.columns.expectedClose'), sortable: true, cell: (d) => <span>{f.isoDay(d.expectedClose)}</span> },
    { id: 'owner', header: t('pipeline.columns.owner'), sortable: true, cell: (d) => <span>{d.ownerId}</span> },
  ];

  return (
    <EntityTable
      label={t('pipeline.title')}
      count={rows.length}
      row={(i) => rows[i]}
      columns={columns}
      onOpen={onOpen}
      rowHeight={40}
      sort={sort}
      onSortChange={setSort}
      classes={{ row: classes.row }}
      scrollerTestId="pipeline-list-scroller"
    />
  );
}
