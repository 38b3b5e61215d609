// What the deck needs from the item archive. The archive runs its writes and searches in a Web Worker so
// the UI thread stays free; the deck only calls these methods.
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';

export interface ArchiveQuery {
  /** Free text: words and "quoted phrases", accent- and case-insensitive. */
  readonly text: string;
  readonly networks?: readonly StreamItem['network'][];
  readonly accountIds?: readonly string[];
  /** Author handle or id. */
  readonly author?: string;
  /** ISO dates, inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly languages?: readonly string[];
  readonly sentiments?: readonly ('positive' | 'neutral' | 'negative')[];
  /** Only items this column holds (analytics' "items behind this point"). */
  readonly columnKey?: string;
  readonly limit?: number;
}

export interface ArchiveHit {
  readonly item: StreamItem;
  readonly columnKeys: readonly string[];
}

export interface RetentionPolicy {
  /** Items kept per column; older ones leave the column (and the archive once no column holds them). */
  readonly maxItemsPerColumn: number;
  /** Items older than this leave the archive. */
  readonly maxAgeDays: number;
}

/** A post its author deleted, as the account that saw it names it (its `actionRef`, e.g. a Mastodon status id). */
export interface DeletedPost {
  readonly network: StreamItem['network'];
  readonly accountId: string;
  readonly actionRef: string;
}

export interface ArchivePort {
  /** Stores items once (deduplicated by key) and records that the column holds them. */
  ingest(columnKey: string, items: readonly StreamItem[]): Promise<void>;
  /** The newest items a column held, newest first, to show immediately on start-up. */
  loadColumn(columnKey: string, limit: number): Promise<StreamItem[]>;
  search(query: ArchiveQuery): Promise<ArchiveHit[]>;
  setRetention(policy: RetentionPolicy): Promise<void>;
  /** Forgets a column's items (the "clear" action); items other columns hold stay. */
  clearColumn(columnKey: string): Promise<void>;
  /**
   * Forgets, in every column, each item that points at a deleted post: the post, boosts of it and
   * notifications about it, including copies no column has loaded. Posts never stored are ignored.
   */
  removeDeleted(posts: readonly DeletedPost[]): Promise<void>;
  close(): void;
}

/** How the search index was brought into memory when the archive opened. */
export interface ArchiveIndexLoad {
  /** 'segments': replayed from the persisted index; 'items': rebuilt by reading every row; 'empty': nothing stored. */
  readonly source: 'segments' | 'items' | 'empty';
  readonly ms: number;
  readonly segmentsRead: number;
  readonly itemsRead: number;
}

export interface ArchiveStats {
  readonly liveItems: number;
  /** (column, item) pairs: an item two columns hold counts twice. */
  readonly memberships: number;
  readonly segments: number;
  readonly indexLoad: ArchiveIndexLoad;
  readonly index: {
    readonly docs: number;
    readonly terms: number;
    readonly postings: number;
    readonly seqLength: number;
    readonly estimatedBytes: number;
  };
  /** The worker's JS heap, where the browser reports it (Chromium's performance.memory). */
  readonly heapBytes: number | null;
}

/** What rebuilding the listening counts from the archive did. */
export interface ListeningRebuild {
  readonly columns: number;
  readonly hours: number;
  readonly items: number;
  /** Counts from this hour on were replaced; older ones (items the archive no longer holds) were kept. */
  readonly fromHour: number | null;
}

/** What the analytics dashboard needs from the archive. */
export interface AnalyticsArchive {
  search: ArchivePort['search'];
  /** Recounts every column's items from the archive's index (the "rebuild" action); never runs by itself. */
  rebuildListening(): Promise<ListeningRebuild>;
}

/** Extra calls for tests, benchmarks and diagnostics screens; the deck needs only ArchivePort. */
export interface ArchiveDiagnostics {
  /** Resolves once queued writes and background retention have finished. */
  whenIdle(): Promise<void>;
  stats(): Promise<ArchiveStats>;
}
