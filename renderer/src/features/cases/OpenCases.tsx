import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Case } from '@shared/models';
import { OPEN_CASE_STATUSES, byUrgency } from '@shared/domain/cases';
import { keyUnder } from '../../i18n/app-messages';
import { useDocuments } from '../../db/hooks';
import { caseQueries } from '../../db/collections/cases';
import { useAccountRows } from '../accounts';
import { Listing } from '../../ui/Listing';
import { Section } from '../../ui/Section';
import { paths } from '../../app/paths';
import { NewCaseDialog } from './NewCaseDialog';
import { severityColor, useCaseTime } from './useDuration';

const MY_DAY_LIMIT = 8;

/** One case as a line: its subject (a link to it), severity, status, time open and whether overdue. */
function CaseLine({ c, accountName }: { c: Case; accountName?: string }) {
  const { t } = useTranslation();
  const time = useCaseTime()(c, Date.now());
  return (
    <li>
      <Group gap={6} wrap="wrap">
        <Anchor component={Link} href={paths.case(c.id)} size="sm" fw={500}>
          {c.subject}
        </Anchor>
        {accountName && (
          <Text size="sm" c="dimmed">
            · {accountName}
          </Text>
        )}
        <Badge size="xs" variant="light" color={severityColor(c.severity)}>
          {t(keyUnder('cases.severity', c.severity))}
        </Badge>
        <Text size="sm">
          {t(keyUnder('cases.status', c.status))} · {time.text}
        </Text>
        {time.overdue && (
          <Badge size="xs" color="red" variant="filled">
            {t('cases.duration.overdue')}
          </Badge>
        )}
      </Group>
    </li>
  );
}

/** The account page's cases: open ones first (most severe, oldest), then the rest newest first; each opens its page; a new case on this account. */
export function AccountCases({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const cases = useDocuments('cases', caseQueries.ofAccount(accountId));
  const sorted = useMemo(() => {
    if (!cases) return undefined;
    const open = cases.filter((c) => (OPEN_CASE_STATUSES as readonly string[]).includes(c.status)).sort(byUrgency);
    const done = cases.filter((c) => !(OPEN_CASE_STATUSES as readonly string[]).includes(c.status)).sort((a, b) => b.openedAt - a.openedAt);
    return [...open, ...done];
  }, [cases]);
  return (
    <Section title={t('cases.account.title')}>
      <Listing items={sorted} empty={t('cases.account.none')}>
        {(list) => list.map((c) => <CaseLine key={c.id} c={c} />)}
      </Listing>
      <Button size="xs" variant="light" mt="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setCreating(true)}>
        {t('cases.account.new')}
      </Button>
      <NewCaseDialog opened={creating} onClose={() => setCreating(false)} accountId={accountId} onCreated={(id) => navigate(paths.case(id))} />
    </Section>
  );
}

/** My day's open cases: the owner's (everyone's when `owner` is null), most severe and oldest first. */
export function OpenCasesToday({ owner }: { owner: string | null }) {
  const { t } = useTranslation();
  const cases = useDocuments('cases', caseQueries.withStatus(OPEN_CASE_STATUSES));
  const { rows } = useAccountRows();
  const names = useMemo(() => new Map(rows.map((r) => [r.id, r.tradeName || r.name])), [rows]);
  const mine = useMemo(() => cases && cases.filter((c) => owner === null || c.ownerId === owner).sort(byUrgency), [cases, owner]);
  const more = mine ? mine.length - MY_DAY_LIMIT : 0;
  return (
    <Card withBorder component="section" aria-labelledby="myday-cases">
      <Title order={3} size="h4" id="myday-cases">
        {t('cases.myDay.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('cases.myDay.hint')}
      </Text>
      <Listing items={mine?.slice(0, MY_DAY_LIMIT)} empty={t('cases.myDay.empty')}>
        {(list) => list.map((c) => <CaseLine key={c.id} c={c} accountName={names.get(c.accountId)} />)}
      </Listing>
      {more > 0 && (
        <Anchor component={Link} href={paths.cases()} size="sm" mt="xs" display="block">
          {t('cases.myDay.more', { count: more })}
        </Anchor>
      )}
    </Card>
  );
}
