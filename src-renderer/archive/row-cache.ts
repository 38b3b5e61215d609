// A bounded least-recently-used cache of archived item rows in the worker, so the items just ingested
// and the hits of recent searches are returned without a round trip to IndexedDB.
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';

export class RowCache {
  private readonly capacity: number;
  /** Map iteration order is insertion order: the first entry is the least recently used. */
  private readonly rows = new Map<string, StreamItem>();

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get size(): number {
    return this.rows.size;
  }

  get(key: string): StreamItem | undefined {
    const item = this.rows.get(key);
    if (item === undefined) return undefined;
    this.rows.delete(key);
    this.rows.set(key, item);
    return item;
  }

  set(key: string, item: StreamItem): void {
    this.rows.delete(key);
    this.rows.set(key, item);
    if (this.rows.size > this.capacity) {
      const oldest = this.rows.keys().next();
      if (!oldest.done) this.rows.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.rows.delete(key);
  }

  clear(): void {
    this.rows.clear();
  }
}
