import { useMemo, useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { useDocuments } from '../../db/hooks';
import { eventQueries } from '../../db/collections/events';
import { paths } from '../../app/paths';
import { keyUnder } from '../../i18n/app-messages';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { blankEvent } from './new-event';

/** Every event, the newest first: name, kind, dates, place and how many leads it brought. */
export function EventsPage() {
  const { t } = useTranslation();
  const f = useFormats();
  const [, navigate] = useLocation();
  const { author } = useDatabaseContext();
  const repo = useRepository('events');
  const found = useDocuments('events', eventQueries.byStartDate());
  const rows = useMemo(() => [...(found ?? [])].reverse(), [found]);
  const [failed, setFailed] = useState(false);

  const create = async () => {
    try {
      const saved = await repo.create(blankEvent(t('events.newName'), author()));
      navigate(paths.event(saved.id));
    } catch {
      setFailed(true);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('events.title')}</Title>
          {found && (
            <Text size="sm" c="dimmed" role="status">
              {t('events.count', { count: rows.length })}
            </Text>
          )}
        </Group>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => void create()}>
          {t('events.new')}
        </Button>
      </Group>
      {failed && <ErrorState>{t('events.saveFailed')}</ErrorState>}
      {!found ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <EmptyState>{t('events.empty')}</EmptyState>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('events.columns.name')}</Table.Th>
              <Table.Th>{t('events.columns.kind')}</Table.Th>
              <Table.Th>{t('events.columns.dates')}</Table.Th>
              <Table.Th>{t('events.columns.place')}</Table.Th>
              <Table.Th>{t('events.columns.leads')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Anchor component={Link} href={paths.event(e.id)}>
                    {e.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(keyUnder('events.kind', e.kind))}</Table.Td>
                <Table.Td>
                  {f.isoDay(e.startDate)}
                  {e.endDate && e.endDate !== e.startDate ? ` – ${f.isoDay(e.endDate)}` : ''}
                </Table.Td>
                <Table.Td>{[e.venue, e.city, e.state].filter(Boolean).join(', ')}</Table.Td>
                <Table.Td>{f.number(e.leadAccountIds.length)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
