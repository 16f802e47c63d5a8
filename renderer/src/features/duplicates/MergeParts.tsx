import type { ReactNode } from 'react';
import { Anchor, Card, Radio, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MergeSide } from '@shared/domain/record-merge-accounts';

/** One differing field: its label and each side's value (as shown and in words for the radio's name). */
export interface MergeRow {
  field: string;
  label: string;
  survivor: { node: ReactNode; text: string };
  duplicate: { node: ReactNode; text: string };
}

/** The side-by-side table where the user picks, per differing field, which value stays. */
export function MergeTable({
  rows,
  chosen,
  onChoose,
  survivorTitle,
  duplicateTitle,
  removeLabel,
}: {
  rows: MergeRow[];
  chosen: Record<string, MergeSide>;
  onChoose(field: string, side: MergeSide): void;
  survivorTitle: string;
  duplicateTitle: string;
  removeLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder striped aria-label={t('duplicates.mergePage.differing')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="22%">{t('duplicates.mergePage.field')}</Table.Th>
          <Table.Th>
            {t('duplicates.mergePage.keep')}: {survivorTitle}
          </Table.Th>
          <Table.Th>
            {removeLabel}: {duplicateTitle}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.field}>
            <Table.Th scope="row" fw={500}>
              {row.label}
            </Table.Th>
            {(['survivor', 'duplicate'] as const).map((side) => (
              <Table.Td key={side}>
                <Radio
                  name={`merge-${row.field}`}
                  checked={chosen[row.field] === side}
                  onChange={() => onChoose(row.field, side)}
                  label={row[side].node}
                  aria-label={t('duplicates.mergePage.choose', { field: row.label, value: row[side].text })}
                />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The header card of one side of a merge: which it is, a link to it and a line about it. */
export function MergeSideCard({ label, color, title, href, subtitle }: { label: string; color: string; title: string; href: string; subtitle: string }) {
  return (
    <Card withBorder style={{ flex: 1, borderTop: `3px solid var(--mantine-color-${color}-6)` }}>
      <Text size="xs" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Anchor component={Link} href={href} fw={600}>
        {title}
      </Anchor>
      <Text size="sm" c="dimmed">
        {subtitle}
      </Text>
    </Card>
  );
}

/** A plain list of lines ("Contatos: 2"). */
export function LineList({ lines }: { lines: string[] }) {
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {lines.map((line) => (
        <Text component="li" size="sm" key={line}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}

/** A value in words, dimmed when empty. */
export function ValueText({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c={text === t('duplicates.mergePage.empty') ? 'dimmed' : undefined}>
      {text}
    </Text>
  );
}
