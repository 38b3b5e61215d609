// The reading interface every network implements; networks an account publishes to add a `Publisher`. Connectors are stateless about schedules: the poller
// (src-main/streams) decides when to call them and keeps cursors; connectors only translate.
import type { Capabilities } from '../../src-shared/domain/capabilities.ts';
import type { ColumnSource } from '../../src-shared/domain/column.ts';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { Publisher } from './publisher.ts';

/** What the server told us about our budget, from rate-limit headers when present. */
export interface RateLimitInfo {
  readonly limit: number | null;
  readonly remaining: number | null;
  /** When the window resets (epoch ms), if known. */
  readonly resetAt: number | null;
}

export interface PageRequest {
  readonly source: ColumnSource;
  /** Opaque position of the newest item already held; null on the first fetch. */
  readonly since: string | null;
  /** Opaque position to page back from (loading a gap or older items); null for "newest". */
  readonly before: string | null;
  readonly limit: number;
  readonly signal?: AbortSignal;
  /** RSS conditional GET: the validators the previous answer carried. */
  readonly validators?: { readonly etag: string | null; readonly lastModified: string | null };
}

export interface Page {
  /** Newest first. */
  readonly items: readonly StreamItem[];
  /** Position of the newest item in this page, to pass as `since` next time. */
  readonly newest: string | null;
  /** Position to pass as `before` to fetch what is older than this page, or null when nothing is. */
  readonly older: string | null;
  /**
   * True when `since` was given but this page did not reach it: items between the page and the
   * previously held newest item were skipped, and the UI shows a gap marker that loads them.
   */
  readonly gap: boolean;
  readonly rateLimit: RateLimitInfo | null;
  /** RSS conditional GET: the validators to send next time. */
  readonly validators?: { readonly etag: string | null; readonly lastModified: string | null };
}

/**
 * What a connector does on its own, outside the outbox: likes publish nothing people read as the account's
 * voice, so they skip the guards. Reposts, replies, quotes and deletes go through the `Publisher`.
 */
export interface ItemAction {
  readonly kind: 'like' | 'unlike';
  readonly item: StreamItem;
}

export interface ActionResult {
  /** The like record (Bluesky) or the status acted on (Mastodon). */
  readonly remoteId: string | null;
}

export interface Connector {
  readonly network: StreamItem['network'];
  capabilities(): Promise<Capabilities>;
  fetchPage(request: PageRequest): Promise<Page>;
  thread(item: StreamItem): Promise<readonly StreamItem[]>;
  act(action: ItemAction): Promise<ActionResult>;
  /** The publishing side, on networks an account can publish to; absent for feeds (RSS). */
  readonly publisher?: Publisher;
  /**
   * The signed-in account's own profile, on networks with accounts; absent for feeds. Declared here so
   * callers ask for the capability by type (`connector.readAudience?.()`) instead of probing method names.
   */
  readAudience?(): Promise<AudienceCounts>;
  /** What the account's profile says about itself (description, website, fields), for domain suggestions. */
  readProfileTexts?(): Promise<string[]>;
}

/** An account's own audience as its network counts it now (analytics snapshots). */
export interface AudienceCounts {
  readonly followers: number;
  readonly following: number;
  readonly posts: number;
}

/** Errors connectors throw are RoostErrors; rate limits carry when to retry. */
export interface RetryHint {
  readonly retryAfterMs: number | null;
}
