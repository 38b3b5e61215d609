// The life of each connection: open while it is wanted (online, awake, signed in, feeding a column) and
// closed otherwise; its target resolved first (retried with backoff when the instance is unreachable), a
// refused token stopping every stream of the account until the user signs in again. Callbacks of a
// superseded attempt are ignored by generation.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import {
  backoffDelay,
  startStreaming,
  type BackoffPolicy,
  type StreamState,
} from '../../connectors/mastodon/streaming.ts';
import type { StreamDelivery } from './streaming-delivery.ts';
import type { Connection, StreamingManagerOptions } from './streaming-types.ts';

const DEFAULT_RESOLVE_BACKOFF: BackoffPolicy = { initialMs: 15_000, maxMs: 10 * 60_000 };

export interface StreamingLife {
  online: boolean;
  suspended: boolean;
  stopped: boolean;
}

export interface ConnectionLifecycle {
  /** Opens or closes the connection to match whether it is wanted now. */
  reconcile(conn: Connection): void;
  reconcileAll(): void;
  close(conn: Connection): void;
}

export function createConnectionLifecycle(
  options: StreamingManagerOptions,
  connections: ReadonlyMap<string, Connection>,
  accountsNeedingSignIn: Set<string>,
  life: StreamingLife,
  delivery: StreamDelivery,
): ConnectionLifecycle {
  const { timers } = options;
  const resolveBackoff = options.resolveBackoff ?? DEFAULT_RESOLVE_BACKOFF;

  const report = (conn: Connection, error: unknown): void => options.onError?.(conn.key, error);

  const wanted = (conn: Connection): boolean =>
    !life.stopped &&
    life.online &&
    !life.suspended &&
    conn.columns.size > 0 &&
    !accountsNeedingSignIn.has(conn.accountId);

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

  const open = (conn: Connection): void => {
    conn.active = true;
    const mine = ++conn.generation;
    const current = (): boolean => mine === conn.generation && !life.stopped;
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
            if (current()) delivery.deliver(conn, 'statuses', item, info.edited);
          },
          onNotification: (item) => {
            if (current()) delivery.deliver(conn, 'notifications', item, false);
          },
          onDelete: (statusId) => {
            if (current()) delivery.deleted(conn.accountId, statusId);
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

  return {
    reconcile,
    reconcileAll() {
      for (const conn of connections.values()) reconcile(conn);
    },
    close,
  };
}
