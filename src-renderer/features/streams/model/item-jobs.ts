// The outbox jobs started from a column's items (repost, unrepost, delete), by item key, kept live from
// main's outbox:changed events so each card can show its own line — waiting out the undo window, sending,
// done, or failed with Retry — and the deck can apply the outcome once the network has it.
import type { ContentActionKind } from '../../../../src-shared/compose/content-action.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import type { OutboxJob } from '../../../../src-shared/contract/publishing-contract.ts';
import { summariseJobs, type Progress } from '../../../publishing/job-progress.ts';

export interface ItemJob {
  readonly what: ContentActionKind;
  /** The item as it was when the action started, to apply the outcome to. */
  readonly item: StreamItem;
  readonly job: OutboxJob;
  readonly progress: Progress | null;
}

export interface ItemJobs {
  track(item: StreamItem, what: ContentActionKind, job: OutboxJob): void;
  get(itemKey: string): ItemJob | null;
  subscribe(itemKey: string, listener: () => void): () => void;
  /** Applies changed jobs; returns the ones that just reached `sent`, with the item they were about. */
  update(jobs: readonly OutboxJob[]): ItemJob[];
  forget(itemKey: string): void;
}

export function createItemJobs(): ItemJobs {
  const byKey = new Map<string, ItemJob>();
  const listeners = new Map<string, Set<() => void>>();
  const notify = (key: string) => listeners.get(key)?.forEach((l) => l());
  const entry = (item: StreamItem, what: ContentActionKind, job: OutboxJob): ItemJob => ({
    what,
    item,
    job,
    progress: summariseJobs([job]),
  });
  return {
    track(item, what, job) {
      byKey.set(item.key, entry(item, what, job));
      notify(item.key);
    },
    get: (itemKey) => byKey.get(itemKey) ?? null,
    subscribe(itemKey, listener) {
      const set = listeners.get(itemKey) ?? new Set();
      set.add(listener);
      listeners.set(itemKey, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(itemKey);
      };
    },
    update(jobs) {
      const sent: ItemJob[] = [];
      for (const [itemKey, current] of byKey) {
        const next = jobs.find((j) => j.id === current.job.id);
        if (!next || next.updatedAt === current.job.updatedAt) continue;
        const updated = entry(current.item, current.what, next);
        byKey.set(itemKey, updated);
        if (next.state === 'sent' && current.job.state !== 'sent') sent.push(updated);
        notify(itemKey);
      }
      return sent;
    },
    forget(itemKey) {
      if (byKey.delete(itemKey)) notify(itemKey);
    },
  };
}
