// The ingest write with IndexedDB directly: Dexie's middleware (change tracking for live queries, the
// query cache, hooks) costs more worker time per put than storing the row; nothing observes these tables.
import { mergeCounts, type ListeningCount } from '../../src-shared/analytics/listening.ts';
import type { ArchiveItemRow, IndexSegmentRow } from '../db/archive-rows.ts';

/**
 * Puts the rows, adds the segments and adds the batch's listening counts to the stored ones, in one 'relaxed' readwrite transaction; resolves once it commits.
 * Nothing here keeps the rows once they are put (IndexedDB has its own copy by then), so a batch's items
 * can be collected while its transaction commits.
 */
export function putIngestBatch(
  idb: IDBDatabase,
  rows: readonly ArchiveItemRow[],
  segments: readonly IndexSegmentRow[],
  counts: readonly ListeningCount[] = [],
): Promise<void> {
  let tx: IDBTransaction;
  try {
    const stores =
      counts.length > 0 ? ['items', 'indexSegments', 'listeningCounts'] : ['items', 'indexSegments'];
    tx = idb.transaction(stores, 'readwrite', { durability: 'relaxed' });
  } catch (error) {
    return Promise.reject(error as Error);
  }
  const committed = completionOf(tx);
  try {
    const items = tx.objectStore('items');
    for (const row of rows) items.put(row);
    const store = tx.objectStore('indexSegments');
    for (const segment of segments) store.add(segment);
    if (counts.length > 0) addCounts(tx.objectStore('listeningCounts'), counts);
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

/**
 * Read-modify-write of each (column, hour) row inside the ingest transaction, so counts and items commit or
 * fail together. A batch usually touches one or two hours: one or two gets.
 */
function addCounts(store: IDBObjectStore, counts: readonly ListeningCount[]): void {
  for (const delta of counts) {
    const read = store.get([delta.columnKey, delta.hour]);
    read.onsuccess = () => {
      const stored = read.result as ListeningCount | undefined;
      store.put(stored ? mergeCounts(stored, delta) : delta);
    };
  }
}
