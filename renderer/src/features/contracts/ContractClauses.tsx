import { ActionIcon, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CLAUSE_KINDS, type Contract } from '@shared/models';
import { newId } from '@shared/domain/ids';
import { keyUnder } from '../../i18n/app-messages';
import { Section } from '../../ui/Section';

type Clause = Contract['clauses'][number];

/** The contract's clauses as typed: kind and text each, added and removed; saved with the terms. */
export function ContractClauses({ clauses, onChange }: { clauses: Clause[]; onChange(clauses: Clause[]): void }) {
  const { t } = useTranslation();
  const kinds = CLAUSE_KINDS.map((k) => ({ value: k, label: t(keyUnder('contracts.clauses.kinds', k)) }));
  const set = (id: string, patch: Partial<Clause>) => onChange(clauses.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  return (
    <Section title={t('contracts.clauses.title')}>
      <Stack gap="sm">
        {clauses.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('contracts.clauses.empty')}
          </Text>
        )}
        {clauses.map((c, i) => (
          <Group key={c.id} align="flex-start" wrap="nowrap">
            <Select
              aria-label={t('contracts.clauses.kind', { n: i + 1 })}
              data={kinds}
              value={c.kind}
              onChange={(kind) => kind && set(c.id, { kind: kind as Clause['kind'] })}
              allowDeselect={false}
              w={200}
            />
            <Textarea
              aria-label={t('contracts.clauses.text', { n: i + 1 })}
              value={c.text}
              onChange={(e) => set(c.id, { text: e.currentTarget.value })}
              minRows={1}
              maxLength={5000}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('contracts.clauses.remove', { n: i + 1 })}
              onClick={() => onChange(clauses.filter((x) => x.id !== c.id))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange([...clauses, { id: newId(), kind: 'special_condition', text: '' }])}
          >
            {t('contracts.clauses.add')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
