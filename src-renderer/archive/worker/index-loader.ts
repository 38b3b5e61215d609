// Brings the archive's search index into memory when the archive opens: replayed from its stored segments,
// or, when there are none or they are unreadable, rebuilt by reading and describing every stored item (slow
// and rare: the engine then stores the rebuilt index so the next start is fast).
import type { ArchiveItemRow } from '../../db/archive-rows.ts';
import type { RoostDb } from '../../db/roost-db.ts';
import type { ArchiveIndexLoad } from '../archive-port.ts';
import { describeItem } from '../ingest/item-doc.ts';
import { SearchIndex } from '../search/search-index.ts';

const REBUILD_PAGE = 2_000;

export interface LoadedIndex {
  readonly index: SearchIndex;
  /** Segments the index was replayed from (0 after a rebuild, which the caller should persist). */
  readonly segments: number;
  readonly info: ArchiveIndexLoad;
}

/** The index as stored; throws if a segment is damaged. */
export async function replaySegments(db: RoostDb): Promise<{ index: SearchIndex; segments: number }> {
  const rows = await db.indexSegments.toArray();
  const index = new SearchIndex();
  index.load(rows);
  return { index, segments: rows.length };
}

export async function loadIndex(db: RoostDb): Promise<LoadedIndex> {
  const started = performance.now();
  const rows = await db.indexSegments.toArray();
  if (rows.length > 0) {
    try {
      const index = new SearchIndex();
      index.load(rows);
      const info: ArchiveIndexLoad = {
        source: 'segments',
        ms: performance.now() - started,
        segmentsRead: rows.length,
        itemsRead: 0,
      };
      return { index, segments: rows.length, info };
    } catch (error) {
      console.error('archive: the stored search index is unreadable; rebuilding it from the items', error);
    }
  }
  const { index, itemsRead } = await rebuildFromItems(db);
  const info: ArchiveIndexLoad = {
    source: itemsRead > 0 ? 'items' : 'empty',
    ms: performance.now() - started,
    segmentsRead: rows.length,
    itemsRead,
  };
  return { index, segments: 0, info };
}

/** Re-tokenises every stored item, a page at a time. */
async function rebuildFromItems(db: RoostDb): Promise<{ index: SearchIndex; itemsRead: number }> {
  const index = new SearchIndex();
  let itemsRead = 0;
  let after: string | null = null;
  const now = Date.now();
  for (;;) {
    const page: ArchiveItemRow[] = await (after === null
      ? db.items.orderBy(':id').limit(REBUILD_PAGE).toArray()
      : db.items.where(':id').above(after).limit(REBUILD_PAGE).toArray());
    if (page.length === 0) break;
    index.beginSegment();
    for (const row of page) index.addDoc(describeItem(row.item, now).doc);
    // Rows from before v4 carry no columns: those items stay searchable until the age limit.
    for (const row of page) for (const column of row.columns ?? []) index.join(column, [row.key]);
    index.finishSegment();
    itemsRead += page.length;
    after = page[page.length - 1]?.key ?? null;
  }
  return { index, itemsRead };
}
