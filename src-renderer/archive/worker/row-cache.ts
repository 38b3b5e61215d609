// A bounded least-recently-used cache of archived item rows in the worker, so the items just ingested
// and the hits of recent searches are returned without a round trip to IndexedDB.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';

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

  /**
   * Items by key, in order: cached ones at once, the rest through one call of `load` (undefined where no
   * row exists). Loaded items are cached only while `keep` says they are still live.
   */
  async readThrough(
    keys: readonly string[],
    load: (missing: string[]) => Promise<(StreamItem | undefined)[]>,
    keep: (key: string) => boolean,
  ): Promise<(StreamItem | undefined)[]> {
    const items = keys.map((key) => this.get(key));
    const missing: string[] = [];
    const at: number[] = [];
    items.forEach((item, i) => {
      if (item === undefined) {
        missing.push(keys[i] ?? '');
        at.push(i);
      }
    });
    if (missing.length === 0) return items;
    const loaded = await load(missing);
    loaded.forEach((item, j) => {
      if (!item) return;
      const key = missing[j] ?? '';
      if (keep(key)) this.set(key, item);
      items[at[j] ?? 0] = item;
    });
    return items;
  }

  delete(key: string): void {
    this.rows.delete(key);
  }

  clear(): void {
    this.rows.clear();
  }
}
