import type { KeyboardEvent, Ref } from 'react';
import { ActionIcon, Group, Menu, Stack, Text } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BoardAccount, BoardDeal } from '@shared/domain/sales/pipeline-board';
import type { PipelineStage } from '@shared/domain/sales/pipeline';
import { useFormats } from '../../ui/useFormats';
import { stageName } from './stage-name';
import classes from './PipelinePage.module.css';

export interface DealCardProps {
  deal: BoardDeal;
  account: BoardAccount | undefined;
  stages: readonly PipelineStage[];
  overdue: boolean;
  /** Opens the move menu's choice. */
  onMoveTo?(stageId: string): void;
  /** Props of the draggable (dnd-kit) and the card's own keys. */
  dragRef?: Ref<HTMLDivElement>;
  dragProps?: Record<string, unknown>;
  onKeyDown?(e: KeyboardEvent<HTMLDivElement>): void;
  onOpen?(): void;
  className?: string;
}

/** One deal on the board: title, account, value, probability, expected close (flagged when overdue). */
export function DealCard({ deal, account, stages, overdue, onMoveTo, dragRef, dragProps, onKeyDown, onOpen, className }: DealCardProps) {
  const { t } = useTranslation();
  const f = useFormats();
  const close = deal.expectedClose ? f.isoDay(deal.expectedClose) : '';
  // The card's body is the draggable button; the move menu sits beside it, not inside (no nested controls).
  return (
    <div ref={dragRef} className={`${classes.card} ${className ?? ''}`} data-testid="deal-card" data-deal-id={deal.id}>
      <div {...dragProps} className={classes.cardBody} onKeyDown={onKeyDown} onClick={onOpen}>
        <Text size="sm" fw={600} lineClamp={2} pr={onMoveTo ? 22 : 0}>
          {deal.title}
        </Text>
        <Stack gap={0}>
          <Text size="xs" c="dimmed" truncate>
            {account?.name ?? ''}
          </Text>
          <Group justify="space-between" gap={4} wrap="nowrap">
            <Text size="sm" className={classes.num}>
              {f.money(deal.value.amount, deal.value.currency)}
            </Text>
            <Text size="xs" c="dimmed">
              {f.pct(deal.probability * 100)}
            </Text>
          </Group>
          {stages.find((s) => s.id === deal.stage)?.kind === 'lost' && deal.lostReason ? (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {t('pipeline.card.lostReason', { reason: deal.lostReason })}
            </Text>
          ) : (
            <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
              {close ? t(overdue ? 'pipeline.card.overdue' : 'pipeline.card.close', { date: close }) : t('pipeline.card.noClose')}
            </Text>
          )}
        </Stack>
      </div>
      {onMoveTo && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              size="sm"
              className={classes.cardMenu}
              aria-label={t('pipeline.card.move', { title: deal.title })}
              onPointerDown={(e) => e.stopPropagation()}
            >
              <IconDots size={14} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('pipeline.card.moveMenu')}</Menu.Label>
            {stages
              .filter((s) => s.id !== deal.stage)
              .map((s) => (
                <Menu.Item key={s.id} onClick={() => onMoveTo(s.id)}>
                  {stageName(t, s)}
                </Menu.Item>
              ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </div>
  );
}
