import { useMemo, useState } from 'react';
import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CSV_DIALECTS, type CsvDialect } from '@shared/files/csv-write';
import { localIsoDay } from '@shared/domain/local-day';
import { competitorReport, periodError, presetPeriod, PERIOD_PRESETS, type PeriodPreset, type ReportPeriod } from '@shared/domain/competitors/report';
import { paths } from '../../app/paths';
import { keyUnder } from '../../i18n/app-messages';
import { saveExportFile } from '../../platform/external';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { competitorReportCsv } from './report-csv';
import { useCompetitors, useDealsWithCompetitor, usePipelineConfig } from './useCompetitorData';

const CUSTOM = 'custom';

/** Per competitor, in a period: deals faced, won, lost, open, value lost, win rate and the most frequent lost reasons; exportable to CSV. */
export function CompetitorReportPage() {
  const { t } = useTranslation();
  const f = useFormats();
  const config = usePipelineConfig();
  const competitors = useCompetitors();
  const deals = useDealsWithCompetitor();
  const [preset, setPreset] = useState<PeriodPreset | typeof CUSTOM>('this_year');
  const [period, setPeriod] = useState<ReportPeriod>(() => presetPeriod('this_year'));
  const [dialect, setDialect] = useState<CsvDialect>('utf8');
  const [exported, setExported] = useState<'idle' | 'done' | 'failed'>('idle');
  const bad = periodError(period);

  const names = useMemo(() => new Map((competitors ?? []).map((c) => [c.id, c.name])), [competitors]);
  const rows = useMemo(
    () =>
      competitors && deals && !bad
        ? competitorReport(
            config,
            deals,
            period,
            competitors.map((c) => c.id),
          ).filter((r) => names.has(r.competitorId))
        : undefined,
    [competitors, deals, config, period, bad, names],
  );

  const choosePreset = (value: string) => {
    setExported('idle');
    if (value === CUSTOM) return setPreset(CUSTOM);
    setPreset(value as PeriodPreset);
    setPeriod(presetPeriod(value as PeriodPreset));
  };
  const setEnd = (end: keyof ReportPeriod, value: string) => {
    setExported('idle');
    setPreset(CUSTOM);
    setPeriod((p) => ({ ...p, [end]: value }));
  };
  const exportCsv = async () => {
    if (!rows) return;
    try {
      const saved = await saveExportFile(competitorReportCsv(t, rows, names, dialect, localIsoDay()));
      setExported(saved ? 'done' : 'idle');
    } catch {
      setExported('failed');
    }
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} href={paths.competitors()} size="sm">
        {t('competitors.back')}
      </Anchor>
      <Title order={2}>{t('competitors.report.title')}</Title>
      <Group align="flex-start" gap="sm">
        <NativeSelect
          label={t('competitors.report.period')}
          value={preset}
          data={[...PERIOD_PRESETS, CUSTOM].map((p) => ({ value: p, label: t(keyUnder('competitors.report.presets', p)) }))}
          onChange={(e) => choosePreset(e.currentTarget.value)}
        />
        <TextInput type="date" label={t('competitors.report.from')} value={period.from} onChange={(e) => setEnd('from', e.currentTarget.value)} />
        <TextInput
          type="date"
          label={t('competitors.report.to')}
          value={period.to}
          error={bad ? t('competitors.report.endBeforeStart') : null}
          onChange={(e) => setEnd('to', e.currentTarget.value)}
        />
        <NativeSelect
          label={t('competitors.report.dialect')}
          value={dialect}
          data={CSV_DIALECTS.map((d) => ({ value: d, label: t(keyUnder('competitors.report.dialects', d)) }))}
          onChange={(e) => setDialect(e.currentTarget.value as CsvDialect)}
        />
        <Button mt={24} leftSection={<IconDownload size={16} aria-hidden />} disabled={!rows} onClick={() => void exportCsv()}>
          {t('competitors.report.export')}
        </Button>
      </Group>
      {exported === 'done' && (
        <Text size="sm" role="status">
          {t('competitors.report.exported')}
        </Text>
      )}
      {exported === 'failed' && <ErrorState>{t('competitors.report.exportFailed')}</ErrorState>}
      <Text size="sm" c="dimmed">
        {t('competitors.report.note')}
      </Text>
      {bad ? null : rows === undefined ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <EmptyState>{t('competitors.report.empty')}</EmptyState>
      ) : (
        <Table striped aria-label={t('competitors.report.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('competitors.report.columns.competitor')}</Table.Th>
              <Table.Th>{t('competitors.report.columns.faced')}</Table.Th>
              <Table.Th>{t('competitors.report.columns.won')}</Table.Th>
              <Table.Th>{t('competitors.report.columns.lost')}</Table.Th>
              <Table.Th>{t('competitors.report.columns.open')}</Table.Th>
              <Table.Th>{t('competitors.report.columns.valueLost')}</Table.Th>
              <Table.Th>{t('competitors.report.columns.winRate')}</Table.Th>
              <Table.Th>{t('competitors.report.columns.reasons')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.competitorId}>
                <Table.Td>
                  <Anchor component={Link} href={paths.competitor(r.competitorId)}>
                    {names.get(r.competitorId)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{f.number(r.faced)}</Table.Td>
                <Table.Td>{f.number(r.won)}</Table.Td>
                <Table.Td>{f.number(r.lost)}</Table.Td>
                <Table.Td>{f.number(r.open)}</Table.Td>
                <Table.Td>{r.valueLost.length ? r.valueLost.map((m) => f.money(m.amount, m.currency)).join(' + ') : f.money(0, 'BRL')}</Table.Td>
                <Table.Td>{r.winRateBp === null ? '—' : f.pct(r.winRateBp)}</Table.Td>
                <Table.Td>{r.topLostReasons.map((x) => t('competitors.report.reasonCount', { reason: x.reason, count: x.count })).join('; ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
