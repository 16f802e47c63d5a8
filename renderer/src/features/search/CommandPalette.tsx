import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { Modal } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAddressBook, IconBuildingStore, IconFlag, IconPackage, IconSearch, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { SearchHit } from '@shared/search/search-index';
import type { SearchKind } from '@shared/search/records';
import { labelScore } from '@shared/search/label-match';
import { useOverlaysStore } from '../../app/overlays-store';
import { PanelBoundary } from '../../ui/ErrorBoundary';
import { RESULT_LIMIT } from '../../search/index-host';
import { keystrokeSent, keystrokesDropped, resultsRendered } from '../../search/latency';
import type { SearchAnswer, SearchEngine } from '../../search/search-engine';
import { useSearchEngine, useSearchStatus } from '../../search/SearchEngineContext';
import { usePaletteCommands, type PaletteCommand } from './usePaletteCommands';
import classes from './CommandPalette.module.css';
import { paths } from '../../app/paths';

/** The index starts building this long after the app shows, so the first screen loads first. */
const START_AFTER_MS = 1500;
/**
 * How long a keystroke waits for the index's answer in shared memory before leaving it to the
 * message, which waits for the next frame (up to 16.7 ms): most answers take 1–2 ms.
 */
const ANSWER_WAIT_MS = 10;

const KIND_ICON: Record<SearchKind, Icon> = { account: IconBuildingStore, contact: IconAddressBook, deal: IconFlag, product: IconPackage };
const KIND_PATH: Record<SearchKind, string> = { account: paths.accounts(), contact: paths.contacts(), deal: paths.pipeline(), product: paths.catalogue() };

/** Where a result opens. */
export const pathOf = (hit: Pick<SearchHit, 'kind' | 'id'>) => `${KIND_PATH[hit.kind]}/${encodeURIComponent(hit.id)}`;

type Item = { type: 'command'; command: PaletteCommand } | { type: 'hit'; hit: SearchHit };

/** The global search and command palette (Ctrl/Cmd+K from anywhere, inputs included). */
export function CommandPalette() {
  const { t } = useTranslation();
  const open = useOverlaysStore((s) => s.paletteOpen);
  const engine = useSearchEngine();
  useHotkeys(
    [['mod+K', () => (useOverlaysStore.getState().paletteOpen ? useOverlaysStore.getState().closePalette() : useOverlaysStore.getState().openPalette())]],
    [],
  );
  useEffect(() => {
    const timer = setTimeout(() => engine.start(), START_AFTER_MS);
    return () => clearTimeout(timer);
  }, [engine]);
  useEffect(() => {
    if (open) engine.start();
  }, [open, engine]);
  const close = () => useOverlaysStore.getState().closePalette();
  return (
    <Modal.Root opened={open} onClose={close} size="lg" yOffset="12vh" transitionProps={{ duration: 0 }}>
      <Modal.Overlay backgroundOpacity={0.35} />
      <Modal.Content aria-label={t('search.dialog')}>
        <Modal.Body p={0}>
          {open && (
            <PanelBoundary title={t('search.dialog')}>
              <PaletteBody engine={engine} onClose={close} />
            </PanelBoundary>
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

function PaletteBody({ engine, onClose }: { engine: SearchEngine; onClose(): void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const status = useSearchStatus(engine);
  const commands = usePaletteCommands();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  // An answer renders in the worker message's own task, not one scheduler hop later.
  useEffect(() => engine.subscribe((next) => flushSync(() => setAnswer(next))), [engine]);
  useEffect(
    () => () => {
      engine.cancel();
      keystrokesDropped();
    },
    [engine],
  );
  useLayoutEffect(() => {
    if (answer) resultsRendered(answer.seq, answer);
  }, [answer]);

  const items = useMemo<Item[]>(() => {
    const trimmed = query.trim();
    if (!trimmed) return commands.map((command) => ({ type: 'command', command }));
    const matched = commands
      .map((command) => ({ command, score: labelScore(trimmed, command.label) }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 4)
      .map(({ command }): Item => ({ type: 'command', command }));
    const hits = answer ? answer.hits.map((hit): Item => ({ type: 'hit', hit })) : [];
    return [...matched, ...hits];
  }, [query, commands, answer]);

  const current = Math.min(active, Math.max(0, items.length - 1));
  useEffect(() => {
    const el = listRef.current?.querySelector(`[data-index="${current}"]`) as HTMLElement | null;
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setQuery(value);
    setActive(0);
    if (value.trim()) {
      const { seq, answer: now } = engine.queryNow(value, RESULT_LIMIT, ANSWER_WAIT_MS);
      keystrokeSent(seq, event.timeStamp);
      // Answered within the keystroke: the results render with the typed character, in one frame.
      if (now) setAnswer(now);
    } else {
      engine.cancel();
      keystrokesDropped();
      setAnswer(null);
    }
  };

  const activate = (item: Item | undefined) => {
    if (!item) return;
    onClose();
    if (item.type === 'command') item.command.run();
    else navigate(pathOf(item.hit));
  };
  // Rows are memoised: stable handlers that read the latest items through a ref.
  const latest = useRef({ items, activate });
  latest.current = { items, activate };
  const pick = useCallback((i: number) => latest.current.activate(latest.current.items[i]), []);
  const hover = useCallback((i: number) => setActive(i), []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (items.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + items.length) % items.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      activate(items[current]);
    } else if (event.key === 'Home' && event.ctrlKey) {
      setActive(0);
    }
  };

  const optionId = (i: number) => `search-option-${i}`;
  const firstHit = items.findIndex((i) => i.type === 'hit');
  const searching = query.trim().length > 0;
  const nothing = searching && answer !== null && answer.query === query && items.length === 0;

  return (
    <div>
      <div className={classes.inputWrap}>
        <IconSearch size={20} className={classes.inputIcon} aria-hidden />
        <input
          className={classes.input}
          data-autofocus
          autoFocus
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls="search-listbox"
          aria-autocomplete="list"
          aria-activedescendant={items.length > 0 ? optionId(current) : undefined}
          aria-label={t('search.input')}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={onChange}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div ref={listRef} id="search-listbox" role="listbox" aria-label={t('search.results')} className={classes.list}>
        {items.map((item, i) => (
          <Row
            // Keyed by position: a new answer replaces every row, and updating 20 rows' text in
            // place costs a fraction of unmounting them and mounting 20 new ones (icons included).
            // eslint-disable-next-line react/no-array-index-key
            key={i}
            index={i}
            id={optionId(i)}
            selected={i === current}
            header={i === 0 && item.type === 'command' ? t('search.commands') : i === firstHit ? t('search.results') : null}
            icon={item.type === 'command' ? item.command.icon : KIND_ICON[item.hit.kind]}
            title={item.type === 'command' ? item.command.label : item.hit.title}
            detail={item.type === 'hit' ? item.hit.detail : ''}
            kind={t(`search.kinds.${item.type === 'command' ? 'command' : item.hit.kind}`)}
            onPick={pick}
            onHover={hover}
          />
        ))}
      </div>
      {nothing && (
        <div className={classes.status} role="status">
          {t('search.empty', { query })}
        </div>
      )}
      {searching && !status.ready && firstHit < 0 && (
        <div className={classes.status} role="status">
          {t('search.indexing')}
        </div>
      )}
      <div className={classes.footer}>{t('search.hint')}</div>
    </div>
  );
}

interface RowProps {
  index: number;
  id: string;
  selected: boolean;
  header: string | null;
  icon: Icon;
  title: string;
  detail: string;
  kind: string;
  onPick(index: number): void;
  onHover(index: number): void;
}

/** One option of the listbox (memoised: a keystroke re-renders only the rows that changed). */
const Row = memo(function Row({ index, id, selected, header, icon: Icon, title, detail, kind, onPick, onHover }: RowProps) {
  return (
    <div role="presentation">
      {header && (
        <div className={classes.group} role="presentation" aria-hidden>
          {header}
        </div>
      )}
      <div
        id={id}
        data-index={index}
        role="option"
        aria-selected={selected}
        className={classes.option}
        onMouseMove={() => !selected && onHover(index)}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onPick(index)}
      >
        <Icon size={18} stroke={1.6} className={classes.icon} aria-hidden />
        <div className={classes.text}>
          <div className={classes.title}>{title}</div>
          {detail && <div className={classes.detail}>{detail}</div>}
        </div>
        <span className={classes.kind}>{kind}</span>
      </div>
    </div>
  );
});
