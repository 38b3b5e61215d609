// Listening counts waiting to be written. Ingest adds each batch's tally here (memory only, no IndexedDB
// work in the ingest transaction); a flush shortly after adds them to the stored rows in one transaction of
// its own, one read and one write per touched column-hour (and column-day rollup) however many batches touched it. A worker that
// dies between a batch and the flush (within FLUSH_DELAY_MS) loses those counts; "rebuild" recounts them.
import { mergeDaily, rollUpDaily } from '../../../src-shared/analytics/daily-rollup.ts';
import { mergeCounts, type ListeningCount, type Sentiment } from '../../../src-shared/analytics/listening.ts';
import type { RoostDb } from '../../db/roost-db.ts';

export const FLUSH_DELAY_MS = 2_000;

interface PendingCount {
  columnKey: string;
  hour: number;
  total: number;
  sentiment: Record<Sentiment, number>;
  lang: Record<string, number>;
  network: Record<string, number>;
}

function copyOf(count: ListeningCount): PendingCount {
  return {
    columnKey: count.columnKey,
    hour: count.hour,
    total: count.total,
    sentiment: { ...count.sentiment },
    lang: { ...count.lang },
    network: { ...count.network },
  };
}

function addInto(sum: PendingCount, delta: ListeningCount): void {
  sum.total += delta.total;
  for (const s of ['positive', 'neutral', 'negative'] as const) sum.sentiment[s] += delta.sentiment[s];
  for (const [k, v] of Object.entries(delta.lang)) sum.lang[k] = (sum.lang[k] ?? 0) + v;
  for (const [k, v] of Object.entries(delta.network)) sum.network[k] = (sum.network[k] ?? 0) + v;
}

export class ListeningCounter {
  private pending = new Map<string, PendingCount>();

  get size(): number {
    return this.pending.size;
  }

  add(counts: readonly ListeningCount[]): void {
    for (const delta of counts) {
      const key = `${delta.hour}\u0000${delta.columnKey}`;
      const seen = this.pending.get(key);
      // Summed in place into the counter's own copy: a batch's delta is added thousands of times an hour,
      // and a fresh merged object each time would only be garbage.
      if (seen) addInto(seen, delta);
      else this.pending.set(key, copyOf(delta));
    }
  }

  /** Forgets what is pending (a rebuild recounts it from the index). */
  clear(): void {
    this.pending.clear();
  }

  /** Adds the pending counts to the stored rows; on failure they stay pending for the next flush. */
  async flush(db: RoostDb): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      // The daily rollups take the same deltas in the same transaction, so they never drift from the hours.
      const days = rollUpDaily(batch);
      await db.transaction('rw', db.listeningCounts, db.listeningDaily, async () => {
        const [stored, storedDays] = await Promise.all([
          db.listeningCounts.bulkGet(batch.map((c) => [c.columnKey, c.hour])),
          db.listeningDaily.bulkGet(days.map((d) => [d.columnKey, d.hour])),
        ]);
        await Promise.all([
          db.listeningCounts.bulkPut(
            batch.map((delta, i) => (stored[i] ? mergeCounts(stored[i], delta) : delta)),
          ),
          db.listeningDaily.bulkPut(
            days.map((delta, i) => (storedDays[i] ? mergeDaily(storedDays[i], delta) : delta)),
          ),
        ]);
      });
    } catch (error) {
      this.add(batch);
      throw error;
    }
  }
}
