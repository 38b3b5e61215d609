// The ingest write with IndexedDB directly: Dexie's middleware (change tracking for live queries, the
// query cache, hooks) costs more worker time per put than storing the row; nothing observes these tables.
import type { ArchiveItemRow, IndexSegmentRow } from '../db/archive-rows.ts';

/** Puts the rows and adds the segment in one 'relaxed' readwrite transaction; resolves once it commits. */
export function putIngestBatch(
  idb: IDBDatabase,
  rows: readonly ArchiveItemRow[],
  segments: readonly IndexSegmentRow[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = idb.transaction(['items', 'indexSegments'], 'readwrite', { durability: 'relaxed' });
    } catch (error) {
      reject(error as Error);
      return;
    }
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('archive: the ingest transaction was aborted'));
    try {
      const items = tx.objectStore('items');
      for (const row of rows) items.put(row);
      const store = tx.objectStore('indexSegments');
      for (const segment of segments) store.add(segment);
    } catch (error) {
      tx.abort();
      reject(error as Error);
    }
  });
}
