// What became of the jobs one submission created, kept live from main's outbox:changed events, reduced
// to the one line a person needs: waiting out the undo window, sending, sent, failed (with the server's
// message) or cancelled.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutboxJob } from '../../src-shared/contract/publishing-contract.ts';
import type { RoostClient } from '../bridge/client.ts';

export type Progress =
  | { readonly kind: 'holding'; readonly until: number; readonly accounts: number }
  | { readonly kind: 'sending'; readonly accounts: number }
  | { readonly kind: 'scheduled'; readonly accounts: number }
  | { readonly kind: 'sent'; readonly accounts: number; readonly jobs: readonly OutboxJob[] }
  | { readonly kind: 'failed'; readonly message: string; readonly retryable: readonly string[] }
  | { readonly kind: 'cancelled' };

const accountsOf = (jobs: readonly OutboxJob[]): number => new Set(jobs.map((j) => j.accountId)).size;

export function summariseJobs(jobs: readonly OutboxJob[]): Progress | null {
  if (jobs.length === 0) return null;
  const failed = jobs.filter((j) => j.state === 'failed' || j.state === 'needs_attention');
  if (failed.length > 0) {
    return {
      kind: 'failed',
      message: failed.map((j) => j.lastError?.message ?? '').find((m) => m !== '') ?? '',
      // A post of a thread cannot be sent again alone; the others can, with their own keys.
      retryable: failed.map((j) => j.id),
    };
  }
  if (jobs.every((j) => j.state === 'cancelled')) return { kind: 'cancelled' };
  const live = jobs.filter((j) => j.state !== 'cancelled');
  if (live.every((j) => j.state === 'sent')) return { kind: 'sent', accounts: accountsOf(live), jobs: live };
  const held = live.filter((j) => j.state === 'held' && j.holdUntil);
  if (held.length > 0) {
    return {
      kind: 'holding',
      until: Math.min(...held.map((j) => Date.parse(j.holdUntil ?? ''))),
      accounts: accountsOf(live),
    };
  }
  if (live.some((j) => j.scheduledAt !== null && j.state === 'queued')) {
    return { kind: 'scheduled', accounts: accountsOf(live) };
  }
  return { kind: 'sending', accounts: accountsOf(live) };
}

export interface JobProgress {
  readonly jobs: readonly OutboxJob[];
  readonly progress: Progress | null;
  /** Starts following these jobs (replacing any followed before). */
  track(jobs: readonly OutboxJob[]): void;
  clear(): void;
  /** Cancels every job still cancellable (undo). */
  undo(): Promise<boolean>;
  retry(): Promise<string | null>;
}

export function useJobProgress(
  client: RoostClient,
  onChange?: (jobs: readonly OutboxJob[]) => void,
): JobProgress {
  const [jobs, setJobs] = useState<readonly OutboxJob[]>([]);
  const latest = useRef(jobs);
  latest.current = jobs;
  const changed = useRef(onChange);
  changed.current = onChange;
  const followed = jobs.map((j) => j.id).join(',');

  useEffect(() => {
    if (!followed) return;
    const ids = new Set(followed.split(','));
    return client.on('outbox:changed', ({ jobs: updates }) => {
      const mine = updates.filter((j) => ids.has(j.id));
      if (mine.length === 0) return;
      const next = latest.current.map((j) => mine.find((m) => m.id === j.id) ?? j);
      latest.current = next;
      setJobs(next);
      changed.current?.(next);
    });
  }, [client, followed]);

  const track = useCallback(
    (next: readonly OutboxJob[]) => {
      latest.current = next;
      setJobs(next);
      if (next.length === 0) return;
      // Changes announced before this subscription started (a job sent at once) are read back once.
      const from = new Date(Math.min(...next.map((j) => Date.parse(j.createdAt))) - 1_000).toISOString();
      void client
        .call('outbox:list', { from, accountIds: [...new Set(next.map((j) => j.accountId))] })
        .then((result) => {
          if (!result.ok) return;
          const fresher = (job: OutboxJob) =>
            result.value.find((j) => j.id === job.id && j.updatedAt > job.updatedAt) ?? job;
          const merged = latest.current.map(fresher);
          if (merged.some((j, i) => j !== latest.current[i])) {
            latest.current = merged;
            setJobs(merged);
            changed.current?.(merged);
          }
        });
    },
    [client],
  );
  const clear = useCallback(() => setJobs([]), []);

  const undo = useCallback(async () => {
    const results = await Promise.all(jobs.map((job) => client.call('outbox:cancel', { jobId: job.id })));
    return results.every((r) => r.ok && r.value.cancelled);
  }, [client, jobs]);

  const retry = useCallback(async () => {
    const failed = jobs.filter((j) => j.state === 'failed' || j.state === 'needs_attention');
    for (const job of failed) {
      const result = await client.call('outbox:retry', { jobId: job.id });
      if (!result.ok) return result.error.message;
    }
    return null;
  }, [client, jobs]);

  // A job list re-derived from state, so the line updates with every event.
  const progress = summariseJobs(jobs);
  return { jobs, progress, track, clear, undo, retry };
}
