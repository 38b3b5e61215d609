// Threads in the outbox: each target's thread is a chain of jobs where post N+1 waits (queued, no wake time)
// until post N is sent, then replies to it. What one job's new state means for the rest of its chain is
// decided here and written in the same transaction as that state, so a crash cannot split the two.
import type { PostRef } from '../../src-shared/compose/post.ts';
import { createTid } from '../../src-shared/atproto/tid.ts';
import type { Random } from '../runtime/timing.ts';
import { CANCELLABLE_STATES, type StoredJob } from './outbox-job.ts';
import type { OutboxRepository } from './outbox-repository.ts';

/** lastError code of a job cancelled because an earlier post of its thread was. */
export const THREAD_CANCELLED = 'thread_cancelled';
/** lastError code of a job held back because an earlier post of its thread could not be published. */
export const THREAD_STOPPED = 'thread_stopped';

const MAX_MESSAGE = 2_000;

type ThreadRepo = Pick<OutboxRepository, 'threadJob' | 'laterInThread'>;

/** The post before this one in its thread, or null for a single post or the first of a thread. */
export function previousInThread(repo: ThreadRepo, job: StoredJob): StoredJob | null {
  if (job.threadId === null || job.threadIndex === 0) return null;
  return repo.threadJob(job.threadId, job.threadIndex - 1);
}

/** True while the post before this one in its thread is not published yet. */
export function waitsForPrevious(repo: ThreadRepo, job: StoredJob): boolean {
  if (job.threadId === null || job.threadIndex === 0) return false;
  return previousInThread(repo, job)?.state !== 'sent';
}

/** The job as the network call needs it: a later post of a thread replies to the published post before it. */
export function withThreadParent(repo: ThreadRepo, job: StoredJob): StoredJob {
  if (job.threadId === null || job.threadIndex === 0) return job;
  const previous = previousInThread(repo, job);
  if (!previous || previous.state !== 'sent' || !previous.remoteId) {
    throw new Error('The previous post of this thread has not been published.');
  }
  const parent: PostRef = {
    network: job.network,
    remoteId: previous.remoteId,
    cid: previous.remoteCid,
    sourceAccountId: job.accountId,
  };
  return { ...job, payload: { ...job.payload, replyTo: parent } };
}

/**
 * The other jobs of the thread that change because `job` just reached its state: the next post becomes
 * sendable once this one is sent; cancelling cancels every later post; a failure holds the later posts
 * back for the person (a reply to a post that does not exist cannot be sent).
 */
export function followThread(repo: ThreadRepo, job: StoredJob, nowMs: number): StoredJob[] {
  if (job.threadId === null) return [];
  const later = repo.laterInThread(job.threadId, job.threadIndex);
  const position = job.threadIndex + 1;
  if (job.state === 'sent') {
    const next = later[0];
    if (!next || next.threadIndex !== position || next.state !== 'queued' || next.wakeMs !== null) return [];
    // Lateness of the next post counts from when it could first go out, not from the thread's start.
    const dueMs = Math.max(next.dueMs, nowMs);
    return [{ ...next, dueMs, wakeMs: dueMs }];
  }
  if (job.state === 'cancelled') {
    const message = `Cancelled together with post ${position} of its thread.`;
    return later
      .filter((j) => CANCELLABLE_STATES.includes(j.state))
      .map((j) => ({
        ...j,
        state: 'cancelled',
        wakeMs: null,
        lastError: { code: THREAD_CANCELLED, message },
      }));
  }
  if (job.state === 'failed' || job.state === 'needs_attention') {
    const reason = job.lastError?.message ?? 'no reason given';
    const message =
      `Not sent: post ${position} of this thread could not be published (${reason}). ` +
      'Cancel the rest of the thread or write it again.';
    return later
      .filter((j) => j.state === 'held' || j.state === 'queued' || j.state === 'overdue')
      .map((j) => ({
        ...j,
        state: 'needs_attention',
        wakeMs: null,
        lastError: { code: THREAD_STOPPED, message: message.slice(0, MAX_MESSAGE) },
      }));
  }
  return [];
}

/**
 * Record keys for the posts of one thread: one clock id and consecutive microseconds, so the keys are
 * distinct and sort in thread order.
 */
export function threadRkeys(nowMs: number, random: Random, count: number): string[] {
  const clockId = Math.floor(random() * 1024);
  const start = Math.floor(random() * Math.max(1, 1000 - count));
  return Array.from({ length: count }, (_, i) => createTid(nowMs, clockId, start + i));
}
