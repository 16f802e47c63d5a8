import { useMemo, useState } from 'react';
import { Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { CASE_KINDS, CASE_SEVERITIES, CASE_STATUSES, type Case, type CaseKind, type CaseSeverity, type CaseStatus } from '@shared/models';
import { OPEN_CASE_STATUSES, byUrgency } from '@shared/domain/cases';
import { keyUnder } from '../../i18n/app-messages';
import { useDocuments } from '../../db/hooks';
import { caseQueries } from '../../db/collections/cases';
import { useAccountRows } from '../accounts';
import { EntityTable, type EntityColumn, type TableSort } from '../../ui/EntityTable';
import { EmptyState, LoadingState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { paths } from '../../app/paths';
import { NewCaseDialog } from './NewCaseDialog';
import { useCasesStore, type CaseFilter, type CaseStatusFilter } from './store';
import { useCaseTime } from './useDuration';
import classes from './CasesPage.module.css';

type SortKey = 'subject' | 'account' | 'kind' | 'severity' | 'status' | 'owner' | 'opened' | 'duration';

const statusesOf = (f: CaseStatusFilter): readonly CaseStatus[] | null => (f === 'all' ? null : f === 'open_any' ? OPEN_CASE_STATUSES : [f]);

/** Every case as a table: open ones by default, filtered by status, severity and kind; a new case from here. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const [, navigate] = useLocation();
  const { filter, setFilter, clearFilter } = useCasesStore();
  const [creating, setCreating] = useState(false);
  const [sort, setSort] = useState<TableSort>({ column: 'severity', direction: 'desc' });
  const cases = useDocuments('cases', caseQueries.withStatus(statusesOf(filter.status)));
  const { rows: accountRows } = useAccountRows();
  const accountName = useMemo(() => {
    const byId = new Map(accountRows.map((r) => [r.id, r.tradeName || r.name]));
    return (id: string) => byId.get(id) ?? '';
  }, [accountRows]);
  const caseTime = useCaseTime();
  const now = Date.now();

  const rows = useMemo(() => {
    if (!cases) return undefined;
    const shown = cases.filter((c) => (!filter.severity || c.severity === filter.severity) && (!filter.kind || c.kind === filter.kind));
    const collator = new Intl.Collator(i18n.language, { sensitivity: 'base', numeric: true });
    const at = Date.now();
    const key: Record<SortKey, (a: Case, b: Case) => number> = {
      subject: (a, b) => collator.compare(a.subject, b.subject),
      account: (a, b) => collator.compare(accountName(a.accountId), accountName(b.accountId)),
      kind: (a, b) => CASE_KINDS.indexOf(a.kind) - CASE_KINDS.indexOf(b.kind),
      // Ascending = least severe first; the default (descending) is byUrgency: most severe, then oldest.
      severity: (a, b) => -byUrgency(a, b),
      status: (a, b) => CASE_STATUSES.indexOf(a.status) - CASE_STATUSES.indexOf(b.status),
      owner: (a, b) => collator.compare(a.ownerId, b.ownerId),
      opened: (a, b) => a.openedAt - b.openedAt,
      duration: (a, b) => (a.resolvedAt || at) - a.openedAt - ((b.resolvedAt || at) - b.openedAt),
    };
    const compare = key[sort.column as SortKey] ?? key.severity;
    const sign = sort.direction === 'asc' ? 1 : -1;
    return shown.sort((a, b) => sign * compare(a, b) || (a.id < b.id ? -1 : 1));
  }, [cases, filter.severity, filter.kind, sort, accountName, i18n.language]);

  const columns: EntityColumn<Case>[] = [
    { id: 'subject', header: t('cases.columns.subject'), sortable: true, cell: (c) => <span>{c.subject}</span> },
    { id: 'account', header: t('cases.columns.account'), sortable: true, cell: (c) => <span>{accountName(c.accountId)}</span> },
    { id: 'kind', header: t('cases.columns.kind'), sortable: true, cell: (c) => <span>{t(keyUnder('cases.kind', c.kind))}</span> },
    { id: 'severity', header: t('cases.columns.severity'), sortable: true, cell: (c) => <span>{t(keyUnder('cases.severity', c.severity))}</span> },
    { id: 'status', header: t('cases.columns.status'), sortable: true, cell: (c) => <span>{t(keyUnder('cases.status', c.status))}</span> },
    { id: 'owner', header: t('cases.columns.owner'), sortable: true, cell: (c) => <span>{c.ownerId}</span> },
    { id: 'opened', header: t('cases.columns.opened'), sortable: true, cell: (c) => <span>{f.date(c.openedAt)}</span> },
    {
      id: 'duration',
      header: t('cases.columns.duration'),
      sortable: true,
      cell: (c) => {
        const time = caseTime(c, now);
        return (
          <span className={time.overdue ? classes.overdue : undefined} title={time.overdue ? t('cases.duration.overdueHint') : undefined}>
            {time.overdue ? `${time.text} · ${t('cases.duration.overdue')}` : time.text}
          </span>
        );
      },
    },
  ];

  return (
    <Stack className={classes.page}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('cases.title')}</Title>
          {rows && (
            <Text c="dimmed" size="sm" aria-live="polite">
              {t('cases.count', { count: rows.length })}
            </Text>
          )}
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          {t('cases.new')}
        </Button>
      </Group>
      <CaseFilters filter={filter} onChange={setFilter} onClear={clearFilter} />
      {rows === undefined ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <EmptyState>{t('cases.empty')}</EmptyState>
      ) : (
        <EntityTable
          label={t('cases.title')}
          count={rows.length}
          row={(i) => rows[i]}
          columns={columns}
          onOpen={(c) => navigate(paths.case(c.id))}
          rowHeight={40}
          sort={sort}
          onSortChange={setSort}
          classes={{ scroller: classes.scroller, row: classes.row }}
          scrollerTestId="cases-list-scroller"
        />
      )}
      <NewCaseDialog opened={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(paths.case(id))} />
    </Stack>
  );
}

function CaseFilters({ filter, onChange, onClear }: { filter: CaseFilter; onChange(patch: Partial<CaseFilter>): void; onClear(): void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" role="search" aria-label={t('cases.filters.label')}>
      <Select
        w={200}
        label={t('cases.filters.status')}
        data={[
          { value: 'open_any', label: t('cases.filters.openAny') },
          { value: 'all', label: t('cases.filters.all') },
          ...CASE_STATUSES.map((s) => ({ value: s, label: t(keyUnder('cases.status', s)) })),
        ]}
        value={filter.status}
        onChange={(v) => onChange({ status: (v as CaseStatusFilter | null) ?? 'open_any' })}
        allowDeselect={false}
      />
      <Select
        w={180}
        label={t('cases.filters.severity')}
        placeholder={t('cases.filters.anySeverity')}
        data={CASE_SEVERITIES.map((s) => ({ value: s, label: t(keyUnder('cases.severity', s)) }))}
        value={filter.severity || null}
        onChange={(v) => onChange({ severity: (v as CaseSeverity | null) ?? '' })}
        clearable
      />
      <Select
        w={180}
        label={t('cases.filters.kind')}
        placeholder={t('cases.filters.anyKind')}
        data={CASE_KINDS.map((k) => ({ value: k, label: t(keyUnder('cases.kind', k)) }))}
        value={filter.kind || null}
        onChange={(v) => onChange({ kind: (v as CaseKind | null) ?? '' })}
        clearable
      />
      <Button variant="subtle" onClick={onClear}>
        {t('cases.filters.clear')}
      </Button>
    </Group>
  );
}
