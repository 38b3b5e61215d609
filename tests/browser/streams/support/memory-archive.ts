// An in-memory archive for deck tests and benchmarks: the ArchivePort contract with plain maps, search by
// case-insensitive substring, and per-column retention so long runs stay bounded like the real one.
import type {
  ArchiveHit,
  ArchivePort,
  ArchiveQuery,
  RetentionPolicy,
} from '../../../../src-renderer/archive/archive-port.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';

export interface MemoryArchive extends ArchivePort {
  /** Every ingest call, for assertions. */
  readonly ingested: { columnKey: string; count: number }[];
  seed(columnKey: string, items: readonly StreamItem[]): void;
  size(): number;
}

export function createMemoryArchive(
  policy: RetentionPolicy = { maxItemsPerColumn: 5_000, maxAgeDays: 30 },
): MemoryArchive {
  let retention = policy;
  const items = new Map<string, StreamItem>();
  /** Newest first per column. */
  const columns = new Map<string, string[]>();
  const ingested: { columnKey: string; count: number }[] = [];
  /** How many columns hold each item; an item leaves when none does. */
  const holders = new Map<string, number>();
  const release = (key: string) => {
    const n = (holders.get(key) ?? 1) - 1;
    if (n > 0) holders.set(key, n);
    else {
      holders.delete(key);
      items.delete(key);
    }
  };

  // Batches arrive newest first and newer than what the column holds, as the deck sends them.
  const add = (columnKey: string, batch: readonly StreamItem[]) => {
    const keys = columns.get(columnKey) ?? [];
    const held = new Set(keys);
    const fresh: string[] = [];
    for (const item of batch) {
      items.set(item.key, item);
      if (held.has(item.key)) continue;
      held.add(item.key);
      fresh.push(item.key);
      holders.set(item.key, (holders.get(item.key) ?? 0) + 1);
    }
    const next = fresh.concat(keys);
    for (const key of next.splice(retention.maxItemsPerColumn)) release(key);
    columns.set(columnKey, next);
  };

  return {
    ingested,
    async ingest(columnKey, batch) {
      ingested.push({ columnKey, count: batch.length });
      add(columnKey, batch);
    },
    seed: add,
    async loadColumn(columnKey, limit) {
      return (columns.get(columnKey) ?? []).slice(0, limit).map((k) => items.get(k)!);
    },
    async search(query: ArchiveQuery): Promise<ArchiveHit[]> {
      const needle = query.text.trim().toLowerCase();
      const hits: ArchiveHit[] = [];
      for (const item of items.values()) {
        if (!item.text.toLowerCase().includes(needle)) continue;
        const columnKeys = [...columns].filter(([, keys]) => keys.includes(item.key)).map(([k]) => k);
        hits.push({ item, columnKeys });
        if (hits.length >= (query.limit ?? 50)) break;
      }
      return hits;
    },
    async setRetention(next) {
      retention = next;
    },
    async clearColumn(columnKey) {
      for (const key of columns.get(columnKey) ?? []) release(key);
      columns.delete(columnKey);
    },
    async removeDeleted(posts) {
      const refs = new Set(posts.map((p) => `${p.network} ${p.accountId} ${p.actionRef}`));
      const gone = new Set(
        [...items.values()]
          .filter((item) => refs.has(`${item.network} ${item.accountId} ${item.actionRef}`))
          .map((item) => item.key),
      );
      for (const [columnKey, held] of columns) {
        const kept = held.filter((key) => !gone.has(key));
        columns.set(columnKey, kept);
      }
      for (const key of gone) {
        holders.delete(key);
        items.delete(key);
      }
    },
    close: () => undefined,
    size: () => items.size,
  };
}
