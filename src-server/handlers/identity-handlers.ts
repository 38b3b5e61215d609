// Joining, logging in and sessions: invitation codes (single use, expiring, revocable), device enrolment,
// and challenge → signature → short-lived session token.
import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { challengeMessage, TeamFailure, type TeamRole } from '../../src-shared/team/team-contract.ts';
import { deviceIdFor, parseDevicePublicKey, verifyDeviceSignature } from '../identity/device-keys.ts';
import { hashInvitationCode } from '../identity/invitation-codes.ts';
import { SESSION_TTL_MS } from '../identity/session-tokens.ts';
import { appendChange } from '../storage/change-log.ts';
import { MEMBER_COLUMNS, toMember } from '../storage/team-records.ts';
import { requireCaller, type CallContext, type TeamHandlers } from './context.ts';

const CHALLENGE_TTL_MS = 60_000;

async function addMember(ctx: CallContext, displayName: string, role: TeamRole) {
  const memberId = ulid(ctx.now);
  await ctx.db.run(
    'INSERT INTO members (id, display_name, role, version, joined_at, revoked_at) VALUES (?, ?, ?, 1, ?, NULL)',
    [memberId, displayName, role, ctx.now],
  );
  const member = { id: memberId, displayName, role, version: 1, joinedAt: ctx.now, revokedAt: null };
  await appendChange(ctx.db, {
    at: ctx.now,
    actorId: memberId,
    entity: 'member',
    entityId: memberId,
    version: 1,
    data: member,
  });
  return { memberId, role };
}

/** A device invitation adds a device to its member, who must still be on the team. */
async function addDevice(ctx: CallContext, memberId: string) {
  const row = await ctx.db.get(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id = ?`, [memberId]);
  const member = row ? toMember(row) : null;
  if (!member || member.revokedAt !== null) {
    throw new TeamFailure(
      'invitation_invalid',
      'The member this device invitation was for has left the team',
    );
  }
  return { memberId, role: member.role };
}

export const identityHandlers: Pick<
  TeamHandlers,
  'invitations:accept' | 'auth:challenge' | 'auth:login' | 'session:whoami' | 'session:logout'
> = {
  async 'invitations:accept'(input, ctx, deps) {
    const publicKey = parseDevicePublicKey(input.publicKey);
    if (!publicKey)
      throw new TeamFailure('invalid_input', 'publicKey must be an Ed25519 public key (SPKI, base64url)');
    const deviceId = deviceIdFor(input.publicKey);
    const invitation = await ctx.db.get(
      'SELECT id, role, for_member, expires_at, used_at, used_by_device, revoked_at FROM invitations WHERE code_hash = ?',
      [hashInvitationCode(input.code)],
    );
    if (!invitation) throw new TeamFailure('invitation_invalid', 'This invitation does not exist');
    if (invitation['used_at'] !== null) {
      // The same device sending its enrolment again (its first answer was lost): answer it again.
      if (invitation['used_by_device'] === deviceId) {
        const device = await ctx.db.get('SELECT member_id FROM devices WHERE id = ?', [deviceId]);
        const member = await ctx.db.get('SELECT role FROM members WHERE id = ?', [
          String(device?.['member_id']),
        ]);
        if (device && member) {
          return {
            memberId: String(device['member_id']),
            deviceId,
            role: String(member['role']) as TeamRole,
            serverId: deps.serverId,
          };
        }
      }
      throw new TeamFailure('invitation_invalid', 'This invitation was already used');
    }
    if (invitation['revoked_at'] !== null)
      throw new TeamFailure('invitation_invalid', 'This invitation was revoked');
    if (Number(invitation['expires_at']) <= ctx.now) {
      throw new TeamFailure('invitation_invalid', 'This invitation has expired');
    }
    if (await ctx.db.get('SELECT id FROM devices WHERE id = ?', [deviceId])) {
      throw new TeamFailure('conflict', 'This device key is already enrolled');
    }
    const forMember = invitation['for_member'] === null ? null : String(invitation['for_member']);
    const joined = forMember
      ? await addDevice(ctx, forMember)
      : await addMember(ctx, input.displayName, String(invitation['role']) as TeamRole);
    await ctx.db.run(
      `INSERT INTO devices (id, member_id, name, public_key, enrolled_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)`,
      [deviceId, joined.memberId, input.deviceName, input.publicKey, ctx.now],
    );
    await ctx.db.run('UPDATE invitations SET used_at = ?, used_by_device = ? WHERE id = ?', [
      ctx.now,
      deviceId,
      String(invitation['id']),
    ]);
    const device = {
      id: deviceId,
      memberId: joined.memberId,
      name: input.deviceName,
      enrolledAt: ctx.now,
      revokedAt: null,
    };
    await appendChange(ctx.db, {
      at: ctx.now,
      actorId: joined.memberId,
      entity: 'device',
      entityId: deviceId,
      version: 1,
      data: device,
    });
    await ctx.audit({
      action: 'invitations:accept',
      target: String(invitation['id']),
      before: null,
      after: device,
      actor: { memberId: joined.memberId, deviceId },
    });
    ctx.afterCommit(() => deps.feed.wake());
    return { memberId: joined.memberId, deviceId, role: joined.role, serverId: deps.serverId };
  },

  async 'auth:challenge'(input, ctx) {
    // Always answered, enrolled device or not, so the answer does not reveal which device ids exist.
    await ctx.db.run('DELETE FROM challenges WHERE expires_at <= ?', [ctx.now]);
    const challenge = randomBytes(32).toString('base64url');
    const expiresAt = ctx.now + CHALLENGE_TTL_MS;
    await ctx.db.run('INSERT INTO challenges (challenge, device_id, expires_at) VALUES (?, ?, ?)', [
      challenge,
      input.deviceId,
      expiresAt,
    ]);
    return { challenge, expiresAt };
  },

  async 'auth:login'(input, ctx, deps) {
    const refused = () => new TeamFailure('unauthenticated', 'Login refused');
    // Deleted whatever happens next: a challenge is good for one attempt.
    const used = await ctx.db.run(
      'DELETE FROM challenges WHERE challenge = ? AND device_id = ? AND expires_at > ?',
      [input.challenge, input.deviceId, ctx.now],
    );
    if (used !== 1) throw refused();
    const row = await ctx.db.get(
      `SELECT d.public_key, d.revoked_at AS device_revoked, m.id AS member_id, m.role, m.revoked_at AS member_revoked
        FROM devices d JOIN members m ON m.id = d.member_id WHERE d.id = ?`,
      [input.deviceId],
    );
    if (!row || row['device_revoked'] !== null || row['member_revoked'] !== null) throw refused();
    const publicKey = parseDevicePublicKey(String(row['public_key']));
    const message = challengeMessage(deps.serverId, input.deviceId, input.challenge);
    if (!publicKey || !verifyDeviceSignature(publicKey, message, input.signature)) throw refused();
    const sessionId = ulid(ctx.now);
    const memberId = String(row['member_id']);
    const expiresAt = ctx.now + SESSION_TTL_MS;
    await ctx.db.run(
      'INSERT INTO sessions (id, member_id, device_id, created_at, expires_at, ended_at) VALUES (?, ?, ?, ?, ?, NULL)',
      [sessionId, memberId, input.deviceId, ctx.now, expiresAt],
    );
    await ctx.audit({
      action: 'auth:login',
      target: sessionId,
      before: null,
      after: { expiresAt },
      actor: { memberId, deviceId: input.deviceId },
    });
    const token = deps.tokens.sign({ sid: sessionId, mid: memberId, did: input.deviceId, exp: expiresAt });
    const role = String(row['role']) as TeamRole;
    return { token, expiresAt, memberId, deviceId: input.deviceId, role };
  },

  async 'session:whoami'(_input, ctx) {
    const caller = requireCaller(ctx);
    const row = await ctx.db.get(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id = ?`, [caller.memberId]);
    if (!row) throw new TeamFailure('not_found', 'Member not found');
    const member = toMember(row);
    return {
      memberId: member.id,
      deviceId: caller.deviceId,
      role: member.role,
      displayName: member.displayName,
    };
  },

  async 'session:logout'(_input, ctx) {
    const caller = requireCaller(ctx);
    const ended = await ctx.db.run('UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL', [
      ctx.now,
      caller.sessionId,
    ]);
    return { ended: ended === 1 };
  },
};
