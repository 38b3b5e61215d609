// The outbox's view of the networks: send one job (with its fixed record key or Idempotency-Key), find out
// what became of a job interrupted mid-send, and keep a server-held Mastodon schedule in sync.
import type { StoredJob } from './outbox-job.ts';

export type SendOutcome =
  | {
      readonly kind: 'published';
      readonly remoteId: string;
      readonly url: string | null;
      /** Bluesky strong-ref CID, kept so a later post of a thread can reply to this one. */
      readonly cid?: string | null;
    }
  | { readonly kind: 'scheduled'; readonly serverScheduleId: string };

export interface PublishedRef {
  readonly remoteId: string;
  readonly url: string | null;
  readonly cid?: string | null;
}

export interface PublishGateway {
  /**
   * `serverScheduleAt`: hand the schedule to the server (Mastodon scheduled_at) instead of publishing now.
   * A later post of a thread arrives with `payload.replyTo` set to the published post before it.
   */
  send(job: StoredJob, serverScheduleAt: string | null): Promise<SendOutcome>;
  /**
   * After a crash, for a job found in `sending`: the post if it exists. Null means sending again with the
   * job's key is safe (it cannot create a second post).
   */
  reconcile(job: StoredJob): Promise<PublishedRef | null>;
  reschedule(job: StoredJob, serverScheduleId: string, scheduledAt: string): Promise<void>;
  unschedule(job: StoredJob, serverScheduleId: string): Promise<void>;
}
