import type { TFunction } from 'i18next';
import type { CsvCell, CsvDialect } from '@shared/files/csv-write';
import { csvFile } from '@shared/files/csv-write';
import type { CompetitorReportRow } from '@shared/domain/competitors/report';
import type { ExportFile } from '../../platform/external';

const COLUMNS = ['competitor', 'faced', 'won', 'lost', 'open', 'valueLost', 'currency', 'winRate', 'reasons'] as const;

/** Minor units as the number a spreadsheet sums (every currency we keep has 2 decimals). */
const major = (minor: number) => minor / 100;

/**
 * The competitor report as a CSV file in `dialect`: counts and values as numbers (value lost in
 * major units with its currency; a competitor lost to in several currencies gets them as text),
 * the win rate in percent, the reasons with their counts. `day` is the user's local day, for the name.
 */
export function competitorReportCsv(
  t: TFunction,
  rows: readonly CompetitorReportRow[],
  names: ReadonlyMap<string, string>,
  dialect: CsvDialect,
  day: string,
): ExportFile {
  const headers: string[] = COLUMNS.map((c) => t(`competitors.report.columns.${c}`));
  const cells = rows.map((r): CsvCell[] => {
    const single = r.valueLost.length <= 1;
    return [
      names.get(r.competitorId) ?? r.competitorId,
      r.faced,
      r.won,
      r.lost,
      r.open,
      single ? major(r.valueLost[0]?.amount ?? 0) : r.valueLost.map((m) => `${major(m.amount)} ${m.currency}`).join(' + '),
      single ? (r.valueLost[0]?.currency ?? '') : '',
      r.winRateBp === null ? null : r.winRateBp / 100,
      r.topLostReasons.map((x) => t('competitors.report.reasonCount', { reason: x.reason, count: x.count })).join('; '),
    ];
  });
  return {
    fileName: `${t('competitors.report.fileName')}-${day}.csv`,
    mimeType: dialect === 'excel-pt' ? 'text/csv;charset=windows-1252' : 'text/csv;charset=utf-8',
    content: csvFile(headers, cells, dialect),
  };
}
