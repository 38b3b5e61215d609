// The outbox's state changes, each a function from the job as stored now to the job to store (or null to
// leave it): what a send's answer, a failure, a crash reconciliation or a due wake time does to a job. The
// engine (outbox-engine.ts) decides when they run and writes each one in a transaction.
import type { Random } from '../runtime/timing.ts';
import type { StoredJob } from './outbox-job.ts';
import type { PublishedRef, SendOutcome } from './publish-gateway.ts';
import { retryDelay, type RetryPolicy, type SendFailure } from './send-errors.ts';
import { waitsForPrevious } from './thread-chain.ts';

export type JobChange = (job: StoredJob, nowMs: number) => StoredJob | null;

/** What the engine's transitions need besides the job. */
export interface TransitionRules {
  readonly repo: Parameters<typeof waitsForPrevious>[0];
  readonly retry: RetryPolicy;
  readonly random: Random;
  readonly graceMs: number;
  readonly serverScheduleMinMs: number;
}

const published = (job: StoredJob, ref: PublishedRef, now: number): StoredJob => ({
  ...job,
  state: 'sent',
  remoteId: ref.remoteId,
  remoteCid: ref.cid ?? null,
  url: ref.url,
  sentAt: new Date(now).toISOString(),
  wakeMs: null,
  lastError: null,
});

/** A queued job goes to `sending` — unless it replies to a post not sent yet: it waits without a wake time. */
export const startSending =
  (rules: TransitionRules): JobChange =>
  (current) => {
    if (current.state !== 'queued') return null;
    if (waitsForPrevious(rules.repo, current))
      return current.wakeMs === null ? null : { ...current, wakeMs: null };
    return { ...current, state: 'sending', attempts: current.attempts + 1, wakeMs: null };
  };

/** The network has the post, or holds it for its scheduled time. */
export const afterSent =
  (outcome: SendOutcome): JobChange =>
  (job, now) => {
    if (job.state !== 'sending') return null;
    if (outcome.kind === 'scheduled') {
      return {
        ...job,
        state: 'queued',
        scheduledBy: 'server',
        serverScheduleId: outcome.serverScheduleId,
        wakeMs: job.dueMs,
        lastError: null,
      };
    }
    return published(job, outcome, now);
  };

/** A refusal needs the person; anything else is retried with backoff until the attempts run out. */
export const afterFailure =
  (rules: TransitionRules, failure: SendFailure): JobChange =>
  (job, now) => {
    if (job.state !== 'sending') return null;
    const lastError = { code: failure.code, message: failure.message };
    if (failure.kind === 'permanent') return { ...job, state: 'needs_attention', wakeMs: null, lastError };
    if (job.attempts >= rules.retry.maxAttempts) return { ...job, state: 'failed', wakeMs: null, lastError };
    const wakeMs = now + retryDelay(failure, job.attempts, rules.retry, rules.random);
    return { ...job, state: 'queued', wakeMs, lastError };
  };

/** After a crash: the post found on the network is recorded as sent; none found, it is sent again. */
export const afterReconcile =
  (found: PublishedRef | null): JobChange =>
  (j, now) => {
    if (j.state !== 'sending') return null;
    if (found) return published(j, found, now);
    // Nothing was posted (or the key makes a resend return the first post): send again with the same key.
    return { ...j, state: 'queued', wakeMs: now };
  };

/** The network could not be asked: ask again later, without counting an attempt. */
export const afterReconcileFailure =
  (rules: TransitionRules, failure: SendFailure): JobChange =>
  (j, now) =>
    j.state === 'sending'
      ? {
          ...j,
          state: 'queued',
          wakeMs: now + retryDelay(failure, Math.max(1, j.attempts), rules.retry, rules.random),
          lastError: { code: failure.code, message: failure.message },
        }
      : null;

/** Where a job's wake time goes once its undo window ends. */
export function wakeAfterHold(job: StoredJob, nowMs: number): number {
  // A server-held schedule is handed over right away; Roost's own schedule waits for the due time.
  if (job.scheduledBy === 'server' && !job.serverScheduleId) return nowMs;
  return job.dueMs;
}

/**
 * The non-network step a job takes when its wake time comes, or null when the next step is to send it:
 * the undo window ends, a server-held post's time has come, a schedule too close for the server comes back
 * to Roost, or a job late beyond the grace period waits for the person.
 */
export function dueStep(rules: TransitionRules, job: StoredJob, now: number): JobChange | null {
  if (job.state === 'held') {
    return (j, at) =>
      j.state === 'held'
        ? { ...j, state: 'queued', wakeMs: waitsForPrevious(rules.repo, j) ? null : wakeAfterHold(j, at) }
        : null;
  }
  if (job.serverScheduleId) {
    // The server published it at its time; Roost only records that the time has come.
    return (j) =>
      j.state === 'queued' && j.serverScheduleId
        ? { ...j, state: 'sent', sentAt: j.scheduledAt, wakeMs: null }
        : null;
  }
  if (job.scheduledBy === 'server' && Date.parse(job.scheduledAt ?? '') - now < rules.serverScheduleMinMs) {
    // Too close for the server to accept a schedule any more: Roost keeps it.
    return (j) => (j.state === 'queued' ? { ...j, scheduledBy: 'roost', wakeMs: j.dueMs } : null);
  }
  if (job.scheduledBy === 'roost' && now - job.dueMs > rules.graceMs) {
    return (j) => (j.state === 'queued' ? { ...j, state: 'overdue', wakeMs: null } : null);
  }
  return null;
}
