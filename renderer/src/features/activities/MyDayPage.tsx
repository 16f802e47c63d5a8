import type { ReactNode } from 'react';
import { Anchor, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ActivityList } from './ActivityList';
import { useDateFormat } from './ActivityDates';
import { useMyDay } from './useActivityLists';

/** My day: today's meetings and visits, tasks due today and overdue, and follow-ups still waiting. */
export function MyDayPage() {
  const { t } = useTranslation();
  const fmt = useDateFormat();
  const day = useMyDay();
  return (
    <Stack maw={1150}>
      <div>
        <Title order={2}>{t('activities.today.title')}</Title>
        <Text c="dimmed">{t('activities.today.date', { date: fmt.longDate(Date.now()) })}</Text>
      </div>
      {day === undefined ? <Loader role="status" aria-label={t('common.loading')} /> : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section id="agenda" title={t('activities.today.agenda')}>
            <ActivityList items={day.agenda} label={t('activities.today.agenda')} empty={t('activities.today.emptyAgenda')} timeOnly />
          </Section>
          <Section id="due" title={t('activities.today.dueToday')}>
            <ActivityList items={day.dueToday} label={t('activities.today.dueToday')} empty={t('activities.today.emptyDue')} />
          </Section>
          <Section id="overdue" title={t('activities.today.overdue')}>
            <ActivityList items={day.overdue} label={t('activities.today.overdue')} empty={t('activities.today.emptyOverdue')} />
            {day.overdueTotal > day.overdue.length && (
              <Anchor component={Link} href="/activities" size="sm" mt="xs" display="block">{t('activities.today.more', { count: day.overdueTotal - day.overdue.length })}</Anchor>
            )}
          </Section>
          <Section id="followups" title={t('activities.today.followUps')} hint={t('activities.today.followUpsHint')}>
            <ActivityList items={day.followUps} label={t('activities.today.followUps')} empty={t('activities.today.emptyFollowUps')} />
          </Section>
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Section({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={`myday-${id}`}>
      <Group justify="space-between" mb={hint ? 0 : 'sm'}>
        <Title order={3} size="h4" id={`myday-${id}`}>{title}</Title>
      </Group>
      {hint && <Text size="xs" c="dimmed" mb="sm">{hint}</Text>}
      {children}
    </Card>
  );
}
