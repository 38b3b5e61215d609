// Guards for a brand post, evaluated on the server with the server's own facts and the team's policy
// (src-shared/guards, the same table the composer and main run): a `block` refuses, a `confirm` passes only
// when the member confirmed that decision, warnings are recorded. The result is the outbox job, with its record
// key and Idempotency-Key fixed.
import { ulid } from 'ulid';
import type { OutgoingPost, PostRef } from '../../src-shared/compose/post.ts';
import { computeContentDigest } from '../../src-shared/guards/digest.ts';
import { DEFAULT_DUPLICATE_WINDOW_MS } from '../../src-shared/guards/duplicate-rule.ts';
import { evaluateGuards } from '../../src-shared/guards/evaluate.ts';
import type { GuardRecord, RecentPost } from '../../src-shared/guards/types.ts';
import { TeamFailure, type BrandAccount } from '../../src-shared/team/team-contract.ts';
import { newPostRkey } from '../../src-shared/atproto/tid.ts';
import type { StoredJob } from '../../src-main/publishing/outbox-job.ts';
import type { CallContext } from '../handlers/context.ts';
import { teamGuardPolicy } from '../governance/team-guard-policy.ts';

export interface BrandPostRequest {
  readonly account: BrandAccount;
  readonly memberId: string;
  readonly text: string;
  readonly replyTo: PostRef | null;
  readonly language: string | null;
  readonly acknowledged: readonly string[];
  readonly idempotencyKey: string;
}

export async function authoriseBrandPost(ctx: CallContext, request: BrandPostRequest): Promise<StoredJob> {
  const { account } = request;
  const post: OutgoingPost = {
    targets: [
      {
        accountId: account.id,
        network: account.network,
        text: request.text,
        contentWarning: null,
        media: [],
        language: request.language,
      },
    ],
    replyTo: request.replyTo,
    quote: null,
    scheduledAt: null,
  };
  const since = ctx.now - DEFAULT_DUPLICATE_WINDOW_MS;
  const recent = await ctx.db.all(
    `SELECT text, created_at FROM brand_posts WHERE account_id = ? AND created_at >= ?
      AND state NOT IN ('failed', 'cancelled', 'rejected', 'expired', 'superseded')`,
    [account.id, since],
  );
  const recentPosts: RecentPost[] = recent.map((row) => ({
    accountId: account.id,
    text: String(row['text']),
    postedAt: new Date(Number(row['created_at'])).toISOString(),
  }));
  // The team's policy (governance:update) as it stands in this transaction: a change applies to the next post.
  const policy = await teamGuardPolicy(ctx.db);
  const decisions = evaluateGuards(post, {
    now: ctx.now,
    accounts: [
      {
        id: account.id,
        network: account.network,
        handle: account.handle,
        protected: false,
        quietHours: policy.quietHours(account.id),
      },
    ],
    ...policy.context,
    recentPosts,
  });
  const digest = computeContentDigest(post);
  const confirmedAt = new Date(ctx.now).toISOString();
  const records: GuardRecord[] = [];
  for (const decision of decisions) {
    const confirmed = request.acknowledged.includes(decision.id);
    if (decision.level === 'block' || (decision.level === 'confirm' && !confirmed)) {
      throw new TeamFailure(
        'guard_refused',
        decision.level === 'block'
          ? `Refused by the ${decision.guard} guard: ${decision.message}`
          : `Needs confirmation (${decision.guard}, decision ${decision.id}): ${decision.message}`,
        // A decision that only asks for confirmation names itself, so the member can confirm and send again.
        decision.level === 'confirm' ? { issues: [{ path: 'acknowledge', message: decision.id }] } : {},
      );
    }
    records.push({
      decisionId: decision.id,
      guard: decision.guard,
      level: decision.level,
      message: decision.message,
      accountIds: decision.accountIds,
      outcome: decision.level === 'warn' ? 'warned' : 'acknowledged',
      confirmedBy: decision.level === 'warn' ? null : request.memberId,
      confirmedAt,
      digest,
    });
  }
  const created = new Date(ctx.now).toISOString();
  return {
    id: ulid(ctx.now),
    batchId: ulid(ctx.now),
    draftId: null,
    accountId: account.id,
    network: account.network,
    state: 'queued',
    text: request.text,
    scheduledAt: null,
    holdUntil: null,
    scheduledBy: 'roost',
    attempts: 0,
    lastError: null,
    remoteId: null,
    url: null,
    campaign: null,
    guardRecords: records,
    createdAt: created,
    updatedAt: created,
    sentAt: null,
    payload: { target: post.targets[0]!, replyTo: request.replyTo, quote: null },
    digest,
    dueMs: ctx.now,
    wakeMs: ctx.now,
    // Fixed now: every retry and every restart publishes at this record key or with this key, never twice.
    rkey: account.network === 'bluesky' ? newPostRkey(ctx.now) : null,
    idempotencyKey: request.idempotencyKey,
    serverScheduleId: null,
    threadId: null,
    threadIndex: 0,
    remoteCid: null,
  };
}
