// A post's outbox jobs, one per target account and per post of a thread, with everything fixed at creation:
// record keys where the network takes them, an Idempotency-Key, whether the server or Roost holds the
// schedule, and the guard records that apply to each account. The network's own rules decide (publishing-
// rules.ts); nothing here names a network.
import { randomUUID } from 'node:crypto';
import { threadOf, type OutgoingPost } from '../../src-shared/compose/post.ts';
import { newPostRkey } from '../../src-shared/atproto/tid.ts';
import type { GuardRecord } from '../../src-shared/guards/types.ts';
import { publishingRules } from '../connectors/publishing-rules.ts';
import type { Random } from '../runtime/timing.ts';
import { wakeAfterHold } from './outbox-transitions.ts';
import type { StoredJob } from './outbox-job.ts';
import { threadRkeys } from './thread-chain.ts';

export interface PostJobsInput {
  readonly draftId: string | null;
  readonly post: OutgoingPost;
  readonly campaign: string | null;
  readonly digest: string;
  readonly records: readonly GuardRecord[];
  readonly nowMs: number;
  /** The end of the undo window, or null when there is none. */
  readonly holdMs: number | null;
  readonly scheduledMs: number | null;
  readonly dueMs: number;
  /** How far ahead a schedule must be for a server that holds schedules to take it. */
  readonly serverScheduleMinMs: number;
  readonly random: Random;
  /** Ids that sort in creation order, so a thread's posts list in their order. */
  readonly newId: (nowMs: number) => string;
}

export function postJobs(input: PostJobsInput): StoredJob[] {
  const { nowMs: now, holdMs, scheduledMs, dueMs, digest, records } = input;
  const iso = (ms: number): string => new Date(ms).toISOString();
  const batchId = input.newId(now);
  const created = iso(now);
  return input.post.targets.flatMap((target) => {
    const network = target.network as StoredJob['network'];
    const rules = publishingRules(network);
    const parts = threadOf(target);
    const threaded = parts.length > 1;
    // A reply needs the status id of the post before it, which a server-held schedule never gives Roost:
    // threads are always scheduled by Roost.
    const serverHeld =
      !threaded &&
      rules.holdsSchedules &&
      scheduledMs !== null &&
      scheduledMs - (holdMs ?? now) >= input.serverScheduleMinMs;
    // Chosen now and never changed: every retry and every restart publishes at these keys.
    const rkeys = !rules.takesRecordKey('post')
      ? []
      : threaded
        ? threadRkeys(now, input.random, parts.length)
        : [newPostRkey(now, input.random)];
    const guardRecords = records.filter(
      (r) => r.accountIds.length === 0 || r.accountIds.includes(target.accountId),
    );
    const ids = parts.map(() => input.newId(now));
    return parts.map((part, index) => {
      const base: StoredJob = {
        id: ids[index] ?? input.newId(now),
        batchId,
        draftId: input.draftId,
        accountId: target.accountId,
        network,
        state: holdMs !== null ? 'held' : 'queued',
        text: part.text,
        scheduledAt: scheduledMs !== null ? iso(scheduledMs) : null,
        holdUntil: holdMs !== null ? iso(holdMs) : null,
        scheduledBy: serverHeld ? 'server' : 'roost',
        attempts: 0,
        lastError: null,
        remoteId: null,
        url: null,
        campaign: input.campaign,
        guardRecords,
        createdAt: created,
        updatedAt: created,
        sentAt: null,
        payload: {
          target: {
            ...target,
            text: part.text,
            contentWarning: part.contentWarning,
            media: [...part.media],
            followUps: [],
          },
          // Only the first post answers or quotes; the later ones answer the post before them.
          replyTo: index === 0 ? input.post.replyTo : null,
          quote: index === 0 ? input.post.quote : null,
        },
        digest,
        dueMs,
        wakeMs: null,
        rkey: rkeys[index] ?? null,
        idempotencyKey: randomUUID(),
        serverScheduleId: null,
        threadId: threaded ? (ids[0] ?? null) : null,
        threadIndex: index,
        remoteCid: null,
      };
      // A later post waits for the one before it: no wake time until that one is sent.
      const waiting = index > 0 && holdMs === null;
      return { ...base, wakeMs: holdMs !== null ? holdMs : waiting ? null : wakeAfterHold(base, now) };
    });
  });
}
