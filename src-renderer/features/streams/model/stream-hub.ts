// Routes `streams:items` / `streams:state` events to the columns that show each source. Events are queued
// and applied once per animation frame, so a hundred items a second across a dozen columns costs one
// render per column per frame at most. Every item also goes to the archive, batched the same way.
import type { ColumnState } from '../../../../src-shared/contract/streams-contract.ts';
import type { EventPayload } from '../../../../src-shared/contract/contract.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import type { ArchivePort } from '../../../archive/archive-port.ts';
import type { RoostClient } from '../../../bridge/client.ts';
import { ColumnBuffer, DEFAULT_CAPACITY } from './column-buffer.ts';

export interface FrameScheduler {
  request(cb: () => void): number;
  cancel(handle: number): void;
}

export const animationFrames: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export interface ColumnModel {
  readonly columnId: string;
  readonly columnKey: string;
  readonly buffer: ColumnBuffer;
  /** Arrivals are held behind the pill (scrolled away from the top, or paused). */
  holding: boolean;
  /** On screen, as the IntersectionObserver last said. */
  visible: boolean;
  /** New items the reader has not seen yet. */
  unread: number;
  /** Bumped on every change, for useSyncExternalStore. */
  version: number;
}

export interface HubOptions {
  readonly client: RoostClient;
  readonly archive: ArchivePort;
  readonly frames?: FrameScheduler;
  readonly capacity?: number;
  /**
   * Least time between two applications of queued events. Each application re-lays out every column
   * that received items, so coalescing a few frames' worth keeps a busy deck smooth.
   */
  readonly minIntervalMs?: number;
  /** Told how many new items a column received, for alert notifications. */
  readonly onArrivals?: (columnId: string, count: number) => void;
}

export interface StreamHub {
  start(): () => void;
  attach(columnId: string, columnKey: string): ColumnModel;
  detach(columnId: string): void;
  column(columnId: string): ColumnModel | undefined;
  state(columnKey: string): ColumnState | null;
  subscribe(columnId: string, listener: () => void): () => void;
  setHolding(columnId: string, holding: boolean): void;
  setVisible(columnId: string, visible: boolean): void;
  /** Shows held arrivals and marks the column read. */
  release(columnId: string): void;
  markRead(columnId: string): void;
  replaceItem(item: StreamItem): void;
  clear(columnId: string): void;
  /** Applies queued events now (tests and benchmarks; the frame loop calls it otherwise). */
  flush(): void;
}

type ItemsEvent = EventPayload<'streams:items'>;

export function createStreamHub(options: HubOptions): StreamHub {
  const frames = options.frames ?? animationFrames;
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  const columns = new Map<string, ColumnModel>();
  const byKey = new Map<string, Set<string>>();
  const states = new Map<string, ColumnState>();
  const listeners = new Map<string, Set<() => void>>();
  let queue: ItemsEvent[] = [];
  let frame: number | null = null;
  let waiting: ReturnType<typeof setTimeout> | null = null;
  let lastFlush = -Infinity;
  const minInterval = options.minIntervalMs ?? 0;

  const notify = (columnId: string) => {
    const model = columns.get(columnId);
    if (model) model.version += 1;
    for (const listener of listeners.get(columnId) ?? []) listener();
  };
  const schedule = () => {
    if (frame !== null || waiting !== null) return;
    const wait = lastFlush + minInterval - performance.now();
    if (wait <= 0) frame = frames.request(flush);
    else
      waiting = setTimeout(() => {
        waiting = null;
        frame = frames.request(flush);
      }, wait);
  };

  function apply(model: ColumnModel, event: ItemsEvent): number {
    const buffer = model.buffer;
    // Older and gap-filling items are ones the reader asked for: not new, not unread.
    if (event.position === 'older') {
      buffer.addOlder(event.items);
      return 0;
    }
    if (event.position === 'gap' && event.gap) {
      buffer.fillGap(event.items, event.gap);
      return 0;
    }
    const added = buffer.addNewer(event.items, event.gap, model.holding);
    if (added > 0 && (model.holding || !model.visible)) model.unread += added;
    return added;
  }

  function flush(): void {
    frame = null;
    lastFlush = performance.now();
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    const changed = new Set<string>();
    const arrivals = new Map<string, number>();
    const toArchive = new Map<string, StreamItem[]>();
    for (const event of batch) {
      if (event.items.length > 0) {
        const list = toArchive.get(event.columnKey) ?? [];
        for (const item of event.items) list.push(item);
        toArchive.set(event.columnKey, list);
      }
      for (const columnId of byKey.get(event.columnKey) ?? []) {
        const model = columns.get(columnId);
        if (!model) continue;
        const added = apply(model, event);
        if (added > 0) arrivals.set(columnId, (arrivals.get(columnId) ?? 0) + added);
        changed.add(columnId);
      }
    }
    for (const [key, items] of toArchive) {
      options.archive
        .ingest(key, items)
        .catch((error: unknown) => console.error('Archive ingest failed', error));
    }
    for (const columnId of changed) notify(columnId);
    for (const [columnId, count] of arrivals) options.onArrivals?.(columnId, count);
  }

  const hub: StreamHub = {
    start() {
      const offItems = options.client.on('streams:items', (event) => {
        queue.push(event);
        schedule();
      });
      const offState = options.client.on('streams:state', ({ columnKey, state }) => {
        states.set(columnKey, state);
        for (const columnId of byKey.get(columnKey) ?? []) notify(columnId);
      });
      return () => {
        offItems();
        offState();
        if (frame !== null) frames.cancel(frame);
        if (waiting !== null) clearTimeout(waiting);
        frame = null;
        waiting = null;
        queue = [];
      };
    },
    attach(columnId, columnKey) {
      const existing = columns.get(columnId);
      if (existing && existing.columnKey === columnKey) return existing;
      if (existing) hub.detach(columnId);
      const model: ColumnModel = {
        columnId,
        columnKey,
        buffer: new ColumnBuffer(capacity),
        holding: false,
        visible: true,
        unread: 0,
        version: 0,
      };
      columns.set(columnId, model);
      const ids = byKey.get(columnKey) ?? new Set<string>();
      ids.add(columnId);
      byKey.set(columnKey, ids);
      // What the column held last time shows at once; live items that beat it to the buffer stay on top.
      options.archive
        .loadColumn(columnKey, capacity)
        .then((items) => {
          if (columns.get(columnId) !== model || items.length === 0) return;
          model.buffer.addOlder(items);
          notify(columnId);
        })
        .catch((error: unknown) => console.error('Archive load failed', error));
      return model;
    },
    detach(columnId) {
      const model = columns.get(columnId);
      if (!model) return;
      columns.delete(columnId);
      const ids = byKey.get(model.columnKey);
      ids?.delete(columnId);
      if (ids && ids.size === 0) byKey.delete(model.columnKey);
    },
    column: (columnId) => columns.get(columnId),
    state: (columnKey) => states.get(columnKey) ?? null,
    subscribe(columnId, listener) {
      const set = listeners.get(columnId) ?? new Set();
      set.add(listener);
      listeners.set(columnId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(columnId);
      };
    },
    setHolding(columnId, holding) {
      const model = columns.get(columnId);
      if (model && model.holding !== holding) {
        model.holding = holding;
        notify(columnId);
      }
    },
    setVisible(columnId, visible) {
      const model = columns.get(columnId);
      if (model) model.visible = visible;
    },
    release(columnId) {
      const model = columns.get(columnId);
      if (!model) return;
      model.buffer.release();
      model.unread = 0;
      notify(columnId);
    },
    markRead(columnId) {
      const model = columns.get(columnId);
      if (model && model.unread > 0 && model.buffer.held === 0) {
        model.unread = 0;
        notify(columnId);
      }
    },
    replaceItem(item) {
      for (const model of columns.values()) {
        if (model.buffer.has(item.key)) {
          model.buffer.replaceItem(item);
          notify(model.columnId);
        }
      }
    },
    clear(columnId) {
      const model = columns.get(columnId);
      if (!model) return;
      model.buffer.clear();
      model.unread = 0;
      notify(columnId);
    },
    flush,
  };
  return hub;
}
