// What the archive worker does: ingest into Dexie, column reads, search over the in-memory index, and
// retention in small chunks. Writes go through one queue so the index and the tables never disagree.
// Column membership lives in the index (memory, persisted in its segments): IndexedDB only stores each
// item row by key and the segments, which keeps ingest close to the cost of storing the rows alone.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { IndexSegmentRow } from '../../db/archive-rows.ts';
import { openRoostDb, type RoostDb } from '../../db/roost-db.ts';
import type {
  ArchiveHit,
  ArchiveIndexLoad,
  ArchiveQuery,
  ArchiveStats,
  DeletedPost,
  ListeningRebuild,
  RetentionPolicy,
} from '../archive-port.ts';
import { FLUSH_DELAY_MS, ListeningCounter } from '../listening/listening-counter.ts';
import { rebuildListening } from '../listening/listening-rebuild.ts';
import { compileQuery } from '../search/compile-query.ts';
import { checkItem, matchDeletedPosts } from '../ingest/item-doc.ts';
import { prepareIngest, type IngestBatch, type PreparedIngest } from '../ingest/ingest-batch.ts';
import { putIngestBatch } from '../ingest/raw-commit.ts';
import { loadIndex, replaySegments } from './index-loader.ts';
import { RowCache } from './row-cache.ts';
import { SearchIndex } from '../search/search-index.ts';
import { analyseOrNull, type TextAnalyser } from '../ingest/text-analyser.ts';
import { checkColumnKey, checkDeletedPosts, isPolicy } from './archive-input.ts';
import { WriteQueue } from '../ingest/write-queue.ts';

export const DEFAULT_RETENTION: RetentionPolicy = { maxItemsPerColumn: 5_000, maxAgeDays: 90 };
const DAY_MS = 86_400_000;
/** Items per ingest transaction: big enough to amortise a commit, small enough to keep searches responsive. */
const INGEST_CHUNK = 1_000;
/** Rows removed per retention transaction; other requests run between chunks. */
const RETENTION_CHUNK = 500;
const SNAPSHOT_SEGMENT_DOCS = 5_000;
const MAX_SEGMENTS = 2_000;
const SEARCH_LIMIT_MAX = 1_000;
/** Items age continuously; while ingest keeps running, look for expired ones this often. */
const AGE_SWEEP_INTERVAL_MS = 10 * 60_000;
const MAINTENANCE_DELAY_MS = 2_000;
/** Rows kept in memory (~1.6 KB each): recent search hits and column reads. */
const ROW_CACHE_SIZE = 2_000;

export class ArchiveEngine {
  private readonly db: RoostDb;
  private readonly analyse: TextAnalyser | null;
  private index = new SearchIndex();
  private readonly cache = new RowCache(ROW_CACHE_SIZE);
  private policy: RetentionPolicy = DEFAULT_RETENTION;
  private readonly queue: WriteQueue<IngestBatch, PreparedIngest>;
  private segmentCount = 0;
  private loadInfo: ArchiveIndexLoad = { source: 'empty', ms: 0, segmentsRead: 0, itemsRead: 0 };
  private readonly dirtyColumns = new Set<string>();
  private ageSweepDue = true;
  private lastAgeSweep = 0;
  private maintenanceTimer: ReturnType<typeof setTimeout> | null = null;
  private maintaining = false;
  private idleWaiters: (() => void)[] = [];
  private readonly counter = new ListeningCounter();
  private countTimer: ReturnType<typeof setTimeout> | null = null;

  private constructor(db: RoostDb, analyse: TextAnalyser | null) {
    this.db = db;
    this.analyse = analyse;
    this.queue = new WriteQueue<IngestBatch, PreparedIngest>({
      prepare: (batch) => prepareIngest(this.index, batch, this.policy.maxAgeDays),
      commit: (prepared) => this.commitIngest(prepared),
      recover: () => this.reloadIndex(),
      onIdle: () => this.onQueueIdle(),
    });
  }

  /** `analyse` runs the language and sentiment of ingested texts elsewhere (the text worker), if given. */
  static async open(dbName: string, analyse: TextAnalyser | null = null): Promise<ArchiveEngine> {
    // A batch lost to a power cut is fetched again from the network; an app crash loses nothing either way.
    // Nothing watches the archive's tables live (the page reads them through this worker).
    const db = await openRoostDb({ name: dbName, durability: 'relaxed', observable: false });
    const engine = new ArchiveEngine(db, analyse);
    const stored = (await db.archiveMeta.get('retention'))?.value;
    if (isPolicy(stored)) engine.policy = stored;
    await engine.loadIndex();
    return engine;
  }

  close(): void {
    if (this.countTimer !== null) clearTimeout(this.countTimer);
    this.db.close();
  }

  ingest(columnKey: string, items: readonly StreamItem[]): Promise<void> {
    checkColumnKey(columnKey);
    if (!Array.isArray(items)) throw new Error('ingest: items must be an array');
    // Check everything before queueing so a bad item rejects the call without storing half of it.
    items.forEach((item, i) => checkItem(item, i));
    const analysed = analyseOrNull(this.analyse, items);
    const chunks: Promise<void>[] = [];
    for (let i = 0; i < items.length; i += INGEST_CHUNK) {
      const batch: IngestBatch = { columnKey, items: items.slice(i, i + INGEST_CHUNK), analysis: null };
      // Queued now, so it keeps its place before later writes; prepared once its texts are analysed.
      const ready = analysed.then((all) => {
        batch.analysis = all?.slice(i, i + INGEST_CHUNK) ?? null;
      });
      chunks.push(this.queue.ingest(batch, ready));
    }
    return Promise.all(chunks).then(() => undefined);
  }

  async loadColumn(columnKey: string, limit: number): Promise<StreamItem[]> {
    checkColumnKey(columnKey);
    if (!Number.isInteger(limit) || limit < 0)
      throw new Error(`loadColumn: limit must be a whole number ≥ 0, not ${limit}`);
    if (limit === 0) return [];
    const items = await this.readItems(this.index.columnPage(columnKey, 0, limit));
    return items.flatMap((item) => (item ? [item] : []));
  }

  async search(query: ArchiveQuery): Promise<ArchiveHit[]> {
    const compiled = compileQuery(query);
    const limit = query.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_LIMIT_MAX) {
      throw new Error(`search: limit must be a whole number from 1 to ${SEARCH_LIMIT_MAX}, not ${limit}`);
    }
    const keys = this.index.search(compiled, limit).map((doc) => this.index.keyOf(doc));
    if (keys.length === 0) return [];
    // Memberships are read now: the rows may take a round trip, during which a batch can change them.
    const columns = keys.map((key) => this.index.columnsOf(key));
    const items = await this.readItems(keys);
    // A row can be missing only for a batch that is still committing; it shows up in the next search.
    return items.flatMap((item, i) => (item ? [{ item, columnKeys: columns[i] ?? [] }] : []));
  }

  /** Items by key, in order: from the row cache, the rest in one batch of gets. */
  private readItems(keys: readonly string[]): Promise<(StreamItem | undefined)[]> {
    return this.cache.readThrough(
      keys,
      async (missing) => (await this.db.items.bulkGet(missing)).map((row) => row?.item),
      // A row deleted while the read was in flight must not come back through the cache.
      (key) => this.index.docOf(key) !== undefined,
    );
  }

  async setRetention(policy: RetentionPolicy): Promise<void> {
    if (!isPolicy(policy)) {
      throw new Error(
        'setRetention: maxItemsPerColumn and maxAgeDays must be positive numbers (maxItemsPerColumn whole)',
      );
    }
    this.policy = { maxItemsPerColumn: policy.maxItemsPerColumn, maxAgeDays: policy.maxAgeDays };
    await this.queue.run(() => this.db.archiveMeta.put({ key: 'retention', value: this.policy }));
    for (const column of this.index.columnNames()) this.dirtyColumns.add(column);
    this.ageSweepDue = true;
    this.scheduleMaintenance(0);
  }

  async clearColumn(columnKey: string): Promise<void> {
    checkColumnKey(columnKey);
    this.dirtyColumns.delete(columnKey);
    while (await this.queue.run(() => this.removeFromColumn(columnKey, 0))) {
      // Each chunk is its own queued task, so ingest and searches proceed between them.
    }
  }

  /** Forgets every item pointing at these deleted posts, in every column at once, as if never stored. */
  async removeDeleted(posts: readonly DeletedPost[]): Promise<void> {
    checkDeletedPosts(posts);
    for (let i = 0; i < posts.length; i += RETENTION_CHUNK) {
      const chunk = posts.slice(i, i + RETENTION_CHUNK);
      // Queued, and matched only when its turn comes: an ingest already waiting lands first, then leaves.
      await this.queue.run(async () => {
        const match = matchDeletedPosts(chunk);
        const candidates = this.index.liveKeysPointingAt(match.refs, match.legacyTerms);
        // Another post can share a reference: only items that point at a deleted post leave.
        const items = await this.readItems(candidates);
        await this.removeKeys(candidates.filter((_, k) => items[k] !== undefined && match.matches(items[k])));
      });
    }
  }

  /** Replaces the listening counts with a recount of what the archive holds, between queued writes. */
  rebuildListening(): Promise<ListeningRebuild> {
    return this.queue.run(() => {
      // The index already holds the items the pending counts are for: the recount includes them.
      this.counter.clear();
      return rebuildListening(this.db, this.index);
    });
  }

  /** Writes pending listening counts as a queued task of their own, FLUSH_DELAY_MS after the first. */
  private scheduleCountFlush(): void {
    if (this.countTimer !== null) return;
    this.countTimer = setTimeout(() => {
      void this.queue
        .run(() => this.counter.flush(this.db))
        .catch((error: unknown) => console.error('archive: writing listening counts failed', error))
        .finally(() => {
          this.countTimer = null;
          if (this.counter.size > 0) this.scheduleCountFlush();
          this.onQueueIdle();
        });
    }, FLUSH_DELAY_MS);
  }

  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stats(): ArchiveStats {
    const index = this.index.stats();
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return {
      liveItems: index.liveDocs,
      memberships: this.index.memberships,
      segments: this.segmentCount,
      indexLoad: this.loadInfo,
      index,
      heapBytes: memory ? memory.usedJSHeapSize : null,
    };
  }

  private async commitIngest(p: PreparedIngest): Promise<void> {
    // A copy read before this batch must not outlive it. Ingested rows are not cached: the deck already
    // shows new items, and holding a batch's items longer made most of the worker's garbage collection.
    for (const row of p.rows) this.cache.delete(row.key);
    const committed = putIngestBatch(this.db.backendDB(), p.rows, p.segments);
    const stored = p.rows.length;
    const segments = p.segments.length;
    p.rows.length = 0;
    p.segments.length = 0;
    await committed;
    this.counter.add(p.counts);
    this.scheduleCountFlush();
    this.segmentCount += segments;
    if (stored > 0 && this.index.columnSize(p.columnKey) > this.policy.maxItemsPerColumn)
      this.dirtyColumns.add(p.columnKey);
    this.scheduleMaintenance(MAINTENANCE_DELAY_MS);
  }

  /** Removes up to one chunk of a column's memberships from position `keep` on; returns whether more remain. */
  private async removeFromColumn(columnKey: string, keep: number): Promise<boolean> {
    const keys = this.index.columnPage(columnKey, keep, RETENTION_CHUNK);
    if (keys.length === 0) return false;
    this.index.beginSegment();
    const orphans = this.index.leaveColumn(columnKey, keys);
    this.index.removeKeys(orphans);
    await this.persistRemoval(orphans, this.index.finishSegment());
    return keys.length === RETENTION_CHUNK;
  }

  private async removeKeys(keys: readonly string[]): Promise<void> {
    const known = [...new Set(keys)].filter(
      (key) => this.index.docOf(key) !== undefined || this.index.columnsOf(key).length > 0,
    );
    if (known.length === 0) return;
    this.index.beginSegment();
    this.index.removeKeys(known);
    await this.persistRemoval(known, this.index.finishSegment());
  }

  /** Deletes up to one chunk of items past the age limit, from every column; returns whether more remain. */
  private async sweepAge(): Promise<boolean> {
    const keys = this.index.keysOlderThan(Date.now() - this.policy.maxAgeDays * DAY_MS, RETENTION_CHUNK);
    if (keys.length === 0) return false;
    this.index.beginSegment();
    this.index.removeKeys(keys);
    await this.persistRemoval(keys, this.index.finishSegment());
    return keys.length === RETENTION_CHUNK;
  }

  /**
   * Deletes the rows of items the index already forgot, with the segment recording it, in one
   * transaction. Memory runs ahead of the database; a failure reloads the index from the segments.
   */
  private async persistRemoval(keys: readonly string[], segment: IndexSegmentRow | null): Promise<void> {
    for (const key of keys) this.cache.delete(key);
    if (!segment) return;
    const { db } = this;
    await db.transaction('rw', db.items, db.indexSegments, async () => {
      await Promise.all([db.items.bulkDelete(keys as string[]), db.indexSegments.add(segment)]);
    });
    this.segmentCount += 1;
  }

  /**
   * Retention runs in chunks queued between writes. While ingest is busy it waits MAINTENANCE_DELAY_MS so
   * consecutive batches keep overlapping; when the queue goes idle it starts at once.
   */
  private scheduleMaintenance(delayMs: number): void {
    if (this.maintaining) return;
    if (this.maintenanceTimer !== null) {
      if (delayMs > 0) return;
      clearTimeout(this.maintenanceTimer);
    }
    this.maintenanceTimer = setTimeout(() => {
      this.maintenanceTimer = null;
      void this.maintain();
    }, delayMs);
  }

  /** One round of background work; each step is a queued chunk, and unfinished work is picked up again. */
  private async maintain(): Promise<void> {
    this.maintaining = true;
    try {
      if (Date.now() - this.lastAgeSweep > AGE_SWEEP_INTERVAL_MS) this.ageSweepDue = true;
      if (this.ageSweepDue) {
        this.lastAgeSweep = Date.now();
        this.ageSweepDue = false;
        if (await this.queue.run(() => this.sweepAge())) this.ageSweepDue = true;
      }
      for (const column of [...this.dirtyColumns]) {
        // Cleared first: an ingest committing meanwhile marks the column again.
        this.dirtyColumns.delete(column);
        const cap = this.policy.maxItemsPerColumn;
        if (await this.queue.run(() => this.removeFromColumn(column, cap))) this.dirtyColumns.add(column);
      }
      if (this.needsCompaction()) await this.queue.run(() => this.compact());
    } catch (error) {
      // Dropped rather than retried in a tight loop; the next ingest or sweep interval tries again.
      this.dirtyColumns.clear();
      this.ageSweepDue = false;
      console.error('archive: background retention failed', error);
    } finally {
      this.maintaining = false;
      this.onQueueIdle();
    }
  }

  private needsCompaction(): boolean {
    const dead = this.index.deadDocs;
    return this.segmentCount > MAX_SEGMENTS || (dead > 1_000 && dead > this.index.liveDocs / 4);
  }

  /** Rewrites the persisted index without dead documents and in few large segments. */
  private async compact(): Promise<void> {
    const rows = this.index.snapshot(SNAPSHOT_SEGMENT_DOCS);
    const fresh = new SearchIndex();
    fresh.load(rows);
    await this.db.transaction('rw', this.db.indexSegments, async () => {
      await this.db.indexSegments.clear();
      await this.db.indexSegments.bulkAdd(rows);
    });
    this.index = fresh;
    this.segmentCount = rows.length;
  }

  private async loadIndex(): Promise<void> {
    const loaded = await loadIndex(this.db);
    this.index = loaded.index;
    this.segmentCount = loaded.segments;
    this.loadInfo = loaded.info;
    // A rebuilt index is stored at once, so the next start replays segments instead.
    if (loaded.info.source === 'items') await this.compact();
  }

  private async reloadIndex(): Promise<void> {
    this.cache.clear();
    const { index, segments } = await replaySegments(this.db);
    this.index = index;
    this.segmentCount = segments;
  }

  private hasMaintenanceWork(): boolean {
    return this.dirtyColumns.size > 0 || this.ageSweepDue;
  }

  private isIdle(): boolean {
    return (
      this.queue.idle &&
      this.maintenanceTimer === null &&
      this.countTimer === null &&
      !this.maintaining &&
      !this.hasMaintenanceWork()
    );
  }

  private onQueueIdle(): void {
    if (this.queue.idle && !this.maintaining && this.hasMaintenanceWork()) this.scheduleMaintenance(0);
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
