import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_SEGMENTS, type Competitor } from '@shared/models';
import { isBoardFilterEmpty, type BoardFilter } from '@shared/domain/sales/pipeline-board';
import { useDatesLocale } from '../../app/useDatesLocale';

export interface PipelineFiltersProps {
  filter: BoardFilter;
  owners: readonly string[];
  competitors: readonly Competitor[];
  onChange(patch: Partial<BoardFilter>): void;
  onClear(): void;
}

/** Major units typed → minor units kept (null when empty). */
const toMinor = (v: string | number): number | null => (v === '' || Number.isNaN(Number(v)) ? null : Math.round(Number(v) * 100));
const toMajor = (minor: number | null): number | string => (minor === null ? '' : minor / 100);

/** Owner, segment, competitor, expected close and value: what the board and the list both filter by. */
export function PipelineFilters({ filter, owners, competitors, onChange, onClear }: PipelineFiltersProps) {
  const { t } = useTranslation();
  const dates = useDatesLocale();
  return (
    <Group gap="xs" align="flex-end" role="search" aria-label={t('pipeline.filters.label')}>
      <TextInput
        w={220}
        label={t('pipeline.filters.text')}
        placeholder={t('pipeline.filters.textPlaceholder')}
        leftSection={<IconSearch size={14} aria-hidden />}
        value={filter.text}
        onChange={(e) => onChange({ text: e.currentTarget.value })}
      />
      <Select
        w={160}
        label={t('pipeline.filters.owner')}
        placeholder={t('pipeline.filters.anyOwner')}
        data={owners.map((o) => ({ value: o, label: o }))}
        value={filter.ownerId || null}
        onChange={(v) => onChange({ ownerId: v ?? '' })}
        clearable
        searchable
      />
      <Select
        w={170}
        label={t('pipeline.filters.segment')}
        placeholder={t('pipeline.filters.anySegment')}
        data={ACCOUNT_SEGMENTS.map((s) => ({ value: s, label: t(`segment.${s}`) }))}
        value={filter.segment || null}
        onChange={(v) => onChange({ segment: v ?? '' })}
        clearable
      />
      <Select
        w={170}
        label={t('pipeline.filters.competitor')}
        placeholder={t('pipeline.filters.anyCompetitor')}
        data={[{ value: '-', label: t('pipeline.filters.noCompetitor') }, ...competitors.map((c) => ({ value: c.id, label: c.name }))]}
        value={filter.competitorId || null}
        onChange={(v) => onChange({ competitorId: v ?? '' })}
        clearable
        searchable
      />
      <DateInput
        w={130}
        label={t('pipeline.filters.closeFrom')}
        {...dates}
        value={filter.closeFrom || null}
        onChange={(v) => onChange({ closeFrom: v ?? '' })}
        clearable
      />
      <DateInput
        w={130}
        label={t('pipeline.filters.closeTo')}
        {...dates}
        value={filter.closeTo || null}
        onChange={(v) => onChange({ closeTo: v ?? '' })}
        clearable
      />
      <NumberInput
        w={120}
        label={t('pipeline.filters.minValue')}
        min={0}
        decimalScale={2}
        thousandSeparator={dates.locale === 'en' ? ',' : '.'}
        decimalSeparator={dates.locale === 'en' ? '.' : ','}
        value={toMajor(filter.minValue)}
        onChange={(v) => onChange({ minValue: toMinor(v) })}
      />
      <NumberInput
        w={120}
        label={t('pipeline.filters.maxValue')}
        min={0}
        decimalScale={2}
        thousandSeparator={dates.locale === 'en' ? ',' : '.'}
        decimalSeparator={dates.locale === 'en' ? '.' : ','}
        value={toMajor(filter.maxValue)}
        onChange={(v) => onChange({ maxValue: toMinor(v) })}
      />
      <Button variant="subtle" onClick={onClear} disabled={isBoardFilterEmpty(filter)}>
        {t('pipeline.filters.clear')}
      </Button>
    </Group>
  );
}
