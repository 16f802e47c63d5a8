import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Contract } from '@shared/models';
import { diffContractTerms, TERM_FIELDS, type TermChange } from '@shared/domain/sales/contracts';
import { keyUnder } from '../../i18n/app-messages';
import { Section } from '../../ui/Section';
import { useFormats } from '../../ui/useFormats';
import { useAuthorLabel } from '../../sync/useAuthorLabel';

type Version = Contract['versions'][number];
type Formats = ReturnType<typeof useFormats>;

/** Every version, newest first, each with what changed from the one before: field names and clause kinds, before → after. */
export function ContractVersions({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { label: person } = useAuthorLabel();
  const versions = [...contract.versions].sort((a, b) => a.version - b.version);
  return (
    <Section title={t('contracts.versions.title')}>
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contracts.versions.empty')}
        </Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {versions
            .map((v, i) => ({ v, before: versions[i - 1] }))
            .reverse()
            .map(({ v, before }) => (
              <li key={v.version} data-testid={`contract-version-${v.version}`}>
                <Text size="sm" fw={600}>
                  {t('contracts.versions.heading', { version: v.version, date: f.date(v.at), by: person(v.by) })}
                </Text>
                <VersionChanges version={v} before={before} />
              </li>
            ))}
        </Stack>
      )}
    </Section>
  );
}

function VersionChanges({ version, before }: { version: Version; before: Version | undefined }) {
  const { t } = useTranslation();
  const f = useFormats();
  if (!before) return <Text size="sm">{version.summary || t('contracts.versions.initial')}</Text>;
  if (!version.terms || !before.terms) return <Text size="sm">{t('contracts.versions.summaryOnly', { summary: translateSummary(t, version.summary) })}</Text>;
  const changes = diffContractTerms(before.terms, version.terms);
  return (
    <Stack gap={0} component="ul" style={{ margin: 0, paddingLeft: 18 }}>
      {changes.map((c) => (
        <Text key={c.kind === 'field' ? c.field : `${c.kind}-${c.clauseId}`} size="sm" component="li">
          {describeChange(t, f, c)}
        </Text>
      ))}
    </Stack>
  );
}

const fieldName = (t: TFunction, field: string) => t(keyUnder('contracts.versions.fields', field));
const kindName = (t: TFunction, kind: string) => t(keyUnder('contracts.clauses.kinds', kind));

function showValue(f: Formats, field: (typeof TERM_FIELDS)[number], value: unknown): string {
  if (field === 'value' && value && typeof value === 'object') {
    const money = value as Contract['value'];
    return f.money(money.amount, money.currency);
  }
  if (field === 'startDate' || field === 'endDate' || field === 'renewalDate') return f.isoDay(String(value ?? ''));
  return String(value ?? '');
}

function describeChange(t: TFunction, f: Formats, c: TermChange): string {
  switch (c.kind) {
    case 'field':
      return t('contracts.versions.fieldChange', {
        field: fieldName(t, c.field),
        before: showValue(f, c.field, c.before),
        after: showValue(f, c.field, c.after),
      });
    case 'clause_added':
      return t('contracts.versions.clauseAdded', { kind: kindName(t, c.clauseKind), text: c.text });
    case 'clause_removed':
      return t('contracts.versions.clauseRemoved', { kind: kindName(t, c.clauseKind), text: c.text });
    case 'clause_changed':
      return t('contracts.versions.clauseChanged', { kind: kindName(t, c.clauseKind), before: c.before, after: c.after });
  }
}

/** A version's language-neutral summary ("value, endDate, +referral") with its parts translated; free text stays as written. */
function translateSummary(t: TFunction, summary: string): string {
  const fields: readonly string[] = TERM_FIELDS;
  const parts = summary.split(', ');
  const known = parts.every((p) => fields.includes(p) || /^[+−~][a-z_]+$/.test(p));
  if (!known) return summary;
  return parts.map((p) => (fields.includes(p) ? fieldName(t, p) : `${p[0]}${kindName(t, p.slice(1))}`)).join(', ');
}
