// Reposts, unreposts and deletes as outbox jobs: checked against the account that acts before anything is
// stored, with the record key (where the network takes one) and Idempotency-Key fixed at creation like any post's.
import { randomUUID } from 'node:crypto';
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { ContentAction } from '../../src-shared/compose/content-action.ts';
import type { Account } from '../../src-shared/domain/account.ts';
import type { GuardRecord } from '../../src-shared/guards/types.ts';
import { newPostRkey } from '../../src-shared/atproto/tid.ts';
import { publishingRules } from '../connectors/publishing-rules.ts';
import type { Random } from '../runtime/timing.ts';
import type { StoredJob } from './outbox-job.ts';

/** Refuses an action the account cannot take, with a message that says why, before it is queued. */
export function checkContentAction(action: ContentAction, account: Account | null): void {
  if (!account) throw new RoostError('not_found', 'This account is no longer in Roost.');
  const { item } = action;
  if (account.network !== item.network) {
    throw new RoostError('invalid_input', `@${account.handle} cannot act on ${item.network} items.`);
  }
  publishingRules(item.network).checkAction(action, account);
}

export interface ActionJobInput {
  readonly id: string;
  readonly action: ContentAction;
  readonly digest: string;
  readonly records: GuardRecord[];
  readonly nowMs: number;
  readonly holdMs: number | null;
  readonly random: Random;
}

export function actionJob(input: ActionJobInput): StoredJob {
  const { action, nowMs, holdMs } = input;
  const created = new Date(nowMs).toISOString();
  const network = action.item.network;
  return {
    id: input.id,
    batchId: input.id,
    draftId: null,
    accountId: action.accountId,
    network,
    state: holdMs !== null ? 'held' : 'queued',
    // What the outbox and notifications show: the action and the item, not text the account publishes.
    text: `${action.kind} @${action.item.authorHandle}: ${action.item.excerpt}`.slice(0, 600),
    scheduledAt: null,
    holdUntil: holdMs !== null ? new Date(holdMs).toISOString() : null,
    scheduledBy: 'roost',
    attempts: 0,
    lastError: null,
    remoteId: null,
    url: null,
    campaign: null,
    guardRecords: input.records,
    createdAt: created,
    updatedAt: created,
    sentAt: null,
    payload: {
      target: { accountId: action.accountId, network, text: '', contentWarning: null, media: [] },
      replyTo: null,
      quote: null,
      action,
    },
    digest: input.digest,
    dueMs: holdMs ?? nowMs,
    wakeMs: holdMs ?? nowMs,
    // A repost is a record of its own: its key is chosen now, so a retry finds it instead of reposting twice.
    rkey: publishingRules(network).takesRecordKey(action.kind) ? newPostRkey(nowMs, input.random) : null,
    idempotencyKey: randomUUID(),
    serverScheduleId: null,
    threadId: null,
    threadIndex: 0,
    remoteCid: null,
  };
}
