import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Anchor, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ActivityList } from './ActivityList';
import { useDateFormat } from './ActivityDates';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { useActivityOwners, useMyDay } from './useActivityLists';
import { useAuthorLabel } from '../../sync/useAuthorLabel';
import { PanelBoundary } from '../../ui/ErrorBoundary';
import { LoadingState } from '../../ui/states';
import { paths } from '../../app/paths';
import { OpenCasesToday } from '../cases';

const EVERYONE = '\u0000all';
/** Set once per visit when My day's lists are first on screen (bench: myday.open.ms). */
export const MYDAY_MARK = 'carteira:myday:ready';

/** My day: today's meetings and visits, tasks due today and overdue, and follow-ups still waiting. */
export function MyDayPage() {
  const { t } = useTranslation();
  const fmt = useDateFormat();
  const { author } = useDatabaseContext();
  const owners = useActivityOwners();
  // Mine when I own activities; everyone's otherwise (a fresh install with the sample team's data).
  const [picked, setPicked] = useState<string | null>(null);
  const me = author();
  const { label: person } = useAuthorLabel();
  const owner = picked ?? (owners?.includes(me) ? me : EVERYONE);
  const day = useMyDay(owner === EVERYONE ? null : owner, owners);
  const marked = useRef(false);
  useEffect(() => {
    if (day === undefined || marked.current) return;
    marked.current = true;
    performance.mark(MYDAY_MARK);
  }, [day]);
  return (
    <Stack maw={1150}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('activities.today.title')}</Title>
          <Text c="dimmed">{t('activities.today.date', { date: fmt.longDate(Date.now()) })}</Text>
        </div>
        {owners && owners.length > 1 && (
          <Select
            label={t('activities.today.owner')}
            data={[{ value: EVERYONE, label: t('activities.today.everyone') }, ...owners.map((o) => ({ value: o, label: person(o) }))]}
            value={owner}
            onChange={(v) => setPicked(v ?? EVERYONE)}
            allowDeselect={false}
            w={240}
          />
        )}
      </Group>
      {day === undefined ? (
        <LoadingState />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <PanelBoundary title={t('activities.today.agenda')}>
            <Section id="agenda" title={t('activities.today.agenda')}>
              <ActivityList items={day.agenda} label={t('activities.today.agenda')} empty={t('activities.today.emptyAgenda')} timeOnly />
              {day.moreAgenda !== 0 && <MoreLink count={day.moreAgenda} />}
            </Section>
          </PanelBoundary>
          <PanelBoundary title={t('activities.today.dueToday')}>
            <Section id="due" title={t('activities.today.dueToday')}>
              <ActivityList items={day.dueToday} label={t('activities.today.dueToday')} empty={t('activities.today.emptyDue')} />
              {day.moreDueToday !== 0 && <MoreLink count={day.moreDueToday} />}
            </Section>
          </PanelBoundary>
          <PanelBoundary title={t('activities.today.overdue')}>
            <Section id="overdue" title={t('activities.today.overdue')}>
              <ActivityList items={day.overdue} label={t('activities.today.overdue')} empty={t('activities.today.emptyOverdue')} />
              {day.moreOverdue !== 0 && <MoreLink count={day.moreOverdue} />}
            </Section>
          </PanelBoundary>
          <PanelBoundary title={t('activities.today.followUps')}>
            <Section id="followups" title={t('activities.today.followUps')} hint={t('activities.today.followUpsHint')}>
              <ActivityList items={day.followUps} label={t('activities.today.followUps')} empty={t('activities.today.emptyFollowUps')} />
            </Section>
          </PanelBoundary>
          <PanelBoundary title={t('cases.myDay.title')}>
            <OpenCasesToday owner={owner === EVERYONE ? null : owner} />
          </PanelBoundary>
        </SimpleGrid>
      )}
    </Stack>
  );
}

function MoreLink({ count }: { count: number | null }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} href={paths.activities()} size="sm" mt="xs" display="block">
      {count === null ? t('activities.today.seeAll') : t('activities.today.more', { count })}
    </Anchor>
  );
}

function Section({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={`myday-${id}`}>
      <Group justify="space-between" mb={hint ? 0 : 'sm'}>
        <Title order={3} size="h4" id={`myday-${id}`}>
          {title}
        </Title>
      </Group>
      {hint && (
        <Text size="xs" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Card>
  );
}
