// Live Mastodon columns: one streaming connection per account and channel, shared by every column it feeds.
// Streamed items go out like polled ones, deletions as their own event; while a connection is open the poller
// only safety-polls its columns. This file keeps the columns attached to connections; the parts live in
// streaming/: streaming-connections.ts (open, close, resolve, sign-in), streaming-delivery.ts (items and
// deletions, each once), streaming-types.ts (the shapes).
import { createRecentKeys } from './recent-keys.ts';
import { connectionKey, streamRouteFor } from './stream-routes.ts';
import { createConnectionLifecycle, type StreamingLife } from './streaming/streaming-connections.ts';
import { createStreamDelivery } from './streaming/streaming-delivery.ts';
import type {
  Connection,
  StreamColumn,
  StreamingManager,
  StreamingManagerOptions,
} from './streaming/streaming-types.ts';

export type {
  StreamDeletion,
  StreamingManager,
  StreamingManagerOptions,
  StreamTarget,
} from './streaming/streaming-types.ts';

export function createStreamingManager(options: StreamingManagerOptions): StreamingManager {
  const recentLimit = options.recentKeysPerColumn ?? 1_000;
  const columns = new Map<string, StreamColumn>();
  const connections = new Map<string, Connection>();
  const accountsNeedingSignIn = new Set<string>();
  const life: StreamingLife = { online: true, suspended: false, stopped: false };
  const delivery = createStreamDelivery(options);
  const lifecycle = createConnectionLifecycle(options, connections, accountsNeedingSignIn, life, delivery);

  const connectionFor = (key: string, accountId: string, route: StreamColumn['route']): Connection => {
    let conn = connections.get(key);
    if (conn === undefined) {
      conn = {
        key,
        accountId,
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
    return conn;
  };

  const release = (col: StreamColumn): void => {
    col.refs -= 1;
    if (col.refs > 0 || columns.get(col.key) !== col) return;
    columns.delete(col.key);
    const conn = col.conn;
    conn.columns.delete(col);
    if (conn.columns.size === 0) {
      lifecycle.close(conn);
      connections.delete(conn.key);
      const streamsLeft = [...connections.values()].some((other) => other.accountId === conn.accountId);
      if (!streamsLeft) delivery.forget(conn.accountId);
    }
  };

  return {
    attach(columnKey, source) {
      const route = source.accountId === null ? null : streamRouteFor(source);
      if (life.stopped || route === null || source.accountId === null) return () => undefined;
      let col = columns.get(columnKey);
      if (col === undefined) {
        const conn = connectionFor(connectionKey(source.accountId, route), source.accountId, route);
        col = { key: columnKey, route, conn, recent: createRecentKeys(recentLimit), refs: 0 };
        columns.set(columnKey, col);
        conn.columns.add(col);
        lifecycle.reconcile(conn);
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
      life.online = next;
      lifecycle.reconcileAll();
    },

    suspend() {
      life.suspended = true;
      lifecycle.reconcileAll();
    },

    resume() {
      life.suspended = false;
      lifecycle.reconcileAll();
    },

    resumeAccount(accountId) {
      if (!accountsNeedingSignIn.delete(accountId)) return;
      for (const conn of connections.values()) {
        if (conn.accountId === accountId) lifecycle.reconcile(conn);
      }
    },

    isLive: (columnKey) => columns.get(columnKey)?.conn.live ?? false,

    connectionCount: () => [...connections.values()].filter((conn) => conn.active).length,

    stop() {
      if (life.stopped) return;
      life.stopped = true;
      for (const conn of connections.values()) lifecycle.close(conn);
      connections.clear();
      columns.clear();
      delivery.clear();
    },
  };
}
