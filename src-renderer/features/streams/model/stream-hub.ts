// Routes `streams:items` / `streams:state` / `streams:deleted` events to the columns that show each source.
// Events are queued and applied to the buffers at most every `minIntervalMs`; the columns that changed are
// then told one after another, a few per animation frame, so no frame re-lays out the whole deck. Every
// item also goes to the archive, batched the same way, and deleted items leave it.
import type { ColumnState } from '../../../../src-shared/contract/streams-contract.ts';
import type { EventPayload } from '../../../../src-shared/contract/contract.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import type { ArchivePort, DeletedPost } from '../../../archive/archive-port.ts';
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
  /**
   * Columns told of new items per animation frame. Each one re-renders and re-lays out its list, so
   * spreading a busy deck's columns over consecutive frames keeps every frame short.
   */
  readonly columnsPerFrame?: number;
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
  /** Takes the items `drop` picks out of every column (a post the user just deleted). */
  removeItems(drop: (item: StreamItem) => boolean): void;
  clear(columnId: string): void;
  /** Applies queued events and tells every changed column now (the frame loop does it otherwise). */
  flush(): void;
}

type ItemsEvent = EventPayload<'streams:items'>;
type DeletedEvent = EventPayload<'streams:deleted'>;
/** Arrivals and deletions, applied in the order main sent them. */
type Queued =
  | { readonly kind: 'items'; readonly event: ItemsEvent }
  | { readonly kind: 'deleted'; readonly event: DeletedEvent };

/** Deletions remembered so a late copy of a deleted post (an older poll, the archive) stays out. */
const REMEMBERED_DELETIONS = 2_000;

const deletionKey = (accountId: string, actionRef: string): string => `${accountId}\n${actionRef}`;

export function createStreamHub(options: HubOptions): StreamHub {
  const frames = options.frames ?? animationFrames;
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  const columns = new Map<string, ColumnModel>();
  const byKey = new Map<string, Set<string>>();
  const states = new Map<string, ColumnState>();
  const listeners = new Map<string, Set<() => void>>();
  let queue: Queued[] = [];
  /** Insertion-ordered, so the oldest is forgotten first. */
  const deleted = new Set<string>();
  let frame: number | null = null;
  let waiting: ReturnType<typeof setTimeout> | null = null;
  let lastFlush = -Infinity;
  const minInterval = options.minIntervalMs ?? 0;
  const perFrame = Math.max(1, options.columnsPerFrame ?? 1);
  /** Columns whose buffers changed but which have not been told yet, in arrival order. */
  const dirty = new Set<string>();
  let drainFrame: number | null = null;

  const notify = (columnId: string) => {
    dirty.delete(columnId);
    const model = columns.get(columnId);
    if (model) model.version += 1;
    for (const listener of listeners.get(columnId) ?? []) listener();
  };
  const schedule = () => {
    if (frame !== null || waiting !== null) return;
    const wait = lastFlush + minInterval - performance.now();
    if (wait <= 0) frame = frames.request(flushFromFrame);
    else
      waiting = setTimeout(() => {
        waiting = null;
        frame = frames.request(flushFromFrame);
      }, wait);
  };

  const isDeleted = (item: StreamItem): boolean =>
    item.network === 'mastodon' &&
    item.accountId !== null &&
    item.actionRef !== null &&
    deleted.has(deletionKey(item.accountId, item.actionRef));

  const remember = ({ accountId, actionRef }: DeletedEvent): void => {
    const key = deletionKey(accountId, actionRef);
    deleted.delete(key);
    deleted.add(key);
    if (deleted.size > REMEMBERED_DELETIONS) {
      const oldest = deleted.values().next();
      if (!oldest.done) deleted.delete(oldest.value);
    }
  };

  /** Takes deleted posts out of every column (boosts and notifications of them too). */
  function dropDeleted(changed: Set<string>): void {
    for (const model of columns.values()) {
      // Unread arrivals sit on top; those still in the buffer are the newest `unread - heldDropped`.
      const { keys, amongNewest } = model.buffer.removeWhere(
        isDeleted,
        model.unread - model.buffer.heldDropped,
      );
      if (keys.length === 0) continue;
      model.unread = Math.max(0, model.unread - amongNewest);
      changed.add(model.columnId);
    }
  }

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

  function drain(): void {
    drainFrame = null;
    let told = 0;
    for (const columnId of dirty) {
      if (told === perFrame) break;
      notify(columnId);
      told += 1;
    }
    if (dirty.size > 0) drainFrame = frames.request(drain);
  }

  function flushFromFrame(): void {
    frame = null;
    applyQueued();
    if (dirty.size > 0 && drainFrame === null) drain();
  }

  function flush(): void {
    if (frame !== null) frames.cancel(frame);
    frame = null;
    applyQueued();
    for (const columnId of [...dirty]) notify(columnId);
  }

  function withoutDeleted(event: ItemsEvent): ItemsEvent {
    if (deleted.size === 0 || !event.items.some(isDeleted)) return event;
    return { ...event, items: event.items.filter((item) => !isDeleted(item)) };
  }

  function applyQueued(): void {
    lastFlush = performance.now();
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    const changed = dirty;
    const arrivals = new Map<string, number>();
    const toArchive = new Map<string, StreamItem[]>();
    const deletedPosts: DeletedPost[] = [];
    let deletionsPending = false;
    for (const entry of batch) {
      if (entry.kind === 'deleted') {
        remember(entry.event);
        const { network, accountId, actionRef } = entry.event;
        deletedPosts.push({ network, accountId, actionRef });
        deletionsPending = true;
        continue;
      }
      // Deletions apply before later arrivals, in one pass over the columns for a run of them.
      if (deletionsPending) dropDeleted(changed);
      deletionsPending = false;
      const event = withoutDeleted(entry.event);
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
    if (deletionsPending) dropDeleted(changed);
    // The archive also forgets copies no column shows (older boosts, notifications beyond the buffer).
    if (deletedPosts.length > 0) {
      options.archive
        .removeDeleted(deletedPosts)
        .catch((error: unknown) => console.error('Archive removal failed', error));
    }
    for (const [key, items] of toArchive) {
      // Arrivals earlier in this batch than their deletion were shown and dropped; they are not stored.
      const kept = deleted.size > 0 ? items.filter((item) => !isDeleted(item)) : items;
      if (kept.length === 0) continue;
      options.archive
        .ingest(key, kept)
        .catch((error: unknown) => console.error('Archive ingest failed', error));
    }
    for (const [columnId, count] of arrivals) options.onArrivals?.(columnId, count);
  }

  const hub: StreamHub = {
    start() {
      const offItems = options.client.on('streams:items', (event) => {
        queue.push({ kind: 'items', event });
        schedule();
      });
      const offDeleted = options.client.on('streams:deleted', (event) => {
        queue.push({ kind: 'deleted', event });
        schedule();
      });
      const offState = options.client.on('streams:state', ({ columnKey, state }) => {
        states.set(columnKey, state);
        for (const columnId of byKey.get(columnKey) ?? []) notify(columnId);
      });
      return () => {
        offItems();
        offDeleted();
        offState();
        if (frame !== null) frames.cancel(frame);
        if (drainFrame !== null) frames.cancel(drainFrame);
        if (waiting !== null) clearTimeout(waiting);
        frame = null;
        drainFrame = null;
        waiting = null;
        queue = [];
        dirty.clear();
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
        .then((stored) => {
          // A deletion may have overtaken this read.
          const items = deleted.size > 0 ? stored.filter((item) => !isDeleted(item)) : stored;
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
      dirty.delete(columnId);
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
    removeItems(drop) {
      for (const model of columns.values()) {
        const { keys, amongNewest } = model.buffer.removeWhere(drop, model.unread - model.buffer.heldDropped);
        if (keys.length === 0) continue;
        model.unread = Math.max(0, model.unread - amongNewest);
        notify(model.columnId);
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
