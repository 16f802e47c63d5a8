import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { nextStage, previousStage, type PipelineConfig, type PipelineStage } from '@shared/domain/sales/pipeline';
import { isOverdue, type BoardAccount, type BoardColumn, type BoardDeal } from '@shared/domain/sales/pipeline-board';
import { useFormats } from '../../ui/useFormats';
import { DealCard } from './DealCard';
import { stageName } from './stage-name';
import classes from './PipelinePage.module.css';

/** Cards a column shows at first; "show more" adds as many again (30 000 deals stay light). */
export const CARDS_PER_PAGE = 50;

export interface PipelineBoardProps {
  config: PipelineConfig;
  columns: readonly BoardColumn[];
  accounts(id: string): BoardAccount | undefined;
  today: string;
  onOpen(deal: BoardDeal): void;
  /** Moves the deal (a lost stage asks for its reason first). */
  onMove(deal: BoardDeal, stageId: string): void;
  /** Something for screen readers to say (a move made with the keyboard). */
  onAnnounce(message: string): void;
}

// Module constants: dnd-kit memoises on their identity, and new options at each render would give
// every card new listeners (and a re-render) whenever the board renders.
const POINTER_OPTIONS = { activationConstraint: { distance: 6 } };
const KEYBOARD_OPTIONS = { keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] } };

/**
 * The board: one column per stage with its totals, deals dragged between columns (mouse, touch, or
 * Space to pick up, arrows, Space to drop), and the keyboard alternative on a focused card:
 * Shift+→ / Shift+← to the next / previous stage, Enter to open the deal.
 */
export function PipelineBoard({ config, columns, accounts, today, onOpen, onMove, onAnnounce }: PipelineBoardProps) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState<BoardDeal | null>(null);
  // The card moved with the keyboard keeps the focus in its new column.
  const [followId, setFollowId] = useState<string | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, KEYBOARD_OPTIONS));
  const stageById = useMemo(() => new Map(config.stages.map((s) => [s.id, s])), [config]);
  const dealById = useMemo(() => new Map(columns.flatMap((c) => c.deals.map((d) => [d.id, d] as const))), [columns]);
  const titleOf = (id: string | number) => dealById.get(String(id))?.title ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('pipeline.drag.picked', { title: titleOf(active.id) }),
    onDragOver: ({ over }) => (over ? t('pipeline.drag.over', { stage: stageName(t, stageById.get(String(over.id))) }) : undefined),
    onDragEnd: ({ active, over }) =>
      over
        ? t('pipeline.drag.dropped', { title: titleOf(active.id), stage: stageName(t, stageById.get(String(over.id))) })
        : t('pipeline.drag.cancelled', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('pipeline.drag.cancelled', { title: titleOf(active.id) }),
  };

  const onDragStart = (e: DragStartEvent) => setDragging(dealById.get(String(e.active.id)) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const deal = dealById.get(String(e.active.id));
    if (deal && e.over && String(e.over.id) !== deal.stage) {
      // The dropped card stays in sight (and focused) in its new column, wherever it sorts.
      setFollowId(deal.id);
      onMove(deal, String(e.over.id));
    }
  };

  // Stable, so a move re-renders only the cards it changed (the cards are memoised).
  const step = useCallback(
    (deal: BoardDeal, direction: 1 | -1) => {
      const to = direction === 1 ? nextStage(config, deal.stage) : previousStage(config, deal.stage);
      if (!to) {
        onAnnounce(t(direction === 1 ? 'pipeline.keyboard.noNext' : 'pipeline.keyboard.noPrevious', { title: deal.title }));
        return;
      }
      setFollowId(deal.id);
      onMove(deal, to.id);
      if (to.kind !== 'lost') onAnnounce(t('pipeline.keyboard.moved', { title: deal.title, stage: stageName(t, to) }));
    },
    [config, onMove, onAnnounce, t],
  );

  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('pipeline.keyboard.hint') } }}
    >
      <div className={classes.board} data-testid="pipeline-board">
        {columns.map((column) => (
          <StageColumn
            key={column.stage.id}
            column={column}
            stages={config.stages}
            accounts={accounts}
            overdue={(d) => isOverdue(config, d, today)}
            onOpen={onOpen}
            onMove={onMove}
            onStep={step}
            followId={followId}
          />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging ? (
          <DealCard
            deal={dragging}
            account={accounts(dragging.accountId)}
            stages={config.stages}
            overdue={isOverdue(config, dragging, today)}
            className={classes.overlay}
          />
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

interface StageColumnProps {
  column: BoardColumn;
  stages: readonly PipelineStage[];
  accounts(id: string): BoardAccount | undefined;
  overdue(deal: BoardDeal): boolean;
  onOpen(deal: BoardDeal): void;
  onMove(deal: BoardDeal, stageId: string): void;
  onStep(deal: BoardDeal, direction: 1 | -1): void;
  followId: string | null;
}

function StageColumn({ column, stages, accounts, overdue, onOpen, onMove, onStep, followId }: StageColumnProps) {
  const { t } = useTranslation();
  const f = useFormats();
  const { setNodeRef, isOver } = useDroppable({ id: column.stage.id });
  const [shown, setShown] = useState(CARDS_PER_PAGE);
  const name = stageName(t, column.stage);
  const money = (pick: 'value' | 'weighted') => column.totals.totals.map((c) => f.money(c[pick], c.currency)).join(' + ') || f.money(0, 'BRL');
  // The card just moved here is shown even when it sorts below the cards on screen, so it never vanishes from sight.
  const followIndex = followId ? column.deals.findIndex((d) => d.id === followId) : -1;
  const cards = followIndex >= shown ? [...column.deals.slice(0, shown), column.deals[followIndex]!] : column.deals.slice(0, shown);
  const hidden = column.deals.length - cards.length;
  return (
    <section
      ref={setNodeRef}
      className={`${classes.column} ${isOver ? classes.columnOver : ''}`}
      aria-label={t('pipeline.column.label', { stage: name, count: column.totals.count })}
      data-stage={column.stage.id}
    >
      <Stack gap={0} className={classes.columnHeader}>
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="sm">
            {name}
          </Title>
          <Text size="sm" c="dimmed" data-testid="stage-count">
            {f.number(column.totals.count)}
          </Text>
        </Group>
        <Text size="xs" data-testid="stage-value">
          {t('pipeline.totals.value')}: {money('value')}
        </Text>
        <Text size="xs" c="dimmed" data-testid="stage-weighted">
          {t('pipeline.totals.weighted')}: {money('weighted')}
        </Text>
      </Stack>
      <div className={classes.cards}>
        {column.deals.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="sm">
            {t('pipeline.column.empty')}
          </Text>
        )}
        {cards.map((deal) => (
          <DraggableCard
            key={deal.id}
            deal={deal}
            account={accounts(deal.accountId)}
            stages={stages}
            overdue={overdue(deal)}
            onOpen={onOpen}
            onMove={onMove}
            onStep={onStep}
            focusOnMount={followId === deal.id}
          />
        ))}
        {hidden > 0 && (
          <Button variant="subtle" size="xs" onClick={() => setShown((n) => n + CARDS_PER_PAGE)}>
            {t('pipeline.column.showMore', { count: Math.min(hidden, CARDS_PER_PAGE) })}
          </Button>
        )}
      </div>
    </section>
  );
}

interface DraggableCardProps {
  deal: BoardDeal;
  account: BoardAccount | undefined;
  stages: readonly PipelineStage[];
  overdue: boolean;
  onOpen(deal: BoardDeal): void;
  onMove(deal: BoardDeal, stageId: string): void;
  onStep(deal: BoardDeal, direction: 1 | -1): void;
  focusOnMount: boolean;
}

/** A card that re-renders only when its own deal, account or flags change (a move touches one card, not hundreds). */
const DraggableCard = memo(function DraggableCard({ deal, account, stages, overdue, onOpen, onMove, onStep, focusOnMount }: DraggableCardProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: deal.id });
  const node = useRef<HTMLDivElement | null>(null);
  const ref = useCallback(
    (el: HTMLDivElement | null) => {
      node.current = el;
      setNodeRef(el);
    },
    [setNodeRef],
  );
  useEffect(() => {
    // The card's body is the focusable part (the draggable button).
    if (focusOnMount) node.current?.querySelector<HTMLElement>('[aria-roledescription]')?.focus();
  }, [focusOnMount]);
  // Everything handed to the card is stable, so the card (memoised too) skips the re-renders
  // dnd-kit's context causes in every draggable whenever one card moves, mounts or unmounts.
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.target !== e.currentTarget) return;
      if (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
        e.preventDefault();
        onStep(deal, e.key === 'ArrowRight' ? 1 : -1);
        return;
      }
      if (e.key === 'Enter') {
        e.preventDefault();
        onOpen(deal);
        return;
      }
      (listeners?.onKeyDown as ((e: KeyboardEvent<HTMLDivElement>) => void) | undefined)?.(e);
    },
    [deal, onStep, onOpen, listeners],
  );
  const dragProps = useMemo(() => ({ ...attributes, ...listeners, onKeyDown: undefined }), [attributes, listeners]);
  const open = useCallback(() => onOpen(deal), [onOpen, deal]);
  const moveTo = useCallback((to: string) => onMove(deal, to), [onMove, deal]);
  return (
    <DealCard
      deal={deal}
      account={account}
      stages={stages}
      overdue={overdue}
      dragRef={ref}
      dragProps={dragProps}
      onKeyDown={onKeyDown}
      onOpen={open}
      onMoveTo={moveTo}
      className={isDragging ? classes.dragging : undefined}
    />
  );
});
