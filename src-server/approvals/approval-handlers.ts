// The `approvals:*` methods. Deciding reads the request, applies the pure state machine and writes the result
// against the version it read, all in the call's write transaction; approving the last step hands the post to
// the brand outbox after the commit, so it is published once, and never after a rejection.
import {
  addNote,
  approve,
  reject,
  waitingApprovers,
  type ApprovalRequest,
} from '../../src-shared/approvals/approval-machine.ts';
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { requireCaller, type CallContext, type Caller, type TeamHandlers } from '../handlers/context.ts';
import { findBrandAccount, storedAccess } from '../brand/brand-records.ts';
import { appendChange } from '../storage/change-log.ts';
import { applied, releaseApproved, settlePost, submitForApproval } from './approval-flow.ts';
import {
  findApproval,
  listApprovals,
  readPolicy,
  saveApproval,
  type StoredApproval,
} from './approval-store.ts';

type ApprovalMethods =
  | 'approvals:request'
  | 'approvals:approve'
  | 'approvals:reject'
  | 'approvals:note'
  | 'approvals:list'
  | 'approvals:setPolicy'
  | 'approvals:policy';

const isAdmin = (caller: Caller) => caller.role === 'owner' || caller.role === 'admin';
const involves = (request: ApprovalRequest, memberId: string) =>
  request.authorId === memberId || request.steps.some((s) => s.approverIds.includes(memberId));

/** A request the caller may see (author, approver, admin); anything else is not found. */
async function visibleApproval(ctx: CallContext, caller: Caller, id: string): Promise<StoredApproval> {
  const found = await findApproval(ctx.db, id);
  if (!found || !(isAdmin(caller) || involves(found.request, caller.memberId))) {
    throw new TeamFailure('not_found', 'Approval request not found');
  }
  return found;
}

async function names(
  ctx: CallContext,
): Promise<{ handles: Map<string, string>; members: Map<string, string> }> {
  const accounts = await ctx.db.all('SELECT id, handle FROM brand_accounts');
  const members = await ctx.db.all('SELECT id, display_name FROM members');
  return {
    handles: new Map(accounts.map((r) => [String(r['id']), String(r['handle'])])),
    members: new Map(members.map((r) => [String(r['id']), String(r['display_name'])])),
  };
}

export const approvalHandlers: Pick<TeamHandlers, ApprovalMethods> = {
  async 'approvals:request'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const account = await findBrandAccount(ctx.db, input.accountId);
    const access =
      account && (isAdmin(caller) ? 'publish' : await storedAccess(ctx.db, account.id, caller.memberId));
    if (!account || !access) throw new TeamFailure('not_found', 'Brand account not found');
    if (access === 'view' || (access === 'reply' && !input.replyTo)) {
      throw new TeamFailure(
        'forbidden',
        `You may not ${input.replyTo ? 'reply' : 'publish'} as @${account.handle}`,
      );
    }
    const { request } = await submitForApproval(ctx, deps, caller, {
      account,
      text: input.text,
      replyTo: input.replyTo,
      language: input.language ?? null,
      acknowledged: input.acknowledged ?? [],
      scheduledAt: input.scheduledAt ?? null,
      supersedes: input.supersedes ?? null,
    });
    return request;
  },

  async 'approvals:approve'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const { accountId, request } = await visibleApproval(ctx, caller, input.id);
    const after = applied(approve(request, caller.memberId, ctx.now));
    await saveApproval(ctx.db, accountId, after, caller.memberId);
    const job = after.state === 'approved' ? await releaseApproved(ctx, after, caller.memberId) : null;
    await ctx.audit({
      action: 'approvals:approve',
      target: after.id,
      before: { state: request.state, step: request.currentStep },
      after: { state: after.state, step: after.currentStep },
    });
    ctx.afterCommit(() => {
      if (job) deps.brand.enqueue(job);
      deps.feed.wake();
    });
    return after;
  },

  async 'approvals:reject'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const { accountId, request } = await visibleApproval(ctx, caller, input.id);
    const after = applied(reject(request, caller.memberId, input.note, ctx.now));
    await saveApproval(ctx.db, accountId, after, caller.memberId);
    await settlePost(ctx.db, ctx.now, after.postId, 'rejected', caller.memberId);
    await ctx.audit({
      action: 'approvals:reject',
      target: after.id,
      before: { state: request.state },
      after: { state: after.state, note: after.rejectionNote },
    });
    ctx.afterCommit(() => deps.feed.wake());
    return after;
  },

  async 'approvals:note'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const { accountId, request } = await visibleApproval(ctx, caller, input.id);
    const after = applied(addNote(request, caller.memberId, input.text, ctx.now));
    await saveApproval(ctx.db, accountId, after, caller.memberId);
    await ctx.audit({
      action: 'approvals:note',
      target: after.id,
      before: null,
      after: { notes: after.notes.length },
    });
    ctx.afterCommit(() => deps.feed.wake());
    return after;
  },

  async 'approvals:list'(input, ctx) {
    const caller = requireCaller(ctx);
    const me = caller.memberId;
    let found: StoredApproval[];
    if (input.view === 'mine') {
      found = await listApprovals(ctx.db, 'author_id = ?', [me]);
    } else if (input.view === 'to_approve') {
      const pending = await listApprovals(ctx.db, "state = 'pending'", []);
      found = pending.filter(({ request }) => waitingApprovers(request).includes(me));
    } else {
      const state = input.view === 'rejected' ? 'rejected' : 'expired';
      const all = await listApprovals(ctx.db, 'state = ?', [state]);
      found = isAdmin(caller) ? all : all.filter(({ request }) => involves(request, me));
    }
    const { handles, members } = await names(ctx);
    return found.map(({ accountId, request }) => ({
      request,
      accountHandle: handles.get(accountId) ?? '',
      authorName: members.get(request.authorId) ?? '',
    }));
  },

  async 'approvals:setPolicy'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    if (!(await findBrandAccount(ctx.db, input.accountId)))
      throw new TeamFailure('not_found', 'Brand account not found');
    const before = await readPolicy(ctx.db, input.accountId);
    for (const step of input.policy?.steps ?? []) {
      if (step.approvers.kind === 'desk') {
        throw new TeamFailure('invalid_input', 'Desk approvers need the inquiry desk on the team server');
      }
    }
    if (input.policy === null) {
      await ctx.db.run('DELETE FROM approval_policies WHERE account_id = ?', [input.accountId]);
    } else {
      await ctx.db.run(
        `INSERT INTO approval_policies (account_id, policy, updated_by, updated_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (account_id) DO UPDATE SET policy = excluded.policy, updated_by = excluded.updated_by,
          updated_at = excluded.updated_at`,
        [input.accountId, JSON.stringify(input.policy), caller.memberId, ctx.now],
      );
    }
    const after = await readPolicy(ctx.db, input.accountId);
    await appendChange(ctx.db, {
      at: ctx.now,
      actorId: caller.memberId,
      entity: 'approvalPolicy',
      entityId: input.accountId,
      // Policies carry no version of their own: the time of the change orders them.
      version: Math.max(1, ctx.now),
      data: { accountId: input.accountId, ...after },
    });
    await ctx.audit({ action: 'approvals:setPolicy', target: input.accountId, before, after });
    ctx.afterCommit(() => deps.feed.wake());
    return { accountId: input.accountId, policy: after.policy, updatedAt: ctx.now };
  },

  async 'approvals:policy'(input, ctx) {
    const caller = requireCaller(ctx);
    const account = await findBrandAccount(ctx.db, input.accountId);
    if (!account || !(isAdmin(caller) || (await storedAccess(ctx.db, account.id, caller.memberId)))) {
      throw new TeamFailure('not_found', 'Brand account not found');
    }
    return { accountId: account.id, ...(await readPolicy(ctx.db, account.id)) };
  },
};
