// One ingest batch on its way into the archive: its items described (stored rows, search documents) and
// indexed in memory as segments small enough for IndexedDB to keep inline, ready for one transaction.
import { CountTally, type ListeningCount } from '../../../src-shared/analytics/listening.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { ArchiveItemRow, IndexSegmentRow } from '../../db/archive-rows.ts';
import { describeItem, type DescribedItem, type TextAnalysis } from './item-doc.ts';
import type { SearchIndex } from '../search/search-index.ts';

const DAY_MS = 86_400_000;
/** Chromium writes IndexedDB values over 64 KiB to blob files; ingest segments stay well under that. */
const SEGMENT_TARGET_BYTES = 48 * 1024;

export interface IngestBatch {
  readonly columnKey: string;
  readonly items: readonly StreamItem[];
  /** Filled in from the text worker before the batch is prepared, one per item; computed here when null. */
  analysis: readonly TextAnalysis[] | null;
}

export interface PreparedIngest {
  readonly columnKey: string;
  /** Emptied once put, so the items are not kept alive until the transaction commits. */
  readonly rows: ArchiveItemRow[];
  readonly segments: IndexSegmentRow[];
  /** Listening counts the batch adds: only items new to the column count, so a re-fetch adds nothing. */
  readonly counts: ListeningCount[];
}

/** Describes the batch's items and indexes them (memory first: the segments persist it). */
export function prepareIngest(
  index: SearchIndex,
  { columnKey, items, analysis }: IngestBatch,
  maxAgeDays: number,
): PreparedIngest {
  const now = Date.now();
  const cutoff = now - maxAgeDays * DAY_MS;
  const latest = new Map<string, DescribedItem>();
  items.forEach((item, i) => {
    const described = describeItem(item, now, analysis?.[i]);
    // Items already past the age limit would only be swept again.
    if (described.sortTime >= cutoff) latest.set(described.row.key, described);
  });
  const described = [...latest.values()];
  const counts = countNewMembers(index, columnKey, described);
  const segments = indexInSegments(index, columnKey, described);
  const rows: ArchiveItemRow[] = [];
  for (const d of described) rows.push({ ...d.row, columns: index.columnsOf(d.row.key) });
  return { columnKey, rows, segments, counts };
}

/** Tallies the items that join the column with this batch, by hour, sentiment, language and network. */
function countNewMembers(
  index: SearchIndex,
  columnKey: string,
  described: readonly DescribedItem[],
): ListeningCount[] {
  const tally = new CountTally(columnKey);
  for (const d of described) {
    if (index.holds(columnKey, d.row.key)) continue;
    tally.add({ time: d.sortTime, sentiment: d.row.sentiment, lang: d.row.lang, network: d.row.network });
  }
  return tally.counts();
}

/**
 * Indexes a batch as segments that each stay under SEGMENT_TARGET_BYTES: IndexedDB stores a larger value
 * as a separate blob file, which cost more than all the batch's small values together.
 */
function indexInSegments(
  index: SearchIndex,
  columnKey: string,
  described: readonly DescribedItem[],
): IndexSegmentRow[] {
  const segments: IndexSegmentRow[] = [];
  let start = 0;
  index.beginSegment();
  described.forEach((d, i) => {
    index.addDoc(d.doc);
    const last = i === described.length - 1;
    if (!last && index.pendingBytes() < SEGMENT_TARGET_BYTES) return;
    index.join(
      columnKey,
      described.slice(start, i + 1).map((part) => part.row.key),
    );
    const segment = index.finishSegment();
    if (segment) segments.push(segment);
    start = i + 1;
    if (!last) index.beginSegment();
  });
  if (described.length === 0) index.finishSegment();
  return segments;
}
