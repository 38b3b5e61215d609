// Live Mastodon columns: one streaming connection per account and channel, shared by every column it feeds.
// Streamed items go out like polled ones, deletions as their own event; while a connection is open the poller
// only safety-polls its columns.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { ColumnSource } from '../../src-shared/domain/column.ts';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import {
  backoffDelay,
  startStreaming,
  type BackoffPolicy,
  type SocketFactory,
  type StreamingHandle,
  type StreamName,
  type StreamState,
  type StreamTimers,
} from '../connectors/mastodon/streaming.ts';
import type { ItemsBatch, StreamEvent } from './column-state.ts';
import { createRecentKeys, type RecentKeys } from './recent-keys.ts';
import { connectionKey, streamRouteFor, type StreamRoute } from './stream-routes.ts';

/** Where and as whom an account streams. */
export interface StreamTarget {
  /** ws(s):// base of the streaming host. */
  readonly baseUrl: string;
  readonly accessToken: string;
  /** Instance origin, to resolve local handles. */
  readonly origin: string;
}

/** A status its author deleted, by its instance-local id (the items' actionRef). */
export interface StreamDeletion {
  readonly accountId: string;
  readonly network: 'mastodon';
  readonly actionRef: string;
}

export interface StreamingManagerOptions {
  readonly timers: StreamTimers;
  /**
   * The account's streaming target; null when its network has no streaming (Bluesky). Rejects with an
   * `auth_failed` RoostError when the account's credentials are missing or refused.
   */
  readonly resolve: (accountId: string) => Promise<StreamTarget | null>;
  /** The poller's switch between full polling and a slow safety poll. */
  readonly markStreaming: (columnKey: string, streaming: boolean) => void;
  /** Streamed items, one batch per item, placed above everything the column holds. */
  readonly onItems: (batch: ItemsBatch) => void;
  /** Deleted statuses, once per account however many of its streams announce them. */
  readonly onDeleted: (deletion: StreamDeletion) => void;
  readonly onNeedsSignIn: (accountId: string) => void;
  /** Problems absorbed here (the client reconnects, the poller covers meanwhile), for logs. */
  readonly onError?: (connection: string, error: unknown) => void;
  readonly socketFactory?: SocketFactory;
  /** Reconnects of a dropped socket. */
  readonly backoff?: BackoffPolicy;
  /** Retries when the target could not be resolved (instance unreachable). */
  readonly resolveBackoff?: BackoffPolicy;
  readonly heartbeatMs?: number;
  readonly idleTimeoutMs?: number;
  /** How many delivered keys each column remembers for deduplication. */
  readonly recentKeysPerColumn?: number;
  /** How many deleted ids each account remembers, so a delete its several streams repeat goes out once. */
  readonly recentDeletesPerAccount?: number;
}

export interface StreamingManager {
  /**
   * A column on `source` (the poller's `columnKey`) was subscribed; returns its release. Sources without a
   * streaming counterpart (search, author, RSS) get a release that does nothing.
   */
  attach(columnKey: string, source: ColumnSource): () => void;
  /** Items the poller delivered, remembered so the stream does not deliver them again. */
  notePolled(event: StreamEvent): void;
  setOnline(online: boolean): void;
  suspend(): void;
  resume(): void;
  /** The account signed in again: its connections reopen with the new credentials. */
  resumeAccount(accountId: string): void;
  /** Whether an open connection feeds the column. */
  isLive(columnKey: string): boolean;
  /** Connections currently wanted (opening, open or reconnecting), for diagnostics and tests. */
  connectionCount(): number;
  stop(): void;
}

interface Column {
  readonly key: string;
  readonly route: StreamRoute;
  readonly conn: Connection;
  readonly recent: RecentKeys;
  refs: number;
}

interface Connection {
  readonly key: string;
  readonly accountId: string;
  readonly stream: StreamName;
  readonly param: string | null;
  readonly columns: Set<Column>;
  /** Bumped on every open and close, so callbacks of a superseded attempt are ignored. */
  generation: number;
  active: boolean;
  live: boolean;
  handle: StreamingHandle | null;
  retryTimer: unknown;
  resolveFailures: number;
}

const DEFAULT_RESOLVE_BACKOFF: BackoffPolicy = { initialMs: 15_000, maxMs: 10 * 60_000 };

export function createStreamingManager(options: StreamingManagerOptions): StreamingManager {
  const { timers } = options;
  const recentLimit = options.recentKeysPerColumn ?? 1_000;
  const deletesLimit = options.recentDeletesPerAccount ?? 1_000;
  const resolveBackoff = options.resolveBackoff ?? DEFAULT_RESOLVE_BACKOFF;
  const columns = new Map<string, Column>();
  const connections = new Map<string, Connection>();
  const accountsNeedingSignIn = new Set<string>();
  const recentDeletes = new Map<string, RecentKeys>();
  let online = true;
  let suspended = false;
  let stopped = false;

  const report = (conn: Connection, error: unknown): void => options.onError?.(conn.key, error);

  const wanted = (conn: Connection): boolean =>
    !stopped && online && !suspended && conn.columns.size > 0 && !accountsNeedingSignIn.has(conn.accountId);

  const setLive = (conn: Connection, live: boolean): void => {
    if (conn.live === live) return;
    conn.live = live;
    for (const col of conn.columns) options.markStreaming(col.key, live);
  };

  const close = (conn: Connection): void => {
    conn.generation += 1;
    conn.active = false;
    if (conn.retryTimer !== null) timers.clearTimeout(conn.retryTimer);
    conn.retryTimer = null;
    const handle = conn.handle;
    conn.handle = null;
    handle?.stop();
    setLive(conn, false);
  };

  const reconcile = (conn: Connection): void => {
    if (wanted(conn)) {
      if (!conn.active) open(conn);
    } else if (conn.active) {
      close(conn);
    }
  };

  const reconcileAll = (): void => {
    for (const conn of connections.values()) reconcile(conn);
  };

  const needsSignIn = (accountId: string, error: unknown): void => {
    if (accountsNeedingSignIn.has(accountId)) return;
    accountsNeedingSignIn.add(accountId);
    for (const conn of connections.values()) {
      if (conn.accountId !== accountId) continue;
      report(conn, error);
      close(conn);
    }
    options.onNeedsSignIn(accountId);
  };

  const open = (conn: Connection): void => {
    conn.active = true;
    const mine = ++conn.generation;
    const current = (): boolean => mine === conn.generation && !stopped;
    options.resolve(conn.accountId).then(
      (target) => {
        if (!current() || target === null) return;
        conn.resolveFailures = 0;
        conn.handle = startStreaming({
          baseUrl: target.baseUrl,
          accessToken: target.accessToken,
          origin: target.origin,
          accountId: conn.accountId,
          stream: conn.stream,
          ...(conn.param === null ? {} : { param: conn.param }),
          timers,
          ...(options.socketFactory ? { socketFactory: options.socketFactory } : {}),
          ...(options.backoff ? { backoff: options.backoff } : {}),
          ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
          ...(options.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.idleTimeoutMs }),
          onState: (state) => {
            if (current()) onState(conn, state);
          },
          onStatus: (item, info) => {
            if (current()) deliver(conn, 'statuses', item, info.edited);
          },
          onNotification: (item) => {
            if (current()) deliver(conn, 'notifications', item, false);
          },
          onDelete: (statusId) => {
            if (current()) deleted(conn.accountId, statusId);
          },
          onError: (error) => {
            if (current()) report(conn, error);
          },
        });
      },
      (error: unknown) => {
        if (!current()) return;
        if (error instanceof RoostError && error.code === 'auth_failed') {
          needsSignIn(conn.accountId, error);
          return;
        }
        // Instance unreachable or similar: the poller keeps the column fresh; try the stream again later.
        report(conn, error);
        const delayMs = backoffDelay(conn.resolveFailures, resolveBackoff, timers.random);
        conn.resolveFailures += 1;
        conn.retryTimer = timers.setTimeout(() => {
          conn.retryTimer = null;
          if (!current()) return;
          conn.active = false;
          reconcile(conn);
        }, delayMs);
      },
    );
  };

  const onState = (conn: Connection, state: StreamState): void => {
    switch (state) {
      case 'open':
        setLive(conn, true);
        return;
      case 'auth_failed':
        setLive(conn, false);
        needsSignIn(
          conn.accountId,
          new RoostError('auth_failed', 'Streaming: the server rejected the access token.'),
        );
        return;
      default:
        // connecting, reconnecting, stopped: the poller polls normally until the stream is open again.
        setLive(conn, false);
    }
  };

  const deliver = (
    conn: Connection,
    events: StreamRoute['events'],
    item: StreamItem,
    edited: boolean,
  ): void => {
    for (const col of conn.columns) {
      if (col.route.events !== events || !col.route.accepts(item)) continue;
      // An edit carries a known key on purpose: it replaces the stored item.
      if (!edited && col.recent.has(item.key)) continue;
      col.recent.add(item.key);
      options.onItems({ kind: 'items', columnKey: col.key, items: [item], placement: 'newest' });
    }
  };

  const deleted = (accountId: string, actionRef: string): void => {
    let recent = recentDeletes.get(accountId);
    if (recent === undefined) {
      recent = createRecentKeys(deletesLimit);
      recentDeletes.set(accountId, recent);
    }
    if (recent.has(actionRef)) return;
    recent.add(actionRef);
    options.onDeleted({ accountId, network: 'mastodon', actionRef });
  };

  const release = (col: Column): void => {
    col.refs -= 1;
    if (col.refs > 0 || columns.get(col.key) !== col) return;
    columns.delete(col.key);
    const conn = col.conn;
    conn.columns.delete(col);
    if (conn.columns.size === 0) {
      close(conn);
      connections.delete(conn.key);
      const streamsLeft = [...connections.values()].some((other) => other.accountId === conn.accountId);
      if (!streamsLeft) recentDeletes.delete(conn.accountId);
    }
  };

  return {
    attach(columnKey, source) {
      const route = source.accountId === null ? null : streamRouteFor(source);
      if (stopped || route === null || source.accountId === null) return () => undefined;
      let col = columns.get(columnKey);
      if (col === undefined) {
        const key = connectionKey(source.accountId, route);
        let conn = connections.get(key);
        if (conn === undefined) {
          conn = {
            key,
            accountId: source.accountId,
            stream: route.stream,
            param: route.param,
            columns: new Set(),
            generation: 0,
            active: false,
            live: false,
            handle: null,
            retryTimer: null,
            resolveFailures: 0,
          };
          connections.set(key, conn);
        }
        col = { key: columnKey, route, conn, recent: createRecentKeys(recentLimit), refs: 0 };
        columns.set(columnKey, col);
        conn.columns.add(col);
        reconcile(conn);
      }
      // Also for a known column: the poller may have just recreated its side of it.
      if (col.conn.live) options.markStreaming(columnKey, true);
      col.refs += 1;
      const target = col;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release(target);
      };
    },

    notePolled(event) {
      if (event.kind !== 'items') return;
      const col = columns.get(event.columnKey);
      if (col === undefined) return;
      for (const item of event.items) col.recent.add(item.key);
    },

    setOnline(next) {
      online = next;
      reconcileAll();
    },

    suspend() {
      suspended = true;
      reconcileAll();
    },

    resume() {
      suspended = false;
      reconcileAll();
    },

    resumeAccount(accountId) {
      if (!accountsNeedingSignIn.delete(accountId)) return;
      for (const conn of connections.values()) {
        if (conn.accountId === accountId) reconcile(conn);
      }
    },

    isLive: (columnKey) => columns.get(columnKey)?.conn.live ?? false,

    connectionCount: () => [...connections.values()].filter((conn) => conn.active).length,

    stop() {
      if (stopped) return;
      stopped = true;
      for (const conn of connections.values()) close(conn);
      connections.clear();
      columns.clear();
      recentDeletes.clear();
    },
  };
}
