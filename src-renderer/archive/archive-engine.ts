// What the archive worker does: ingest into Dexie, column reads, search over the in-memory index, and
// retention in small chunks. Writes go through one queue so the index and the tables never disagree.
import { Dexie } from 'dexie';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { ArchiveItemRow, ColumnItemRow, IndexSegmentRow } from '../db/archive-rows.ts';
import { openRoostDb, type RoostDb } from '../db/roost-db.ts';
import type {
  ArchiveHit,
  ArchiveIndexLoad,
  ArchiveQuery,
  ArchiveStats,
  RetentionPolicy,
} from './archive-port.ts';
import { compileQuery } from './compile-query.ts';
import { checkItem, columnSortKey, describeItem, type DescribedItem } from './item-doc.ts';
import { SearchIndex } from './search-index.ts';
import { WriteQueue } from './write-queue.ts';

export const DEFAULT_RETENTION: RetentionPolicy = { maxItemsPerColumn: 5_000, maxAgeDays: 90 };
const DAY_MS = 86_400_000;
/** Items per ingest transaction: big enough to amortise a commit, small enough to keep searches responsive. */
const INGEST_CHUNK = 1_000;
/** Rows removed per retention transaction; other requests run between chunks. */
const RETENTION_CHUNK = 500;
const SNAPSHOT_SEGMENT_DOCS = 5_000;
const MAX_SEGMENTS = 400;
const SEARCH_LIMIT_MAX = 1_000;
/** Items age continuously; while ingest keeps running, look for expired ones this often. */
const AGE_SWEEP_INTERVAL_MS = 10 * 60_000;
const MAINTENANCE_DELAY_MS = 2_000;

interface PreparedIngest {
  readonly columnKey: string;
  readonly rows: ArchiveItemRow[];
  readonly memberships: ColumnItemRow[];
  /** Items already archived whose time changed: their memberships in other columns move. */
  readonly moved: Map<string, number>;
  readonly segment: IndexSegmentRow | null;
}

export class ArchiveEngine {
  private readonly db: RoostDb;
  private index = new SearchIndex();
  private policy: RetentionPolicy = DEFAULT_RETENTION;
  private readonly queue: WriteQueue<PreparedIngest>;
  private segmentCount = 0;
  private loadInfo: ArchiveIndexLoad = { source: 'empty', ms: 0, segmentsRead: 0, itemsRead: 0 };
  private readonly dirtyColumns = new Set<string>();
  private ageSweepDue = true;
  private lastAgeSweep = 0;
  private maintenanceTimer: ReturnType<typeof setTimeout> | null = null;
  private maintaining = false;
  private idleWaiters: (() => void)[] = [];

  private constructor(db: RoostDb) {
    this.db = db;
    this.queue = new WriteQueue<PreparedIngest>({
      prepare: (columnKey, items) => this.prepareIngest(columnKey, items),
      commit: (prepared) => this.commitIngest(prepared),
      recover: () => this.reloadIndex(),
      onIdle: () => this.onQueueIdle(),
    });
  }

  static async open(dbName: string): Promise<ArchiveEngine> {
    const db = await openRoostDb({ name: dbName });
    const engine = new ArchiveEngine(db);
    const stored = (await db.archiveMeta.get('retention'))?.value;
    if (isPolicy(stored)) engine.policy = stored;
    await engine.loadIndex();
    return engine;
  }

  close(): void {
    this.db.close();
  }

  ingest(columnKey: string, items: readonly StreamItem[]): Promise<void> {
    checkColumnKey(columnKey);
    if (!Array.isArray(items)) throw new Error('ingest: items must be an array');
    // Check everything before queueing so a bad item rejects the call without storing half of it.
    items.forEach((item, i) => checkItem(item, i));
    const chunks: Promise<void>[] = [];
    for (let i = 0; i < items.length; i += INGEST_CHUNK) {
      chunks.push(this.queue.ingest(columnKey, items.slice(i, i + INGEST_CHUNK)));
    }
    return Promise.all(chunks).then(() => undefined);
  }

  async loadColumn(columnKey: string, limit: number): Promise<StreamItem[]> {
    checkColumnKey(columnKey);
    if (!Number.isInteger(limit) || limit < 0)
      throw new Error(`loadColumn: limit must be a whole number ≥ 0, not ${limit}`);
    if (limit === 0) return [];
    const keys = await this.db.columnItems
      .where('[columnKey+sortKey]')
      .between([columnKey, Dexie.minKey], [columnKey, Dexie.maxKey])
      .limit(limit)
      .toArray((rows) => rows.map((r) => r.itemKey));
    const rows = await this.db.items.bulkGet(keys);
    return rows.flatMap((row) => (row ? [row.item] : []));
  }

  async search(query: ArchiveQuery): Promise<ArchiveHit[]> {
    const compiled = compileQuery(query);
    const limit = query.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_LIMIT_MAX) {
      throw new Error(`search: limit must be a whole number from 1 to ${SEARCH_LIMIT_MAX}, not ${limit}`);
    }
    const keys = this.index.search(compiled, limit).map((doc) => this.index.keyOf(doc));
    if (keys.length === 0) return [];
    // One getAll per key, all in flight at once: anyOf() would walk a cursor step by step instead.
    const [rows, perKey] = await this.db.transaction('r', this.db.items, this.db.columnItems, () =>
      Promise.all([
        this.db.items.bulkGet(keys),
        Promise.all(keys.map((key) => this.db.columnItems.where('itemKey').equals(key).toArray())),
      ]),
    );
    const memberships = perKey.flat();
    const columns = new Map<string, string[]>();
    for (const m of memberships) {
      const list = columns.get(m.itemKey);
      if (list) list.push(m.columnKey);
      else columns.set(m.itemKey, [m.columnKey]);
    }
    // A row can be missing only for a batch that is still committing; it shows up in the next search.
    return rows.flatMap((row) => (row ? [{ item: row.item, columnKeys: columns.get(row.key) ?? [] }] : []));
  }

  async setRetention(policy: RetentionPolicy): Promise<void> {
    if (!isPolicy(policy)) {
      throw new Error(
        'setRetention: maxItemsPerColumn and maxAgeDays must be positive numbers (maxItemsPerColumn whole)',
      );
    }
    this.policy = { maxItemsPerColumn: policy.maxItemsPerColumn, maxAgeDays: policy.maxAgeDays };
    await this.queue.run(() => this.db.archiveMeta.put({ key: 'retention', value: this.policy }));
    for (const column of await this.columnKeys()) this.dirtyColumns.add(column);
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

  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stats(): ArchiveStats {
    const index = this.index.stats();
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return {
      liveItems: index.liveDocs,
      segments: this.segmentCount,
      indexLoad: this.loadInfo,
      index,
      heapBytes: memory ? memory.usedJSHeapSize : null,
    };
  }

  private prepareIngest(columnKey: string, items: readonly StreamItem[]): PreparedIngest {
    const now = Date.now();
    const cutoff = now - this.policy.maxAgeDays * DAY_MS;
    const latest = new Map<string, DescribedItem>();
    items.forEach((item, i) => {
      const described = describeItem(checkItem(item, i), now);
      // Items already past the age limit would only be swept again.
      if (described.sortTime >= cutoff) latest.set(described.row.key, described);
    });
    const moved = new Map<string, number>();
    const rows: ArchiveItemRow[] = [];
    const memberships: ColumnItemRow[] = [];
    this.index.beginSegment();
    for (const d of latest.values()) {
      const before = this.index.docOf(d.row.key);
      if (before !== undefined && this.index.sortTimeOf(before) !== d.sortTime)
        moved.set(d.row.key, d.sortTime);
      this.index.addDoc(d.doc);
      rows.push(d.row);
      memberships.push({ columnKey, sortKey: columnSortKey(d.sortTime, d.row.key), itemKey: d.row.key });
    }
    return { columnKey, rows, memberships, moved, segment: this.index.finishSegment() };
  }

  private async commitIngest(p: PreparedIngest): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.items, db.columnItems, db.indexSegments, async () => {
      if (p.moved.size > 0) {
        const old = await db.columnItems
          .where('itemKey')
          .anyOf([...p.moved.keys()])
          .toArray();
        await db.columnItems.bulkDelete(old.map((r) => [r.columnKey, r.sortKey] as [string, string]));
        await db.columnItems.bulkPut(
          old.map((r) => ({ ...r, sortKey: columnSortKey(p.moved.get(r.itemKey) ?? 0, r.itemKey) })),
        );
      }
      await Promise.all([
        db.items.bulkPut(p.rows),
        db.columnItems.bulkPut(p.memberships),
        p.segment ? db.indexSegments.add(p.segment) : Promise.resolve(0),
      ]);
    });
    if (p.segment) this.segmentCount += 1;
    if (p.memberships.length > 0) this.dirtyColumns.add(p.columnKey);
    this.scheduleMaintenance(MAINTENANCE_DELAY_MS);
  }

  /** Removes up to one chunk of a column's memberships from position `keep` on; returns whether more remain. */
  private async removeFromColumn(columnKey: string, keep: number): Promise<boolean> {
    const { db } = this;
    return db.transaction('rw', db.items, db.columnItems, db.indexSegments, async () => {
      const rows = await db.columnItems
        .where('[columnKey+sortKey]')
        .between([columnKey, Dexie.minKey], [columnKey, Dexie.maxKey])
        .offset(keep)
        .limit(RETENTION_CHUNK)
        .toArray();
      if (rows.length === 0) return false;
      await db.columnItems.bulkDelete(rows.map((r) => [r.columnKey, r.sortKey] as [string, string]));
      const keys = [...new Set(rows.map((r) => r.itemKey))];
      const held = new Set(await db.columnItems.where('itemKey').anyOf(keys).keys());
      await this.forget(keys.filter((k) => !held.has(k)));
      return rows.length === RETENTION_CHUNK;
    });
  }

  /** Deletes up to one chunk of items past the age limit, with their memberships; returns whether more remain. */
  private async sweepAge(): Promise<boolean> {
    const { db } = this;
    const cutoff = new Date(Date.now() - this.policy.maxAgeDays * DAY_MS).toISOString();
    return db.transaction('rw', db.items, db.columnItems, db.indexSegments, async () => {
      const keys = (await db.items
        .where('createdAt')
        .below(cutoff)
        .limit(RETENTION_CHUNK)
        .primaryKeys()) as string[];
      if (keys.length === 0) return false;
      const memberships = await db.columnItems.where('itemKey').anyOf(keys).primaryKeys();
      await db.columnItems.bulkDelete(memberships as [string, string][]);
      await this.forget(keys);
      return keys.length === RETENTION_CHUNK;
    });
  }

  /** Deletes item rows (inside the caller's transaction) and records their removal in the index. */
  private async forget(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.items.bulkDelete(keys as string[]);
    this.index.beginSegment();
    this.index.removeKeys(keys);
    const segment = this.index.finishSegment();
    if (segment) {
      await this.db.indexSegments.add(segment);
      this.segmentCount += 1;
    }
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
    const started = performance.now();
    const rows = await this.db.indexSegments.toArray();
    if (rows.length > 0) {
      try {
        const index = new SearchIndex();
        index.load(rows);
        this.index = index;
        this.segmentCount = rows.length;
        this.loadInfo = {
          source: 'segments',
          ms: performance.now() - started,
          segmentsRead: rows.length,
          itemsRead: 0,
        };
        return;
      } catch (error) {
        console.error('archive: the stored search index is unreadable; rebuilding it from the items', error);
      }
    }
    const itemsRead = await this.rebuildFromItems();
    this.loadInfo = {
      source: itemsRead > 0 ? 'items' : 'empty',
      ms: performance.now() - started,
      segmentsRead: rows.length,
      itemsRead,
    };
  }

  /** The slow path: re-tokenises every stored item, then persists the result so the next start is fast. */
  private async rebuildFromItems(): Promise<number> {
    this.index = new SearchIndex();
    let read = 0;
    let after: string | null = null;
    const now = Date.now();
    for (;;) {
      const page: ArchiveItemRow[] = await (after === null
        ? this.db.items.orderBy(':id').limit(2_000).toArray()
        : this.db.items.where(':id').above(after).limit(2_000).toArray());
      if (page.length === 0) break;
      this.index.beginSegment();
      for (const row of page) this.index.addDoc(describeItem(row.item, now).doc);
      this.index.finishSegment();
      read += page.length;
      after = page[page.length - 1]?.key ?? null;
    }
    await this.compact();
    return read;
  }

  private async reloadIndex(): Promise<void> {
    const index = new SearchIndex();
    const rows = await this.db.indexSegments.toArray();
    index.load(rows);
    this.index = index;
    this.segmentCount = rows.length;
  }

  private async columnKeys(): Promise<string[]> {
    const keys: string[] = [];
    let next = await this.db.columnItems.orderBy('[columnKey+sortKey]').first();
    while (next) {
      keys.push(next.columnKey);
      next = await this.db.columnItems
        .where('[columnKey+sortKey]')
        .above([next.columnKey, Dexie.maxKey])
        .first();
    }
    return keys;
  }

  private hasMaintenanceWork(): boolean {
    return this.dirtyColumns.size > 0 || this.ageSweepDue;
  }

  private isIdle(): boolean {
    return (
      this.queue.idle && this.maintenanceTimer === null && !this.maintaining && !this.hasMaintenanceWork()
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

function checkColumnKey(columnKey: unknown): asserts columnKey is string {
  if (typeof columnKey !== 'string' || columnKey.length === 0)
    throw new Error('columnKey must be a non-empty string');
}

function isPolicy(value: unknown): value is RetentionPolicy {
  const p = value as RetentionPolicy | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    Number.isInteger(p.maxItemsPerColumn) &&
    p.maxItemsPerColumn > 0 &&
    typeof p.maxAgeDays === 'number' &&
    p.maxAgeDays > 0
  );
}
