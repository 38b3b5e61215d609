// The deck's long-lived part: the stream hub, main's subscription to every column, and the alert notifier.
// It runs while anything holds it (the app frame holds it for the app's lifetime), so alert columns keep
// notifying while the user is in another section; the deck view only attaches to it.
import { liveQuery } from 'dexie';
import type { i18n } from 'i18next';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import type { RoostClient } from '../../bridge/client.ts';
import type { RoostStore } from '../../store/store.ts';
import type { ColumnHandle, DeckRuntime } from './deck-context.ts';
import type { DeckSetup } from './deck-setup.tsx';
import { createAlertNotifier } from './notifications/alert-notifier.ts';
import type { DeckColumn } from './model/layout.ts';
import { createStreamHub, type ColumnModel } from './model/stream-hub.ts';

export interface Subscriptions {
  readonly models: ReadonlyMap<string, ColumnModel>;
  /** Error codes of columns main refused to subscribe. */
  readonly failures: ReadonlyMap<string, string>;
}

export interface StreamsRuntime extends DeckRuntime {
  /** Starts everything on the first hold and stops it when the last holder lets go. */
  retain(): () => void;
  /** A deck view is on screen; when the last one goes, every column counts as off screen. */
  attachView(): () => void;
  subscriptions(): Subscriptions;
  onSubscriptions(listener: () => void): () => void;
}

export interface RuntimeServices {
  readonly client: RoostClient;
  readonly store: RoostStore;
  readonly i18n: i18n;
}

const runtimes = new WeakMap<DeckSetup, StreamsRuntime>();

/** One runtime per setup, so the app frame and the deck view share the same hub and subscriptions. */
export function streamsRuntimeFor(setup: DeckSetup, services: RuntimeServices): StreamsRuntime {
  let runtime = runtimes.get(setup);
  if (!runtime) {
    runtime = createStreamsRuntime(setup, services);
    runtimes.set(setup, runtime);
  }
  return runtime;
}

export function createStreamsRuntime(setup: DeckSetup, services: RuntimeServices): StreamsRuntime {
  const { client, store, i18n } = services;
  let columns: readonly DeckColumn[] = [];
  const alertColumn = (id: string) => columns.find((c) => c.id === id && c.alert);
  const handles = new Map<string, ColumnHandle>();
  const notifier = createAlertNotifier({
    Notification: setup.Notification,
    timers: setup.timers,
    describe: (id, count) => {
      const column = alertColumn(id);
      if (!column) return null;
      return {
        title: i18n.t('streams.notify.title', { title: column.title }),
        body: i18n.t('streams.notify.body', { count }),
      };
    },
    onClick: (id) => {
      const column = alertColumn(id);
      if (!column) return;
      store.getState().navigate('streams');
      store.getState().setActiveWorkspace(column.workspaceId);
      store.getState().focusColumn(id);
    },
  });
  const hub = createStreamHub({
    client,
    archive: setup.archive,
    frames: setup.frames,
    capacity: setup.capacity,
    minIntervalMs: setup.minIntervalMs ?? 250,
    columnsPerFrame: setup.columnsPerFrame,
    onArrivals: (id, count) => {
      if (alertColumn(id)) notifier.arrivals(id, count);
    },
  });

  let snapshot: Subscriptions = { models: new Map(), failures: new Map() };
  const listeners = new Set<() => void>();
  const publish = (next: Partial<Subscriptions>) => {
    snapshot = { ...snapshot, ...next };
    for (const listener of listeners) listener();
  };
  /** columnId → source key of what main was asked to subscribe. */
  const subscribed = new Map<string, string>();
  let holds = 0;
  let views = 0;
  let stop: (() => void) | null = null;

  const onScreen = (column: DeckColumn) =>
    views > 0 && column.workspaceId === store.getState().activeWorkspaceId;

  function sync(next: readonly DeckColumn[]): void {
    columns = next;
    const wanted = new Map(next.map((c) => [c.id, c]));
    for (const [id, key] of [...subscribed]) {
      const column = wanted.get(id);
      if (column && columnSourceKey(column.source) === key) continue;
      subscribed.delete(id);
      hub.detach(id);
      void client.call('streams:unsubscribe', { columnId: id });
      publish({ models: without(snapshot.models, id) });
    }
    for (const column of next) {
      if (subscribed.has(column.id)) continue;
      const key = columnSourceKey(column.source);
      subscribed.set(column.id, key);
      void client
        .call('streams:subscribe', { columnId: column.id, source: column.source, visible: onScreen(column) })
        .then((result) => {
          if (subscribed.get(column.id) !== key) return;
          if (!result.ok) {
            subscribed.delete(column.id);
            publish({ failures: new Map(snapshot.failures).set(column.id, result.error.code) });
            return;
          }
          const model = hub.attach(column.id, result.value.columnKey);
          hub.setVisible(column.id, onScreen(column));
          publish({
            failures: without(snapshot.failures, column.id),
            models: new Map(snapshot.models).set(column.id, model),
          });
        });
    }
    markOffScreen();
  }

  /** Columns of other workspaces, or of a deck nobody is looking at: main may poll them less, arrivals are unread. */
  function markOffScreen(): void {
    for (const column of columns) {
      if (onScreen(column) || !subscribed.has(column.id)) continue;
      if (hub.column(column.id)?.visible === false) continue;
      hub.setVisible(column.id, false);
      void client.call('streams:setVisible', { columnId: column.id, visible: false });
    }
  }

  function start(): () => void {
    const stopHub = hub.start();
    const layoutQuery = liveQuery(() => setup.layout.load()).subscribe({
      next: (layout) => sync(layout.columns),
      error: (error: unknown) => console.error('The deck layout could not be read.', error),
    });
    let active = store.getState().activeWorkspaceId;
    const offStore = store.subscribe((state) => {
      if (state.activeWorkspaceId === active) return;
      active = state.activeWorkspaceId;
      markOffScreen();
    });
    return () => {
      layoutQuery.unsubscribe();
      offStore();
      stopHub();
      notifier.stop();
      for (const id of subscribed.keys()) {
        hub.detach(id);
        void client.call('streams:unsubscribe', { columnId: id });
      }
      subscribed.clear();
      columns = [];
      publish({ models: new Map(), failures: new Map() });
    };
  }

  return {
    hub,
    layout: setup.layout,
    archive: setup.archive,
    notifier,
    handles,
    retain() {
      holds += 1;
      if (holds === 1) stop = start();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds -= 1;
        if (holds === 0) {
          stop?.();
          stop = null;
        }
      };
    },
    attachView() {
      views += 1;
      let detached = false;
      return () => {
        if (detached) return;
        detached = true;
        views -= 1;
        if (views === 0) markOffScreen();
      };
    },
    subscriptions: () => snapshot,
    onSubscriptions(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

function without<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> {
  if (!map.has(key)) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}
