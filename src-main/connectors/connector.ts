// The one interface every network implements. Connectors are stateless about schedules: the poller
// (src-main/streams) decides when to call them and keeps cursors; connectors only translate.
import type { Capabilities } from '../../src-shared/domain/capabilities.ts';
import type { ColumnSource } from '../../src-shared/domain/column.ts';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';

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

export type ItemAction =
  | { readonly kind: 'like' | 'unlike' | 'repost' | 'unrepost' | 'delete'; readonly item: StreamItem }
  | { readonly kind: 'reply' | 'quote'; readonly item: StreamItem; readonly text: string };

export interface ActionResult {
  /** The record created (like/repost/reply), for undo or display. */
  readonly remoteId: string | null;
}

export interface Connector {
  readonly network: StreamItem['network'];
  capabilities(): Promise<Capabilities>;
  fetchPage(request: PageRequest): Promise<Page>;
  thread(item: StreamItem): Promise<readonly StreamItem[]>;
  act(action: ItemAction): Promise<ActionResult>;
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

/**
 * Current engagement of the account's own posts (best-time suggestions), by post id. `absent` lists posts
 * the server no longer has (deleted, taken down); ids in neither list were not read this time (the rate
 * budget ran low) and keep whatever was known before.
 */
export interface EngagementRead {
  readonly counts: ReadonlyMap<string, number>;
  readonly absent: readonly string[];
}
