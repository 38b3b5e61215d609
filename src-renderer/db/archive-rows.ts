// Row shapes of the archive tables (schema v4). The archive worker is the only code that writes them and
// answers every query from its in-memory index; `items` is looked up by key only, so it has no other index.
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

/** One row per item whichever columns hold it. The indexed fields are derived from `item` at ingest. */
export interface ArchiveItemRow {
  readonly key: string;
  readonly network: StreamItem['network'];
  readonly accountId: string | null;
  readonly authorId: string;
  /** Normalised ISO time the item is ordered by: its creation time, or when Roost saw it if that is earlier. */
  readonly createdAt: string;
  /** Primary language ('en', 'fr'…), guessed when the network sent none; 'und' when unknown. */
  readonly lang: string;
  readonly sentiment: SentimentLabel;
  readonly sentimentScore: number;
  /**
   * Columns that held the item when it was last written (v4 on). Only read to rebuild the index when its
   * segments are unreadable; the segments are the source of truth for membership.
   */
  readonly columns?: readonly string[];
  readonly item: StreamItem;
}

/** Column membership, schema v3 only (v4 keeps it in the index segments). `sortKey` sorts ascending newest first and ends with the item key, so it is unique. */
export interface ColumnItemRow {
  readonly columnKey: string;
  readonly sortKey: string;
  readonly itemKey: string;
}

/**
 * One append-only piece of the search index: what one ingest batch added (term ids per document, filter
 * attributes, new dictionary terms) and which documents left. Replaying the segments in id order rebuilds
 * the in-memory index without reading the item rows.
 */
export interface IndexSegmentRow {
  readonly id?: number;
  /** Id of the first term in `newTerms`; terms are numbered in order of first appearance. */
  readonly termBase: number;
  readonly newTerms: readonly string[];
  readonly docIds: Uint32Array;
  /**
   * Document i's key is keyPrefix number keyPrefixes[i] (varints) followed by keySuffixes[i]. Key prefixes
   * are numbered in order of first appearance like terms: `newKeyPrefixes` are the ones this segment adds,
   * from id `keyPrefixBase`. Segments written before it have the whole `keys` instead.
   */
  readonly keyPrefixBase?: number;
  readonly newKeyPrefixes?: readonly string[];
  readonly keyPrefixes?: Uint8Array;
  readonly keySuffixes?: readonly string[];
  readonly keys?: readonly string[];
  /** Document i's token term ids are positions seqOffsets[i] .. seqOffsets[i + 1] of the sequence. */
  readonly seqOffsets: Uint32Array;
  /** The token sequence as varints (see packed-seq.ts); segments written before it have `seq` instead. */
  readonly packedSeq?: Uint8Array;
  readonly seq?: Uint32Array;
  readonly sortTime: Float64Array;
  /**
   * ATTRS_PER_DOC term ids per document (network, account, author id, author handle, language), as varints
   * like the token sequence; segments written before it have them plain in `attrs`.
   */
  readonly packedAttrs?: Uint8Array;
  readonly attrs?: Uint32Array;
  readonly sentiment: Int8Array;
  /**
   * postRef per document, for deletions (absent in segments written before it: those documents carry the
   * legacy hidden deletion term in their token sequence instead).
   */
  readonly refs?: Uint32Array;
  /** Documents (from any earlier segment) that left the archive. */
  readonly deleted: Uint32Array;
  /** Column membership changes, applied after this segment's documents (v4 on; absent before). */
  readonly members?: readonly MemberChange[];
}

/** Items that joined or left one column, as recorded in an index segment. */
export interface MemberChange {
  readonly column: string;
  readonly added: readonly string[];
  /** More items that joined, as positions in the segment's `keys` (not repeating keys it already holds). */
  readonly addedAt?: Uint32Array;
  readonly removed: readonly string[];
}

export interface ArchiveMetaRow {
  readonly key: string;
  readonly value: unknown;
}
