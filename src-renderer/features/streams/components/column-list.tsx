// A column's items in a virtualised list, newest at the top. Arrivals never move what the reader looks at:
// away from the top (or when paused) they wait behind the "N new" pill, which brings them in.
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { compileFilter } from '../../../../src-shared/filters/column-filter.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { useDeck, type ColumnHandle } from '../deck-context.ts';
import type { DeckColumn } from '../model/layout.ts';
import type { ColumnModel } from '../model/stream-hub.ts';
import { cachedPredicate, columnView, type ColumnView } from './column-rows.ts';
import { ItemCard } from './item-card.tsx';

const AT_TOP_PX = 4;
const ESTIMATE_PX = 140;
const OLDER_KEY = '__older__';
const estimateSize = () => ESTIMATE_PX;

/**
 * Row heights come from the ResizeObserver's entries only. Measuring a new row synchronously on mount
 * (getBoundingClientRect) forces a layout per row, which at a hundred arrivals a second is most of the
 * frame; the observer reports the same size right after the next layout, at no extra cost.
 */
function measureRow(
  el: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLDivElement, Element>,
): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  const key = instance.options.getItemKey(Number((el as HTMLElement).dataset.index));
  return instance.itemSizeCache.get(key) ?? ESTIMATE_PX;
}

export interface ColumnListProps {
  readonly column: DeckColumn;
  readonly model: ColumnModel;
  readonly visible: boolean;
  /** The column's part of the keyboard handle (everything but focusing the header). */
  readonly register: (handle: Omit<ColumnHandle, 'focusHeader' | 'toggle'>) => void;
}

export function ColumnList({ column, model, visible, register }: ColumnListProps) {
  const { t } = useTranslation();
  const { hub } = useDeck();
  const { client } = useServices();
  const version = useSyncExternalStore(
    useCallback((cb: () => void) => hub.subscribe(column.id, cb), [hub, column.id]),
    () => model.version,
  );
  const filterJson = JSON.stringify(column.filter);
  const passes = useMemo(
    () => cachedPredicate(compileFilter(JSON.parse(filterJson) as DeckColumn['filter'])),
    [filterJson],
  );
  // `version` is the buffer's change signal: the rows array is replaced on every change.
  const lastView = useRef<ColumnView | undefined>(undefined);
  const view = useMemo(() => columnView(model, passes, lastView.current), [model, passes, version]);
  lastView.current = view;
  const selectedKey = useRoost((s) => (s.focusedColumnId === column.id ? s.selectedItemKey : null));
  const replyingKey = useRoost((s) => s.replyingKey);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [atTop, setAtTop] = useState(true);
  const [olderState, setOlderState] = useState<'idle' | 'loading'>('idle');

  const rows = view.rows;
  // A new key function tells the virtualizer to re-walk every row's position (2,000 per column), so it
  // changes only with the rows, not on the renders that scrolling and measuring cause.
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? OLDER_KEY, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length + 1,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    measureElement: measureRow,
    overscan: 3,
  });

  // Held arrivals while away from the top or paused; at the top they flow straight in.
  useEffect(() => {
    const holding = !atTop || column.paused;
    hub.setHolding(column.id, holding);
    if (!holding && model.buffer.held > 0) hub.release(column.id);
  }, [atTop, column.paused, column.id, hub, model]);

  useEffect(() => {
    if (visible && atTop && !column.paused) hub.markRead(column.id);
  }, [visible, atTop, column.paused, column.id, hub, version]);

  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  useEffect(() => {
    register({
      itemKeys: () => rowsRef.current.flatMap((r) => (r.kind === 'item' ? [r.key] : [])),
      item: (key) => {
        const row = rowsRef.current.find((r) => r.key === key);
        return row?.kind === 'item' ? row.item : undefined;
      },
      reveal: (key) => {
        const index = rowsRef.current.findIndex((r) => r.key === key);
        if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
      },
    });
  }, [register, virtualizer]);

  const showHeld = () => {
    // Through the virtualizer, so its own idea of the offset is not stale when the new rows come in.
    virtualizer.scrollToOffset(0);
    setAtTop(true);
    hub.release(column.id);
  };

  const loadOlder = async () => {
    setOlderState('loading');
    await client.call('streams:loadOlder', { columnId: column.id });
    setOlderState('idle');
  };

  return (
    <div className="column__body">
      {view.heldCount > 0 && (
        <button type="button" className="column__pill" onClick={showHeld}>
          {t('streams.column.newItems', { count: view.heldCount })}
        </button>
      )}
      <div
        ref={scrollRef}
        className="column__scroller"
        data-testid={`column-scroller-${column.id}`}
        onScroll={(e) => {
          const top = e.currentTarget.scrollTop <= AT_TOP_PX;
          if (top !== atTop) setAtTop(top);
        }}
      >
        {rows.length === 0 && <p className="column__empty">{t('streams.column.empty')}</p>}
        <div className="column__canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            return (
              <div
                key={v.key}
                data-index={v.index}
                ref={virtualizer.measureElement}
                className="column__row"
                style={{ transform: `translateY(${v.start}px)` }}
              >
                {row === undefined ? (
                  rows.length > 0 && (
                    <button
                      type="button"
                      className="column__older"
                      disabled={olderState === 'loading'}
                      onClick={() => void loadOlder()}
                    >
                      {olderState === 'loading'
                        ? t('streams.column.loadingOlder')
                        : t('streams.column.loadOlder')}
                    </button>
                  )
                ) : row.kind === 'gap' ? (
                  <button
                    type="button"
                    className="column__gap"
                    onClick={() => void client.call('streams:loadGap', { columnId: column.id, gap: row.gap })}
                  >
                    {t('streams.column.loadGap')}
                  </button>
                ) : (
                  <ItemCard
                    item={row.item}
                    selected={row.key === selectedKey}
                    replying={row.key === replyingKey}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
