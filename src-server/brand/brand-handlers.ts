// Brand accounts held by the server: admins connect and remove them and set each member's access; members
// list what they may see and publish through the server's outbox. Credentials go in sealed and never come
// out: every answer and change is built from brand-records.ts, which does not read the credential column.
import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import { RoostError } from '../../src-shared/contract/errors.ts';
import {
  TeamFailure,
  type BrandAccessLevel,
  type BrandAccount,
} from '../../src-shared/team/team-contract.ts';
import { appendChange } from '../storage/change-log.ts';
import { MEMBER_COLUMNS, toMember } from '../storage/team-records.ts';
import {
  requireCaller,
  type Caller,
  type CallContext,
  type TeamHandlers,
  type TeamPreparers,
} from '../handlers/context.ts';
import { identifyBrandAccount } from './brand-connectors.ts';
import {
  BRAND_ACCOUNT_COLUMNS,
  BRAND_POST_COLUMNS,
  findBrandAccount,
  storedAccess,
  toBrandAccount,
  toBrandPost,
} from './brand-records.ts';

type BrandMethods =
  | 'brandAccounts:connect'
  | 'brandAccounts:list'
  | 'brandAccounts:remove'
  | 'brandAccounts:setAccess'
  | 'brandAccounts:access'
  | 'brandPosts:submit'
  | 'brandPosts:status';

const isAdmin = (caller: Caller) => caller.role === 'owner' || caller.role === 'admin';

/** Admins may do everything with every brand account; anyone else what their access row says. */
async function accessOf(
  ctx: CallContext,
  caller: Caller,
  accountId: string,
): Promise<BrandAccessLevel | null> {
  return isAdmin(caller) ? 'publish' : storedAccess(ctx.db, accountId, caller.memberId);
}

async function accountChange(ctx: CallContext, caller: Caller, account: BrandAccount): Promise<void> {
  await appendChange(ctx.db, {
    at: ctx.now,
    actorId: caller.memberId,
    entity: 'brandAccount',
    entityId: account.id,
    version: account.version,
    data: { ...account },
  });
}

type BrandIdentity = Awaited<ReturnType<typeof identifyBrandAccount>>;

/** Signing in to the network happens before the write transaction: a slow server must not hold the lock. */
export const brandPreparers: TeamPreparers = {
  async 'brandAccounts:connect'(input, deps): Promise<BrandIdentity> {
    try {
      return await identifyBrandAccount(input, deps.brand.fetch);
    } catch (error) {
      const why = error instanceof RoostError ? error.message : 'the server could not be reached';
      throw new TeamFailure(
        'brand_unreachable',
        `The ${input.network} account could not be connected: ${why}`,
      );
    }
  },
};

export const brandHandlers: Pick<TeamHandlers, BrandMethods> = {
  async 'brandAccounts:connect'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const identity = ctx.prepared as BrandIdentity | undefined;
    if (!identity) throw new Error('brandAccounts:connect ran without its sign-in');
    const existing = await ctx.db.get(
      'SELECT id FROM brand_accounts WHERE network = ? AND service = ? AND remote_id = ? AND removed_at IS NULL',
      [input.network, identity.service, identity.remoteId],
    );
    if (existing) throw new TeamFailure('conflict', `@${identity.handle} is already a team brand account`);
    const account: BrandAccount = {
      id: ulid(ctx.now),
      network: input.network,
      service: identity.service,
      handle: identity.handle,
      remoteId: identity.remoteId,
      connectedBy: caller.memberId,
      connectedAt: ctx.now,
      removedAt: null,
      version: 1,
    };
    await ctx.db.run(
      `INSERT INTO brand_accounts (id, network, service, handle, remote_id, credential, connected_by, connected_at,
        removed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 1)`,
      [
        account.id,
        account.network,
        account.service,
        account.handle,
        account.remoteId,
        deps.brand.vault.seal(account.id, identity.credential),
        account.connectedBy,
        account.connectedAt,
      ],
    );
    await accountChange(ctx, caller, account);
    await ctx.audit({ action: 'brandAccounts:connect', target: account.id, before: null, after: account });
    ctx.afterCommit(() => {
      deps.brand.accountConnected(account);
      deps.feed.wake();
    });
    return account;
  },

  async 'brandAccounts:list'(_input, ctx) {
    const caller = requireCaller(ctx);
    if (isAdmin(caller)) {
      const rows = await ctx.db.all(
        `SELECT ${BRAND_ACCOUNT_COLUMNS} FROM brand_accounts WHERE removed_at IS NULL ORDER BY id`,
      );
      return rows.map((row) => ({ account: toBrandAccount(row), access: 'publish' as const }));
    }
    const rows = await ctx.db.all(
      `SELECT ${BRAND_ACCOUNT_COLUMNS.split(', ')
        .map((c) => `b.${c}`)
        .join(', ')}, a.access FROM brand_accounts b JOIN brand_access a ON a.account_id = b.id
        WHERE a.member_id = ? AND b.removed_at IS NULL ORDER BY b.id`,
      [caller.memberId],
    );
    return rows.map((row) => ({ account: toBrandAccount(row), access: row['access'] as BrandAccessLevel }));
  },

  async 'brandAccounts:remove'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const before = await findBrandAccount(ctx.db, input.id);
    if (!before) throw new TeamFailure('not_found', 'Brand account not found');
    const after: BrandAccount = { ...before, removedAt: ctx.now, version: before.version + 1 };
    // The credentials are erased with the account, not kept for a later reconnect.
    await ctx.db.run("UPDATE brand_accounts SET removed_at = ?, version = ?, credential = '' WHERE id = ?", [
      ctx.now,
      after.version,
      after.id,
    ]);
    await ctx.db.run('DELETE FROM brand_access WHERE account_id = ?', [after.id]);
    await accountChange(ctx, caller, after);
    await ctx.audit({ action: 'brandAccounts:remove', target: after.id, before, after });
    ctx.afterCommit(() => {
      deps.brand.accountRemoved(after.id);
      deps.feed.wake();
    });
    return after;
  },

  async 'brandAccounts:access'(input, ctx) {
    requireCaller(ctx);
    if (!(await findBrandAccount(ctx.db, input.accountId)))
      throw new TeamFailure('not_found', 'Brand account not found');
    const rows = await ctx.db.all(
      'SELECT account_id, member_id, access, updated_at FROM brand_access WHERE account_id = ? ORDER BY member_id',
      [input.accountId],
    );
    return rows.map((row) => ({
      accountId: row['account_id'] as string,
      memberId: row['member_id'] as string,
      access: row['access'] as BrandAccessLevel,
      updatedAt: row['updated_at'] as number,
    }));
  },

  async 'brandAccounts:setAccess'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    if (!(await findBrandAccount(ctx.db, input.accountId)))
      throw new TeamFailure('not_found', 'Brand account not found');
    const memberRow = await ctx.db.get(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id = ?`, [
      input.memberId,
    ]);
    const member = memberRow ? toMember(memberRow) : null;
    if (!member || member.revokedAt !== null) throw new TeamFailure('not_found', 'Member not found');
    const before = await storedAccess(ctx.db, input.accountId, input.memberId);
    if (input.access === null) {
      await ctx.db.run('DELETE FROM brand_access WHERE account_id = ? AND member_id = ?', [
        input.accountId,
        input.memberId,
      ]);
    } else {
      await ctx.db.run(
        `INSERT INTO brand_access (account_id, member_id, access, updated_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (account_id, member_id) DO UPDATE SET access = excluded.access, updated_at = excluded.updated_at`,
        [input.accountId, input.memberId, input.access, ctx.now],
      );
    }
    const record = {
      accountId: input.accountId,
      memberId: input.memberId,
      access: input.access,
      updatedAt: ctx.now,
    };
    await appendChange(ctx.db, {
      at: ctx.now,
      actorId: caller.memberId,
      entity: 'brandAccess',
      entityId: `${input.accountId}:${input.memberId}`,
      // Access rows carry no version of their own: the time of the change orders them.
      version: Math.max(1, ctx.now),
      data: { ...record },
    });
    await ctx.audit({
      action: 'brandAccounts:setAccess',
      target: `${input.accountId}:${input.memberId}`,
      before: { access: before },
      after: { access: input.access },
    });
    ctx.afterCommit(() => {
      deps.brand.setAccessCache(input.accountId, input.memberId, input.access);
      // The member reconnects and is sent what the new access lets them see.
      deps.feed.refresh(input.memberId);
      deps.feed.wake();
    });
    return record;
  },

  async 'brandPosts:submit'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const account = await findBrandAccount(ctx.db, input.accountId);
    if (!account) throw new TeamFailure('not_found', 'Brand account not found');
    const kind = input.replyTo ? 'reply' : 'post';
    const access = await accessOf(ctx, caller, account.id);
    const refused = (code: 'forbidden', message: string): never => {
      throw new TeamFailure(code, message);
    };
    if (access === null || access === 'view') {
      refused('forbidden', `You may not ${kind === 'reply' ? 'reply' : 'publish'} as @${account.handle}`);
    }
    if (kind === 'post' && access === 'reply') {
      refused('forbidden', `You may only reply as @${account.handle}, not publish new posts`);
    }
    if (input.replyTo && input.replyTo.network !== account.network) {
      throw new TeamFailure(
        'invalid_input',
        `A ${account.network} account can only reply to ${account.network} posts`,
      );
    }
    // "Publish only with approval" and the limited role always go through approval, replies included.
    if (access === 'publish_with_approval' || caller.role === 'limited') {
      const { submitForApproval } = await import('../approvals/approval-flow.ts');
      const { post } = await submitForApproval(ctx, deps, caller, {
        account,
        text: input.text,
        replyTo: input.replyTo,
        language: input.language ?? null,
        acknowledged: input.acknowledged ?? [],
        scheduledAt: null,
        supersedes: null,
      });
      return post;
    }
    // The guard tables (link rules, confusables) load on the first submit, not at every server start.
    const { authoriseBrandPost } = await import('./brand-guards.ts');
    const job = await authoriseBrandPost(ctx, {
      account,
      memberId: caller.memberId,
      text: input.text,
      replyTo: input.replyTo,
      language: input.language ?? null,
      acknowledged: input.acknowledged ?? [],
      idempotencyKey: randomUUID(),
    });
    const post = {
      id: job.id,
      accountId: account.id,
      memberId: caller.memberId,
      kind,
      text: input.text,
      state: job.state,
      remoteId: null,
      url: null,
      lastError: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: 1,
      approvalId: null,
    } as const;
    await ctx.db.run(
      `INSERT INTO brand_posts (id, account_id, member_id, kind, text, payload, state, remote_id, url, last_error,
        created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, 1)`,
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
      ],
    );
    await appendChange(ctx.db, {
      at: ctx.now,
      actorId: caller.memberId,
      entity: 'brandPost',
      entityId: post.id,
      version: 1,
      data: { ...post },
    });
    await ctx.audit({
      action: 'brandPosts:submit',
      target: post.id,
      before: null,
      after: { accountId: account.id, kind },
    });
    ctx.afterCommit(() => {
      deps.brand.enqueue(job);
      deps.feed.wake();
    });
    return post;
  },

  async 'brandPosts:status'(input, ctx) {
    const caller = requireCaller(ctx);
    const row = await ctx.db.get(`SELECT ${BRAND_POST_COLUMNS} FROM brand_posts WHERE id = ?`, [input.id]);
    if (!row) throw new TeamFailure('not_found', 'Brand post not found');
    const post = toBrandPost(row);
    if (post.memberId !== caller.memberId && (await accessOf(ctx, caller, post.accountId)) === null) {
      throw new TeamFailure('not_found', 'Brand post not found');
    }
    return post;
  },
};
