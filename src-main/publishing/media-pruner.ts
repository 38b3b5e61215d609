// Keeps the media folder from growing forever: at start-up and then daily, removes images no unfinished
// outbox job needs and that nobody stored again for the retention period, plus temp files of crashed writes.
import { threadOf } from '../../src-shared/compose/post.ts';
import { OUTBOX_STATES } from '../../src-shared/contract/publishing-contract.ts';
import type { Clock, Timers } from '../runtime/timing.ts';
import type { MediaStore, PruneResult } from './media-store.ts';
import type { OutboxState } from './outbox-job.ts';
import type { OutboxRepository } from './outbox-repository.ts';

export const MEDIA_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
export const PRUNE_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** A temp file younger than this may belong to a write still under way in another process; leave it. */
export const TEMP_GRACE_MS = 60 * 60 * 1000;

/** Only these states are over for good; every other job may still be sent and needs its images' bytes. */
const DONE_STATES: readonly OutboxState[] = ['sent', 'cancelled'];

/** The media ids of every outbox job that may still be sent (failed and needs-attention ones included). */
export function mediaInUse(repo: Pick<OutboxRepository, 'inState'>): Set<string> {
  const ids = new Set<string>();
  for (const state of OUTBOX_STATES) {
    if (DONE_STATES.includes(state)) continue;
    for (const job of repo.inState(state)) {
      // Every part of the stored target, follow-ups included: a superset of what this job itself sends.
      for (const part of threadOf(job.payload.target)) for (const media of part.media) ids.add(media.id);
    }
  }
  return ids;
}

export interface MediaPrunerDeps {
  readonly media: Pick<MediaStore, 'prune'>;
  /** Read at each run, so a job submitted since the last run protects its images. */
  readonly inUse: () => ReadonlySet<string>;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly retentionMs?: number;
  readonly intervalMs?: number;
  readonly onPruned?: (result: PruneResult) => void;
  readonly onError?: (error: unknown) => void;
}

export interface MediaPruner {
  /** One pass now. */
  pruneNow(): PruneResult;
  /** Prunes now and then every interval; returns a stop function. */
  start(): () => void;
}

export function createMediaPruner(deps: MediaPrunerDeps): MediaPruner {
  const retentionMs = deps.retentionMs ?? MEDIA_RETENTION_MS;
  const intervalMs = deps.intervalMs ?? PRUNE_INTERVAL_MS;

  const pruneNow = (): PruneResult => {
    const now = deps.clock.now();
    return deps.media.prune({
      keep: deps.inUse(),
      storedBefore: now - retentionMs,
      tempBefore: now - TEMP_GRACE_MS,
    });
  };

  return {
    pruneNow,
    start() {
      let stopped = false;
      let handle: unknown = null;
      const run = (): void => {
        if (stopped) return;
        try {
          // Not `onPruned?.(pruneNow())`: an absent callback would skip the pass itself.
          const result = pruneNow();
          deps.onPruned?.(result);
        } catch (error) {
          // A failed pass (a busy disk, a permission) is retried at the next interval, not fatal to main.
          deps.onError?.(error);
        }
        if (!stopped) handle = deps.timers.setTimeout(run, intervalMs);
      };
      run();
      return () => {
        stopped = true;
        if (handle !== null) deps.timers.clearTimeout(handle);
      };
    },
  };
}
