// Members and devices: listing, role changes (optimistic, by version) and revocation. Revoking ends the
// sessions in the same transaction and, once committed, closes the open sockets.
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { ROLE_RANK } from '../identity/permissions.ts';
import { appendChange } from '../storage/change-log.ts';
import {
  DEVICE_COLUMNS,
  MEMBER_COLUMNS,
  toDevice,
  toMember,
  type MemberRecord,
} from '../storage/team-records.ts';
import { mayGrant } from './invitation-handlers.ts';
import { requireCaller, type Caller, type CallContext, type TeamHandlers } from './context.ts';

const ADMIN_ROLES = new Set(['owner', 'admin']);

async function loadMember(ctx: CallContext, memberId: string): Promise<MemberRecord> {
  const row = await ctx.db.get(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id = ?`, [memberId]);
  if (!row) throw new TeamFailure('not_found', 'Member not found');
  return toMember(row);
}

/** An admin acts on members below them; the owner on everyone but themself. */
function mayManage(caller: Caller, target: MemberRecord): boolean {
  if (target.id === caller.memberId) return false;
  if (caller.role === 'owner') return true;
  return ROLE_RANK[target.role] < ROLE_RANK[caller.role];
}

export const memberHandlers: Pick<
  TeamHandlers,
  'members:list' | 'members:setRole' | 'members:revoke' | 'devices:list' | 'devices:revoke'
> = {
  async 'members:list'(_input, ctx) {
    const rows = await ctx.db.all(`SELECT ${MEMBER_COLUMNS} FROM members ORDER BY joined_at, id`);
    return rows.map(toMember);
  },

  async 'members:setRole'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const before = await loadMember(ctx, input.memberId);
    if (!mayManage(caller, before) || !mayGrant(caller.role, input.role)) {
      throw new TeamFailure('forbidden', 'You cannot give this member that role');
    }
    if (before.revokedAt !== null) throw new TeamFailure('conflict', 'This member was removed from the team');
    if (before.version !== input.version) {
      throw new TeamFailure(
        'conflict',
        `The member changed since version ${input.version} (now ${before.version})`,
      );
    }
    const after: MemberRecord = { ...before, role: input.role, version: before.version + 1 };
    await ctx.db.run('UPDATE members SET role = ?, version = ? WHERE id = ? AND version = ?', [
      after.role,
      after.version,
      after.id,
      before.version,
    ]);
    await appendChange(ctx.db, {
      at: ctx.now,
      actorId: caller.memberId,
      entity: 'member',
      entityId: after.id,
      version: after.version,
      data: { ...after },
    });
    await ctx.audit({ action: 'members:setRole', target: after.id, before, after });
    ctx.afterCommit(() => {
      deps.feed.refresh(after.id);
      deps.feed.wake();
    });
    return after;
  },

  async 'members:revoke'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const before = await loadMember(ctx, input.memberId);
    if (!mayManage(caller, before)) throw new TeamFailure('forbidden', 'You cannot remove this member');
    if (before.revokedAt !== null) return before;
    const after: MemberRecord = { ...before, revokedAt: ctx.now, version: before.version + 1 };
    await ctx.db.run('UPDATE members SET revoked_at = ?, version = ? WHERE id = ?', [
      ctx.now,
      after.version,
      after.id,
    ]);
    await ctx.db.run('UPDATE devices SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL', [
      ctx.now,
      after.id,
    ]);
    await ctx.db.run('UPDATE sessions SET ended_at = ? WHERE member_id = ? AND ended_at IS NULL', [
      ctx.now,
      after.id,
    ]);
    await appendChange(ctx.db, {
      at: ctx.now,
      actorId: caller.memberId,
      entity: 'member',
      entityId: after.id,
      version: after.version,
      data: { ...after },
    });
    await ctx.audit({ action: 'members:revoke', target: after.id, before, after });
    ctx.afterCommit(() => {
      deps.feed.disconnect({ memberId: after.id });
      deps.feed.wake();
    });
    return after;
  },

  async 'devices:list'(input, ctx) {
    const caller = requireCaller(ctx);
    const memberId = input.memberId ?? caller.memberId;
    if (memberId !== caller.memberId && !ADMIN_ROLES.has(caller.role)) {
      throw new TeamFailure('forbidden', "Only admins see other members' devices");
    }
    const rows = await ctx.db.all(
      `SELECT ${DEVICE_COLUMNS} FROM devices WHERE member_id = ? ORDER BY enrolled_at`,
      [memberId],
    );
    return rows.map(toDevice);
  },

  async 'devices:revoke'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const row = await ctx.db.get(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`, [input.deviceId]);
    if (!row) throw new TeamFailure('not_found', 'Device not found');
    const before = toDevice(row);
    if (before.memberId !== caller.memberId) {
      const owner = await loadMember(ctx, before.memberId);
      if (!ADMIN_ROLES.has(caller.role) || !mayManage(caller, owner)) {
        throw new TeamFailure('forbidden', "You cannot revoke this member's device");
      }
    }
    if (before.revokedAt !== null) return before;
    const after = { ...before, revokedAt: ctx.now };
    await ctx.db.run('UPDATE devices SET revoked_at = ? WHERE id = ?', [ctx.now, after.id]);
    await ctx.db.run('UPDATE sessions SET ended_at = ? WHERE device_id = ? AND ended_at IS NULL', [
      ctx.now,
      after.id,
    ]);
    await appendChange(ctx.db, {
      at: ctx.now,
      actorId: caller.memberId,
      entity: 'device',
      entityId: after.id,
      version: 2,
      data: { ...after },
    });
    await ctx.audit({ action: 'devices:revoke', target: after.id, before, after });
    ctx.afterCommit(() => {
      deps.feed.disconnect({ deviceId: after.id });
      deps.feed.wake();
    });
    return after;
  },
};
