import { useCallback, useEffect } from 'react';
import { Button, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { isFilterEmpty } from '@shared/domain/contact-rows';
import { formatPhone } from '@shared/domain/validators';
import { AccountPicker } from './AccountPicker';
import type { ContactListRow } from './contact-list';
import { useContactsListStore } from './store';
import { useContactPage } from './useContactPage';
import { usePhoneCountry } from './usePhoneCountry';
import classes from './ContactsPage.module.css';
import { LoadingState } from '../../ui/states';
import { EntityTable, type EntityColumn } from '../../ui/EntityTable';
import { paths } from '../../app/paths';

const ROW_HEIGHT = 44;
/** Rows asked for beyond the last one on screen, so scrolling rarely waits. */
const AHEAD = 120;

/** Marks the moment the first rows are on screen (for a bench). */
export const CONTACTS_FIRST_ROWS_MARK = 'carteira:contacts:first-rows';

/** Every contact, virtualised and read page by page along the name index; filters as you type. */
export function ContactsPage() {
  const { t } = useTranslation();
  const { text, accountId, role, setText, setAccountId, setRole } = useContactsListStore();
  const [debouncedText] = useDebouncedValue(text, 200);
  const [debouncedRole] = useDebouncedValue(role, 200);
  const filter = { text: debouncedText, accountId, role: debouncedRole };
  const page = useContactPage(filter);
  const filtering = !isFilterEmpty(filter);
  const scanning = !isFilterEmpty({ ...filter, accountId: '' });
  const empty = !filtering && page.complete && page.rows.length === 0;
  // A plain hash link: the account goes in the hash's query, never in the page's own search.
  const newHref = accountId ? `#/contacts/new?accountId=${encodeURIComponent(accountId)}` : '#/contacts/new';

  return (
    <Stack h="calc(100vh - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Group gap="xs" align="baseline">
          <Title order={2}>{t('contacts.title')}</Title>
          <Text c="dimmed" size="sm" aria-live="polite">
            {scanning
              ? page.complete
                ? t('contacts.found', { count: page.rows.length })
                : page.loading
                  ? `${t('contacts.found', { count: page.rows.length })} · ${t('contacts.searching')}`
                  : t('contacts.foundMore', { count: page.rows.length })
              : page.total !== null
                ? t('contacts.count', { count: page.total })
                : ''}
          </Text>
        </Group>
        <Button component="a" href={newHref} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('contacts.new')}
        </Button>
      </Group>
      {empty ? (
        <Stack align="center" justify="center" py="xl" gap="sm" maw={520} mx="auto" ta="center">
          <Title order={3}>{t('contacts.empty.title')}</Title>
          <Text c="dimmed">{t('contacts.empty.body')}</Text>
        </Stack>
      ) : (
        <>
          <Group gap="sm" align="flex-end">
            <TextInput
              style={{ flex: 2 }}
              aria-label={t('contacts.filterLabel')}
              placeholder={t('contacts.filterPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <AccountPicker
              style={{ flex: 1.4 }}
              aria-label={t('contacts.accountFilter')}
              placeholder={t('contacts.allAccounts')}
              value={accountId}
              onChange={(id) => setAccountId(id)}
            />
            <TextInput
              style={{ flex: 1 }}
              aria-label={t('contacts.roleFilter')}
              placeholder={t('contacts.rolePlaceholder')}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value)}
            />
          </Group>
          {filtering && page.complete && page.rows.length === 0 ? (
            <Text c="dimmed">{t('contacts.noMatch')}</Text>
          ) : (
            <ContactsTable key={`${filter.text}\u0000${filter.accountId}\u0000${filter.role}`} rows={page.rows} done={page.complete} ensure={page.ensure} />
          )}
        </>
      )}
    </Stack>
  );
}

function ContactsTable({ rows, done, ensure }: { rows: readonly ContactListRow[]; done: boolean; ensure(count: number): void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const country = usePhoneCountry();
  const count = rows.length + (done ? 0 : 1);
  const onVisibleRange = useCallback((_first: number, last: number) => ensure(last + AHEAD), [ensure]);
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (hasRows && performance.getEntriesByName(CONTACTS_FIRST_ROWS_MARK).length === 0) performance.mark(CONTACTS_FIRST_ROWS_MARK);
  }, [hasRows]);
  const none = t('common.none');
  const columns: EntityColumn<ContactListRow>[] = [
    {
      id: 'name',
      header: t('contacts.columns.name'),
      className: classes.name,
      cell: (row) => (
        <Link href={paths.contact(row.id)} onClick={(e) => e.stopPropagation()}>
          {`${row.firstName} ${row.lastName}`.trim()}
        </Link>
      ),
    },
    { id: 'role', header: t('contacts.columns.role'), cell: (row) => row.role || none },
    { id: 'account', header: t('contacts.columns.account'), cell: (row) => (row.accountId ? row.accountName || none : t('contacts.noAccount')) },
    { id: 'phone', header: t('contacts.columns.phone'), cell: (row) => (row.phone ? formatPhone(row.phone, country) : none) },
    { id: 'email', header: t('contacts.columns.email'), cell: (row) => row.email || none },
    { id: 'channel', header: t('contacts.columns.channel'), cell: (row) => t(`contacts.channel.${row.preferredChannel}`) },
  ];

  return (
    <EntityTable
      label={t('contacts.title')}
      count={count}
      rowCount={done ? rows.length + 1 : -1}
      row={(index) => rows[index]}
      columns={columns}
      onOpen={(row) => navigate(paths.contact(row.id))}
      rowHeight={ROW_HEIGHT}
      classes={{ row: classes.row }}
      scrollerTestId="contacts-scroller"
      onVisibleRange={onVisibleRange}
      pending={() => <span role="cell">{rows.length === 0 ? <Skeleton height={12} radius="sm" /> : <LoadingState size="xs" />}</span>}
    />
  );
}
