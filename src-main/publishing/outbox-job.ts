// The outbox job as main keeps it: the contract's OutboxJob plus what exactly-once sending needs (record key,
// Idempotency-Key, server schedule id) and the engine's clock fields (due and wake times in epoch ms).
import type { OutboxJob } from '../../src-shared/contract/publishing-contract.ts';
import type { ContentAction } from '../../src-shared/compose/content-action.ts';
import type { PostRef, PostTarget } from '../../src-shared/compose/post.ts';

export type OutboxState = OutboxJob['state'];

/**
 * What the network call needs besides the text: the target's own variant (audience, language; the content
 * warning and media of this post of the thread), reply and quote references. A later post of a thread has
 * neither reference stored: it replies to the post before it, known only once that one is sent.
 */
export interface JobPayload {
  readonly target: PostTarget;
  readonly replyTo: PostRef | null;
  readonly quote: PostRef | null;
  /** Set for a repost, unrepost or delete: the job publishes no text, it acts on this item. */
  readonly action?: ContentAction | null;
}

export function jobAction(job: StoredJob): OutboxJob['action'] {
  return job.payload.action?.kind ?? 'post';
}

/** True for posts (replies and quotes included); false for reposts, unreposts and deletes. */
export function isPostJob(job: StoredJob): boolean {
  return !job.payload.action;
}

/** `action` and `subjectId` of the contract's job are derived from the payload, never stored twice. */
export interface StoredJob extends Omit<OutboxJob, 'action' | 'subjectId'> {
  readonly payload: JobPayload;
  /** Digest of the post the clearance covered. */
  readonly digest: string;
  /** When the job is meant to go out (end of the undo window or the scheduled time): lateness counts from here. */
  readonly dueMs: number;
  /** When the engine must next look at the job; null when nothing is pending (final states, overdue). */
  readonly wakeMs: number | null;
  /** Bluesky record key (a TID) chosen at creation; null for Mastodon. */
  readonly rkey: string | null;
  readonly idempotencyKey: string;
  /** Mastodon ScheduledStatus id once the server holds the schedule. */
  readonly serverScheduleId: string | null;
  /** The chain this job belongs to (the first job's id), or null for a single post. */
  readonly threadId: string | null;
  /** Position in the chain, 0 for the first post; job N+1 is sent only after job N, as a reply to it. */
  readonly threadIndex: number;
  /** Bluesky strong-ref CID of the published post (the next post of the thread needs it); null elsewhere. */
  readonly remoteCid: string | null;
}

/** States in which the engine still has work to do on a timer. */
export const TIMED_STATES: readonly OutboxState[] = ['held', 'queued'];
export const FINAL_STATES: readonly OutboxState[] = ['sent', 'failed', 'cancelled'];
/** States from which a person can still cancel a job. */
export const CANCELLABLE_STATES: readonly OutboxState[] = [
  'held',
  'queued',
  'overdue',
  'failed',
  'needs_attention',
];

export function toContractJob(job: StoredJob): OutboxJob {
  return {
    id: job.id,
    batchId: job.batchId,
    draftId: job.draftId,
    accountId: job.accountId,
    network: job.network,
    action: jobAction(job),
    subjectId:
      job.payload.action?.item.remoteId ??
      job.payload.replyTo?.remoteId ??
      job.payload.quote?.remoteId ??
      null,
    state: job.state,
    text: job.text,
    scheduledAt: job.scheduledAt,
    holdUntil: job.holdUntil,
    scheduledBy: job.scheduledBy,
    attempts: job.attempts,
    lastError: job.lastError,
    remoteId: job.remoteId,
    url: job.url,
    campaign: job.campaign,
    guardRecords: job.guardRecords,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    sentAt: job.sentAt,
  };
}
