import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Skeleton, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import kit from './EntityTable.module.css';

export type SortDirection = 'asc' | 'desc';
export interface TableSort {
  column: string;
  direction: SortDirection;
}

export interface EntityColumn<R> {
  id: string;
  header: ReactNode;
  /** The cell of one row. */
  cell(row: R): ReactNode;
  className?: string;
  /** A column of figures: right-aligned, tabular digits. */
  numeric?: boolean;
  /** A column the list can be ordered by (its header becomes a button and says its order). */
  sortable?: boolean;
}

/**
 * What a list adds to the kit's look (EntityTable.module.css), each next to the kit's own class:
 * its column widths (`row`: grid-template-columns) and any rule the kit does not set.
 */
export interface EntityTableClasses {
  table?: string;
  scroller?: string;
  row?: string;
  header?: string;
  body?: string;
}

export interface EntityTableProps<R extends { id: string }> {
  /** The table's accessible name ("Contas"). */
  label: string;
  /** How many rows the list has (read or not yet). */
  count: number;
  /** The row at an index, or undefined while it is being read (a skeleton shows). */
  row(index: number): R | undefined;
  columns: readonly EntityColumn<R>[];
  /** Enter on the active row, or a click on it. */
  onOpen(row: R): void;
  rowHeight: number;
  classes?: EntityTableClasses;
  /** The scroller's test id (the e2e and bench scroll it). */
  scrollerTestId?: string;
  /** Told which rows are on screen, for lists that read pages on demand. */
  onVisibleRange?(first: number, last: number): void;
  sort?: TableSort;
  onSortChange?(sort: TableSort): void;
  /** Extra attributes of a row (aria-selected for a ticked one). */
  rowProps?(row: R): { 'aria-selected'?: boolean };
  /** Content before the columns in the header row (a select-all box); its cells are the caller's. */
  headerStart?: ReactNode;
  /** Cells before the columns in each row (a row's tick box). */
  rowStart?(row: R): ReactNode;
  /** A change of this value scrolls back to the top (a new search or category). */
  resetKey?: unknown;
  /** aria-rowcount when the list does not know its length yet (-1), else count + 1. */
  rowCount?: number;
  /** What a row not read yet shows; a skeleton line by default. */
  pending?(index: number): ReactNode;
}

const join = (...names: (string | undefined | false)[]) => names.filter(Boolean).join(' ');
const cellClass = <R,>(column: EntityColumn<R>) => join(column.numeric && kit.numeric, column.className) || undefined;

const ariaSort = (sort: TableSort | undefined, id: string) => (sort?.column === id ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none');

/**
 * A list of records as an ARIA table, virtualised (only the rows on screen are in the DOM). One row
 * is active and is the table's one tab stop: ↑/↓ move it, Home/End go to the first/last row,
 * Enter opens it; the focused row is what a screen reader reads.
 */
export function EntityTable<R extends { id: string }>(props: EntityTableProps<R>) {
  const {
    label,
    count,
    row,
    columns,
    onOpen,
    rowHeight,
    classes = {},
    scrollerTestId,
    onVisibleRange,
    sort,
    onSortChange,
    rowProps,
    headerStart,
    rowStart,
    resetKey,
    rowCount,
    pending,
  } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActiveState] = useState(0);
  // The latest active row, for keys pressed faster than React renders.
  const activeRef = useRef(0);
  const setActive = (index: number) => {
    activeRef.current = index;
    setActiveState(index);
  };
  const focusActive = useRef(false);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    onVisibleRange?.(first, last);
  }, [onVisibleRange, first, last, count]);
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
    setActive(0);
  }, [resetKey]);
  const current = Math.min(active, Math.max(count - 1, 0));
  // After a key moved the active row, focus follows it once it is rendered.
  useEffect(() => {
    if (!focusActive.current) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${current}"]`);
    if (element) {
      element.focus({ preventScroll: true });
      focusActive.current = false;
    }
  });

  const move = (to: number) => {
    const next = Math.max(0, Math.min(count - 1, to));
    focusActive.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!count) return;
    // Keys typed into a control inside a row (a tick box) are that control's.
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') !== 'row') return;
    const at = Math.min(activeRef.current, count - 1);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at - 1),
      PageDown: () => move(at + page),
      PageUp: () => move(at - page),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => {
        const r = row(at);
        if (r) onOpen(r);
      },
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const header = (column: EntityColumn<R>) => {
    if (!column.sortable || !onSortChange)
      return (
        <span key={column.id} role="columnheader" className={cellClass(column)}>
          {column.header}
        </span>
      );
    const on = sort?.column === column.id;
    const Icon = !on ? IconArrowsSort : sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
    return (
      <span key={column.id} role="columnheader" aria-sort={ariaSort(sort, column.id)} className={cellClass(column)}>
        <UnstyledButton
          fz="inherit"
          fw="inherit"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
          onClick={() => onSortChange({ column: column.id, direction: on && sort.direction === 'asc' ? 'desc' : 'asc' })}
        >
          {column.header}
          <Icon size={14} aria-hidden />
        </UnstyledButton>
      </span>
    );
  };

  return (
    <div role="table" aria-label={label} aria-rowcount={rowCount ?? count + 1} className={join(kit.table, classes.table)}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={join(kit.row, kit.header, classes.row, classes.header)}>
          {headerStart}
          {columns.map(header)}
        </div>
      </div>
      <div ref={scrollRef} className={join(kit.scroller, classes.scroller)} data-testid={scrollerTestId}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }} onKeyDown={onKeyDown}>
          {items.map((item) => {
            const r = row(item.index);
            const style = { transform: `translateY(${item.start}px)`, height: rowHeight };
            if (!r) {
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} className={join(kit.row, classes.row)} style={style} aria-busy>
                  {pending ? pending(item.index) : <Skeleton height={12} radius="sm" style={{ gridColumn: '1 / -1' }} />}
                </div>
              );
            }
            return (
              <div
                key={r.id}
                role="row"
                aria-rowindex={item.index + 2}
                data-row-index={item.index}
                tabIndex={item.index === current ? 0 : -1}
                className={join(kit.row, kit.body, classes.row, classes.body)}
                style={style}
                onClick={() => onOpen(r)}
                onFocus={(e) => {
                  if (e.target === e.currentTarget) setActive(item.index);
                }}
                {...rowProps?.(r)}
              >
                {rowStart?.(r)}
                {columns.map((c) => (
                  <span key={c.id} role="cell" className={cellClass(c)}>
                    {c.cell(r)}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
