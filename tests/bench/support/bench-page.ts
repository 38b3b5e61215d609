// The page the archive benchmarks drive: generates items in the browser (nothing big crosses the CDP
// pipe), ingests them through the real archive worker, times raw IndexedDB puts, and runs queries.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { ArchiveQuery, ArchiveStats } from '../../../src-renderer/archive/archive-port.ts';
import { createArchive } from '../../../src-renderer/archive/create-archive.ts';
import { describeItem } from '../../../src-renderer/archive/ingest/item-doc.ts';
import { SCHEMA_VERSIONS } from '../../../src-renderer/db/schema.ts';
import { generateItems } from './generate-items.ts';

type Archive = ReturnType<typeof createArchive>;
const RETENTION = { maxItemsPerColumn: 10_000_000, maxAgeDays: 3_650 };
const BATCH = 1_000;
/** Ingest calls kept in flight, as several columns polling at once would. */
const IN_FLIGHT = 3;

let items: StreamItem[] = [];
let archive: Archive | null = null;
const NOW = Date.now();

const progress = (message: string): void => console.log(`[bench] ${message}`);
const columnOf = (start: number): string => `column-${(start / BATCH) % 8}`;

/** The secondary indexes the archive's current schema declares on `items`, so the raw store matches it. */
function itemIndexes(): string[] {
  const stores = SCHEMA_VERSIONS.findLast((v) => typeof v.stores.items === 'string')?.stores.items ?? '';
  return stores
    .split(',')
    .slice(1)
    .map((spec) => spec.trim().replace(/^[&*]/, ''))
    .filter((name) => name.length > 0);
}

async function ingestAll(
  target: Archive,
  total: number,
  source: (start: number, count: number) => StreamItem[],
): Promise<number> {
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  for (let start = 0; start < total; start += BATCH) {
    const batch = source(start, Math.min(BATCH, total - start));
    const column = columnOf(start);
    const p: Promise<void> = target.ingest(column, batch).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    if ((start / BATCH) % 20 === 19) progress(`ingested ${start + BATCH} / ${total}`);
  }
  await Promise.all(inFlight);
  return performance.now() - started;
}

const api = {
  generate(count: number): number {
    items = generateItems(0, count, 1, NOW);
    return items.reduce((sum, item) => sum + JSON.stringify(item).length, 0) / count;
  },

  /** Ingests the generated items through the archive worker; returns elapsed ms. */
  async ingestGenerated(dbName: string): Promise<number> {
    const target = createArchive({ dbName });
    try {
      await target.setRetention(RETENTION);
      const ms = await ingestAll(target, items.length, (start, count) => items.slice(start, start + count));
      await target.whenIdle();
      return ms;
    } finally {
      target.close();
    }
  },

  /**
   * The same rows the archive stores (with their column), put with raw IndexedDB into a store with the
   * archive's indexes, one transaction per batch, with the archive's 'relaxed' durability; returns elapsed ms.
   */
  async rawIdb(dbName: string): Promise<number> {
    const rows = items.map((item, i) => ({
      ...describeItem(item, NOW).row,
      columns: [columnOf(i - (i % BATCH))],
    }));
    const indexes = itemIndexes();
    progress(`raw store indexes: ${indexes.length > 0 ? indexes.join(', ') : 'none'}`);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore('items', { keyPath: 'key' });
        for (const index of indexes) store.createIndex(index, index);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const started = performance.now();
    for (let start = 0; start < rows.length; start += BATCH) {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('items', 'readwrite', { durability: 'relaxed' });
        const store = tx.objectStore('items');
        for (const row of rows.slice(start, start + BATCH)) store.put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    }
    const ms = performance.now() - started;
    db.close();
    return ms;
  },

  /** Generates and ingests `total` items batch by batch (never all in memory at once); returns elapsed ms. */
  async ingestStreaming(dbName: string, total: number): Promise<number> {
    const target = createArchive({ dbName });
    try {
      await target.setRetention(RETENTION);
      const ms = await ingestAll(target, total, (start, count) => generateItems(start, count, 2, NOW));
      await target.whenIdle();
      return ms;
    } finally {
      target.close();
    }
  },

  /** Opens the archive and waits until its index is in memory; returns the round trip and the worker's stats. */
  async openArchive(dbName: string): Promise<{ openMs: number; stats: ArchiveStats }> {
    const started = performance.now();
    archive = createArchive({ dbName });
    const stats = await archive.stats();
    return { openMs: performance.now() - started, stats };
  },

  async timeQuery(query: ArchiveQuery): Promise<{ ms: number; hits: number }> {
    if (!archive) throw new Error('openArchive first');
    const started = performance.now();
    const hits = await archive.search(query);
    return { ms: performance.now() - started, hits: hits.length };
  },

  async stats(): Promise<ArchiveStats> {
    if (!archive) throw new Error('openArchive first');
    return archive.stats();
  },

  closeArchive(): void {
    archive?.close();
    archive = null;
  },
};

export type BenchApi = typeof api;
(window as unknown as { roostBench: BenchApi }).roostBench = api;
document.title = 'ready';
