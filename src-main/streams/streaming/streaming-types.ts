// The streaming manager's public shapes and the records its parts share: a connection per account and
// channel, and the columns it feeds.
import type { ColumnSource } from '../../../src-shared/domain/column.ts';
import type {
  BackoffPolicy,
  SocketFactory,
  StreamingHandle,
  StreamName,
  StreamTimers,
} from '../../connectors/mastodon/streaming.ts';
import type { ItemsBatch, StreamEvent } from '../column-state.ts';
import type { RecentKeys } from '../recent-keys.ts';
import type { StreamRoute } from '../stream-routes.ts';

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

/** A column fed by a connection, counted by the subscriptions that show it. */
export interface StreamColumn {
  readonly key: string;
  readonly route: StreamRoute;
  readonly conn: Connection;
  readonly recent: RecentKeys;
  refs: number;
}

/** One streaming connection per account and channel, shared by every column it feeds. */
export interface Connection {
  readonly key: string;
  readonly accountId: string;
  readonly stream: StreamName;
  readonly param: string | null;
  readonly columns: Set<StreamColumn>;
  /** Bumped on every open and close, so callbacks of a superseded attempt are ignored. */
  generation: number;
  active: boolean;
  live: boolean;
  handle: StreamingHandle | null;
  retryTimer: unknown;
  resolveFailures: number;
}
