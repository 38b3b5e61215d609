// How a brand post goes through approval on the server: submitting creates the post (waiting, its outbox job
// fixed but not handed over) and its request in one transaction; the decision that approves it hands that
// job to the exactly-once brand outbox after the commit; a rejection, expiry or supersede settles the post
// so it is never sent. Only one transaction decides a request: writes are serialised (SQLite's one writer,
// PostgreSQL's transaction lock) and the update is checked against the version read.
import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import type { StoredJob } from '../../src-main/publishing/outbox-job.ts';
import {
  newApprovalRequest,
  supersede,
  type ApprovalRefusal,
  type ApprovalRequest,
  type Transition,
} from '../../src-shared/approvals/approval-machine.ts';
import type { ApprovalStep } from '../../src-shared/approvals/approval-policy.ts';
import type { PostRef } from '../../src-shared/compose/post.ts';
import { TeamFailure, type BrandAccount, type BrandPost } from '../../src-shared/team/team-contract.ts';
import { ROLE_RANK } from '../identity/permissions.ts';
import { appendChange } from '../storage/change-log.ts';
import type { SqlExecutor } from '../storage/sql-engine.ts';
import { BRAND_POST_COLUMNS, toBrandPost } from '../brand/brand-records.ts';
import type { CallContext, Caller, ServerDeps } from '../handlers/context.ts';
import { findApproval, readPolicy, saveApproval } from './approval-store.ts';

export interface ApprovalSubmission {
  readonly account: BrandAccount;
  readonly text: string;
  readonly replyTo: PostRef | null;
  readonly language: string | null;
  readonly acknowledged: readonly string[];
  readonly scheduledAt: number | null;
  readonly supersedes: string | null;
}

const REFUSALS: Record<
  ApprovalRefusal,
  { code: 'forbidden' | 'conflict' | 'invalid_input'; message: string }
> = {
  self_approval: { code: 'forbidden', message: 'Nobody approves their own content' },
  not_an_approver: { code: 'forbidden', message: 'You are not an approver of this step of the request' },
  already_signed: { code: 'conflict', message: 'You have already approved this step' },
  not_pending: { code: 'conflict', message: 'This request was already decided' },
  expired: { code: 'conflict', message: 'This request passed its scheduled time and expired' },
  not_author: { code: 'forbidden', message: 'Only the author can replace a request' },
  note_required: { code: 'invalid_input', message: 'A note is required' },
};

export function applied(result: Transition): ApprovalRequest {
  if (result.ok) return result.request;
  const refusal = REFUSALS[result.refusal];
  throw new TeamFailure(refusal.code, refusal.message);
}

/** The member ids who may sign off one step, fixed when the request is made. */
async function resolveStep(db: SqlExecutor, step: ApprovalStep): Promise<string[]> {
  const { approvers } = step;
  if (approvers.kind === 'desk') {
    throw new TeamFailure('invalid_input', 'Desk approvers need the inquiry desk on the team server');
  }
  const rows = await db.all('SELECT id, role FROM members WHERE revoked_at IS NULL ORDER BY id');
  if (approvers.kind === 'members') {
    return rows.map((r) => String(r['id'])).filter((id) => approvers.memberIds.includes(id));
  }
  const floor = ROLE_RANK[approvers.role];
  return rows
    .filter((r) => ROLE_RANK[r['role'] as keyof typeof ROLE_RANK] >= floor)
    .map((r) => String(r['id']));
}

async function postChange(db: SqlExecutor, post: BrandPost, actorId: string | null): Promise<void> {
  await appendChange(db, {
    at: post.updatedAt,
    actorId,
    entity: 'brandPost',
    entityId: post.id,
    version: post.version,
    data: { ...post },
  });
}

/** Moves a waiting post to its settled state (or back to the outbox's `queued`), with its change. */
export async function settlePost(
  db: SqlExecutor,
  now: number,
  postId: string | null,
  state: 'queued' | 'rejected' | 'expired' | 'superseded',
  actorId: string | null,
  payload?: StoredJob,
): Promise<void> {
  if (!postId) return;
  const row = await db.get(`SELECT ${BRAND_POST_COLUMNS} FROM brand_posts WHERE id = ?`, [postId]);
  if (!row) return;
  const before = toBrandPost(row);
  if (before.state !== 'awaiting_approval') return;
  const after: BrandPost = { ...before, state, updatedAt: now, version: before.version + 1 };
  await db.run(
    `UPDATE brand_posts SET state = ?, updated_at = ?, version = ?${payload ? ', payload = ?' : ''} WHERE id = ?`,
    payload
      ? [state, now, after.version, JSON.stringify(payload), postId]
      : [state, now, after.version, postId],
  );
  await postChange(db, after, actorId);
}

/** After the approving decision: the post's job, due now (or at its scheduled time), for the outbox. */
export async function releaseApproved(
  ctx: CallContext,
  request: ApprovalRequest,
  actorId: string,
): Promise<StoredJob | null> {
  if (!request.postId) return null;
  const row = await ctx.db.get('SELECT payload, state FROM brand_posts WHERE id = ?', [request.postId]);
  if (!row || row['state'] !== 'awaiting_approval') return null;
  const job = JSON.parse(String(row['payload'])) as StoredJob;
  const due = Math.max(ctx.now, request.snapshot.scheduledAt ?? 0);
  const released: StoredJob = {
    ...job,
    state: 'queued',
    dueMs: due,
    wakeMs: due,
    updatedAt: new Date(ctx.now).toISOString(),
  };
  await settlePost(ctx.db, ctx.now, request.postId, 'queued', actorId, released);
  return released;
}

/** Creates the brand post (waiting) and its approval request; supersedes the author's earlier request. */
export async function submitForApproval(
  ctx: CallContext,
  deps: ServerDeps,
  caller: Caller,
  submission: ApprovalSubmission,
): Promise<{ post: BrandPost; request: ApprovalRequest }> {
  const { account } = submission;
  if (submission.scheduledAt !== null && submission.scheduledAt <= ctx.now) {
    throw new TeamFailure('invalid_input', 'The scheduled time has already passed');
  }
  const { policy } = await readPolicy(ctx.db, account.id);
  const steps = [];
  for (const [index, step] of policy.steps.entries()) {
    const approverIds = (await resolveStep(ctx.db, step)).filter((id) => id !== caller.memberId);
    if (approverIds.length === 0) {
      throw new TeamFailure(
        'invalid_input',
        `Step ${index + 1} of the approval policy has no approver other than you`,
      );
    }
    steps.push({ quorum: step.quorum, approverIds });
  }
  const requestId = ulid(ctx.now);
  if (submission.supersedes) {
    const old = await findApproval(ctx.db, submission.supersedes);
    if (!old || old.accountId !== account.id)
      throw new TeamFailure('not_found', 'The request to replace was not found');
    const replaced = applied(supersede(old.request, caller.memberId, requestId, ctx.now));
    await saveApproval(ctx.db, old.accountId, replaced, caller.memberId);
    await settlePost(ctx.db, ctx.now, replaced.postId, 'superseded', caller.memberId);
  }
  // Guards run now, as for a direct post; the job they fix is handed to the outbox only once approved.
  const { authoriseBrandPost } = await import('../brand/brand-guards.ts');
  const job = await authoriseBrandPost(ctx, {
    account,
    memberId: caller.memberId,
    text: submission.text,
    replyTo: submission.replyTo,
    language: submission.language,
    acknowledged: submission.acknowledged,
    idempotencyKey: randomUUID(),
  });
  const kind = submission.replyTo ? 'reply' : 'post';
  const post: BrandPost = {
    id: job.id,
    accountId: account.id,
    memberId: caller.memberId,
    kind,
    text: submission.text,
    state: 'awaiting_approval',
    remoteId: null,
    url: null,
    lastError: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
    approvalId: requestId,
  };
  await ctx.db.run(
    `INSERT INTO brand_posts (id, account_id, member_id, kind, text, payload, state, remote_id, url, last_error,
      created_at, updated_at, version, approval_id) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, 1, ?)`,
    [
      post.id,
      post.accountId,
      post.memberId,
      kind,
      post.text,
      JSON.stringify(job),
      post.state,
      ctx.now,
      ctx.now,
      requestId,
    ],
  );
  await postChange(ctx.db, post, caller.memberId);
  const request = newApprovalRequest({
    id: requestId,
    authorId: caller.memberId,
    postId: post.id,
    snapshot: {
      text: submission.text,
      mediaRefs: [],
      accountIds: [account.id],
      kind,
      scheduledAt: submission.scheduledAt,
    },
    steps,
    now: ctx.now,
  });
  await saveApproval(ctx.db, account.id, request, caller.memberId);
  await ctx.audit({
    action: 'approvals:request',
    target: request.id,
    before: null,
    after: { accountId: account.id, postId: post.id, kind, supersedes: submission.supersedes },
  });
  ctx.afterCommit(() => {
    deps.approvals.scheduleExpiry(submission.scheduledAt);
    deps.feed.wake();
  });
  return { post, request };
}
