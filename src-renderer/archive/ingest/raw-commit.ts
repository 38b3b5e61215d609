// The ingest write with IndexedDB directly: Dexie's middleware (change tracking for live queries, the
// query cache, hooks) costs more worker time per put than storing the row; nothing observes these tables.
import type { ArchiveItemRow, IndexSegmentRow } from '../../db/archive-rows.ts';

/**
 * Puts the rows and adds the segments in one 'relaxed' readwrite transaction; resolves once it commits.
 * Nothing here keeps the rows once they are put (IndexedDB has its own copy by then), so a batch's items
 * can be collected while its transaction commits.
 */
export function putIngestBatch(
  idb: IDBDatabase,
  rows: readonly ArchiveItemRow[],
  segments: readonly IndexSegmentRow[],
): Promise<void> {
  let tx: IDBTransaction;
  try {
    tx = idb.transaction(['items', 'indexSegments'], 'readwrite', { durability: 'relaxed' });
  } catch (error) {
    return Promise.reject(error as Error);
  }
  const committed = completionOf(tx);
  try {
    const items = tx.objectStore('items');
    for (const row of rows) items.put(row);
    const store = tx.objectStore('indexSegments');
    for (const segment of segments) store.add(segment);
  } catch (error) {
    committed.catch(() => undefined);
    tx.abort();
    return Promise.reject(error as Error);
  }
  return committed;
}

/** Settles with the transaction; its handlers see nothing but the transaction. */
function completionOf(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('archive: the ingest transaction was aborted'));
  });
}
