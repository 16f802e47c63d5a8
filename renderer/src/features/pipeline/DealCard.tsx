import { memo, type KeyboardEvent, type Ref } from 'react';
import { ActionIcon, Menu } from '@mantine/core';
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
export const DealCard = memo(function DealCard({ deal, account, stages, overdue, onMoveTo, dragRef, dragProps, onKeyDown, onOpen, className }: DealCardProps) {
  const { t } = useTranslation();
  const f = useFormats();
  const close = deal.expectedClose ? f.isoDay(deal.expectedClose) : '';
  // The card's body is the draggable button; the move menu sits beside it, not inside (no nested controls).
  return (
    <div ref={dragRef} className={`${classes.card} ${className ?? ''}`} data-testid="deal-card" data-deal-id={deal.id}>
      <div {...dragProps} className={classes.cardBody} onKeyDown={onKeyDown} onClick={onOpen}>
        {/* Plain elements, not Mantine's Text: a board renders hundreds of cards at once. */}
        <div className={`${classes.cardTitle} ${onMoveTo ? classes.cardTitleMenu : ''}`}>{deal.title}</div>
        <div className={`${classes.cardLine} ${classes.dimmed} ${classes.truncate}`}>{account?.name ?? ''}</div>
        <div className={classes.cardFigures}>
          <span className={classes.num}>{f.money(deal.value.amount, deal.value.currency)}</span>
          <span className={`${classes.cardLine} ${classes.dimmed}`}>{f.pct(deal.probability * 100)}</span>
        </div>
        {stages.find((s) => s.id === deal.stage)?.kind === 'lost' && deal.lostReason ? (
          <div className={`${classes.cardLine} ${classes.dimmed} ${classes.clamp2}`}>{t('pipeline.card.lostReason', { reason: deal.lostReason })}</div>
        ) : (
          <div className={`${classes.cardLine} ${overdue ? classes.overdue : classes.dimmed}`}>
            {close ? t(overdue ? 'pipeline.card.overdue' : 'pipeline.card.close', { date: close }) : t('pipeline.card.noClose')}
          </div>
        )}
      </div>
      {onMoveTo && <MoveMenu title={deal.title} stage={deal.stage} stages={stages} onMoveTo={onMoveTo} />}
    </div>
  );
});

interface MoveMenuProps {
  title: string;
  stage: string;
  stages: readonly PipelineStage[];
  onMoveTo(stageId: string): void;
}

/** The card's "Mover para…" menu, beside the draggable body (no nested controls). */
function MoveMenu({ title, stage, stages, onMoveTo }: MoveMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          size="sm"
          className={classes.cardMenu}
          aria-label={t('pipeline.card.move', { title })}
          onPointerDown={(e) => e.stopPropagation()}
        >
          <IconDots size={14} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('pipeline.card.moveMenu')}</Menu.Label>
        {stages
          .filter((s) => s.id !== stage)
          .map((s) => (
            <Menu.Item key={s.id} onClick={() => onMoveTo(s.id)}>
              {stageName(t, s)}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
