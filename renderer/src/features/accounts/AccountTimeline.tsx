import { useEffect, useRef, type ComponentType } from 'react';
import { Badge, Button, Group, Text, ThemeIcon } from '@mantine/core';
import {
  IconCalendarEvent,
  IconChecklist,
  IconMail,
  IconMapPin,
  IconMessageCircle,
  IconNote,
  IconPhone,
  IconPresentation,
  IconUsers,
  type IconProps,
} from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Activity, ActivityType } from '@shared/models';
import classes from './Account360Page.module.css';
import { formatInstant } from '../../ui/formats';
import { LoadingState } from '../../ui/states';
import { paths } from '../../app/paths';

const ICONS: Record<ActivityType, ComponentType<IconProps>> = {
  call: IconPhone,
  meeting: IconUsers,
  visit: IconMapPin,
  email: IconMail,
  chat: IconMessageCircle,
  letter: IconMail,
  presentation: IconPresentation,
  note: IconNote,
  task: IconChecklist,
};
const OUTCOME_COLORS: Record<string, string> = { positive: 'teal', neutral: 'gray', negative: 'red', no_answer: 'yellow', follow_up: 'blue' };
const ITEM_HEIGHT = 58;

/**
 * Every activity of the account, newest first, virtualised: the page reads `limit` items from the
 * ['accountId','atInv'] index and asks for more (onMore) as the list scrolls near its end.
 */
export function AccountTimeline({ activities, limit, onMore }: { activities: readonly Activity[] | undefined; limit: number; onMore(): void }) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const items = activities ?? [];
  const hasMore = items.length >= limit;
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ITEM_HEIGHT, overscan: 8 });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= items.length - 5) onMore();
  }, [hasMore, lastIndex, items.length, onMore]);
  const date = { format: (at: number) => formatInstant(at, i18n.language, { dateStyle: 'short', timeStyle: 'short' }) };
  const day = { format: (at: number) => formatInstant(at, i18n.language, { dateStyle: 'short' }) };
  const label = t('accounts.a360.timeline');

  return (
    <section aria-label={label} className={classes.timelineSection}>
      <Text component="h3" fw={600} size="md" mb={6}>
        {label}
      </Text>
      {activities === undefined ? (
        <LoadingState size="sm" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('accounts.a360.noActivities')}
        </Text>
      ) : (
        <div ref={scrollRef} className={classes.timelineScroller} data-testid="account-timeline">
          <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((v) => {
              const a = items[v.index]!;
              const Icon = ICONS[a.type] ?? IconCalendarEvent;
              return (
                <div key={a.id} role="listitem" className={classes.timelineItem} style={{ transform: `translateY(${v.start}px)`, height: ITEM_HEIGHT }}>
                  <ThemeIcon variant="light" size="md" radius="xl" aria-hidden>
                    <Icon size={16} />
                  </ThemeIcon>
                  <div className={classes.timelineBody}>
                    <Link href={paths.activity(a.id)} className={classes.timelineLink}>
                      {a.summary || t(`activityType.${a.type}`)}
                    </Link>
                    <Group gap={6} wrap="nowrap" className={classes.timelineMeta}>
                      <Text size="xs" c="dimmed" span>
                        {t(`activityType.${a.type}`)} · {date.format(a.at)}
                      </Text>
                      {a.outcome && (
                        <Badge size="xs" variant="light" color={OUTCOME_COLORS[a.outcome]}>
                          {t(`accounts.a360.outcome.${a.outcome}`)}
                        </Badge>
                      )}
                      {a.taskState !== 'none' && (
                        <Badge size="xs" variant={a.taskState === 'done' ? 'light' : 'outline'} color={a.taskState === 'done' ? 'teal' : 'orange'}>
                          {t(`accounts.a360.taskState.${a.taskState}`)}
                          {a.taskState === 'open' && a.dueAt ? ` · ${t('accounts.a360.due', { date: day.format(a.dueAt) })}` : ''}
                        </Badge>
                      )}
                    </Group>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      )}
      {hasMore && (
        <Button variant="subtle" size="xs" mt={4} onClick={onMore}>
          {t('accounts.a360.loadMore')}
        </Button>
      )}
    </section>
  );
}
