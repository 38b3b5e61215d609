// Creating, revoking and listing invitations. Nobody invites above their own role; only the owner invites
// another owner.
import { ulid } from 'ulid';
import { TeamFailure, type TeamRole } from '../../src-shared/team/team-contract.ts';
import { hashInvitationCode } from '../identity/invitation-codes.ts';
import { ROLE_RANK } from '../identity/permissions.ts';
import { appendChange } from '../storage/change-log.ts';
import type { SqlExecutor } from '../storage/sql-engine.ts';
import { INVITATION_COLUMNS, toInvitation, type InvitationRecord } from '../storage/team-records.ts';
import { requireCaller, type TeamHandlers } from './context.ts';

export function mayGrant(callerRole: TeamRole, role: TeamRole): boolean {
  if (role === 'owner') return callerRole === 'owner';
  return ROLE_RANK[role] <= ROLE_RANK[callerRole];
}

/** Inserts an invitation and returns it; its code is `codeFor(id)`. Used by the handler and at first start. */
export async function insertInvitation(
  db: SqlExecutor,
  entry: {
    role: TeamRole;
    createdBy: string | null;
    forMember?: string;
    now: number;
    expiresAt: number;
    codeFor: (id: string) => string;
  },
): Promise<{ invitation: InvitationRecord; code: string }> {
  const id = ulid(entry.now);
  const code = entry.codeFor(id);
  await db.run(
    `INSERT INTO invitations (id, code_hash, role, created_by, for_member, created_at, expires_at, used_at,
      used_by_device, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)`,
    [
      id,
      hashInvitationCode(code),
      entry.role,
      entry.createdBy,
      entry.forMember ?? null,
      entry.now,
      entry.expiresAt,
    ],
  );
  const invitation: InvitationRecord = {
    id,
    role: entry.role,
    createdBy: entry.createdBy,
    forMember: entry.forMember ?? null,
    createdAt: entry.now,
    expiresAt: entry.expiresAt,
    usedAt: null,
    revokedAt: null,
  };
  await appendChange(db, {
    at: entry.now,
    actorId: entry.createdBy,
    entity: 'invitation',
    entityId: id,
    version: 1,
    data: { ...invitation },
  });
  return { invitation, code };
}

export const invitationHandlers: Pick<
  TeamHandlers,
  'invitations:create' | 'invitations:revoke' | 'invitations:list' | 'devices:invite'
> = {
  async 'devices:invite'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const result = await insertInvitation(ctx.db, {
      role: caller.role,
      createdBy: caller.memberId,
      forMember: caller.memberId,
      now: ctx.now,
      expiresAt: ctx.now + input.expiresInHours * 3_600_000,
      codeFor: deps.invitationCode,
    });
    await ctx.audit({
      action: 'devices:invite',
      target: result.invitation.id,
      before: null,
      after: result.invitation,
    });
    ctx.afterCommit(() => deps.feed.wake());
    return result;
  },

  async 'invitations:create'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    if (!mayGrant(caller.role, input.role)) {
      throw new TeamFailure('forbidden', `A ${caller.role} cannot invite a ${input.role}`);
    }
    const result = await insertInvitation(ctx.db, {
      role: input.role,
      createdBy: caller.memberId,
      now: ctx.now,
      expiresAt: ctx.now + input.expiresInHours * 3_600_000,
      codeFor: deps.invitationCode,
    });
    await ctx.audit({
      action: 'invitations:create',
      target: result.invitation.id,
      before: null,
      after: result.invitation,
    });
    ctx.afterCommit(() => deps.feed.wake());
    return result;
  },

  async 'invitations:revoke'(input, ctx, deps) {
    const row = await ctx.db.get(`SELECT ${INVITATION_COLUMNS} FROM invitations WHERE id = ?`, [input.id]);
    if (!row) throw new TeamFailure('not_found', 'Invitation not found');
    const before = toInvitation(row);
    if (before.usedAt !== null || before.revokedAt !== null) return before;
    await ctx.db.run('UPDATE invitations SET revoked_at = ? WHERE id = ?', [ctx.now, input.id]);
    const after = { ...before, revokedAt: ctx.now };
    await appendChange(ctx.db, {
      at: ctx.now,
      actorId: requireCaller(ctx).memberId,
      entity: 'invitation',
      entityId: input.id,
      version: 2,
      data: { ...after },
    });
    await ctx.audit({ action: 'invitations:revoke', target: input.id, before, after });
    ctx.afterCommit(() => deps.feed.wake());
    return after;
  },

  async 'invitations:list'(_input, ctx) {
    const rows = await ctx.db.all(
      `SELECT ${INVITATION_COLUMNS} FROM invitations ORDER BY created_at DESC LIMIT 500`,
    );
    return rows.map(toInvitation);
  },
};
