// Proves joining and logging in: the owner invitation printed at first start, invitations that are single
// use, expiring and revocable, device enrolment, login by a signed challenge, and that forged or expired
// tokens, a reused challenge and another member's device key are all refused.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeMessage } from '../../src-shared/team/team-contract.ts';
import { createSessionTokens } from '../../src-server/identity/session-tokens.ts';
import { joinWithCode, startTeamFixture, type TeamFixture } from './support/team-fixture.ts';
import { stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';

stopPostgresAfterAll();

describe.each(TEAM_ENGINES)('team identity (%s)', (engine) => {
  let team: TeamFixture;
  beforeAll(async () => {
    team = await startTeamFixture({ engine });
  });
  afterAll(() => team.stop());

  it('makes the first member the owner and issues no second owner invitation', async () => {
    const me = await team.owner.client.call('session:whoami', {});
    expect(me).toMatchObject({ ok: true, value: { role: 'owner', memberId: team.owner.memberId } });
    expect(team.server.ownerInvitation).not.toBeNull();
  });

  it('lets an invitation be used once only', async () => {
    const invitation = await team.owner.client.call('invitations:create', {
      role: 'expert',
      expiresInHours: 1,
    });
    if (!invitation.ok) throw new Error(invitation.error.code);
    const first = await joinWithCode(team.server.url, invitation.value.code, 'Ada');
    expect(first.role).toBe('expert');
    const second = team.newClient();
    const again = await second.join(invitation.value.code, { displayName: 'Eve', deviceName: 'x' });
    expect(again).toMatchObject({ ok: false, error: { code: 'invitation_invalid' } });
  });

  it('answers the same enrolment when the same device sends it again', async () => {
    const invitation = await team.owner.client.call('invitations:create', {
      role: 'limited',
      expiresInHours: 1,
    });
    if (!invitation.ok) throw new Error(invitation.error.code);
    const client = team.newClient();
    const first = await client.join(invitation.value.code, { displayName: 'Bo', deviceName: 'laptop' });
    const replay = await client.join(invitation.value.code, { displayName: 'Bo', deviceName: 'laptop' });
    expect(first.ok && replay.ok && replay.value.deviceId === first.value.deviceId).toBe(true);
  });

  it('refuses revoked and unknown invitations', async () => {
    const invitation = await team.owner.client.call('invitations:create', {
      role: 'viewer',
      expiresInHours: 1,
    });
    if (!invitation.ok) throw new Error(invitation.error.code);
    const revoked = await team.owner.client.call('invitations:revoke', {
      id: invitation.value.invitation.id,
    });
    expect(revoked.ok && revoked.value.revokedAt).toBeTruthy();
    const join = await team.newClient().join(invitation.value.code, { displayName: 'Cy', deviceName: 'x' });
    expect(join).toMatchObject({ ok: false, error: { code: 'invitation_invalid' } });
    const unknown = await team.newClient().join('A'.repeat(43), { displayName: 'Cy', deviceName: 'x' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invitation_invalid' } });
  });

  it('refuses an expired invitation', async () => {
    let clock = Date.now();
    const timed = await startTeamFixture({ engine, now: () => clock });
    try {
      const invitation = await timed.owner.client.call('invitations:create', {
        role: 'expert',
        expiresInHours: 1,
      });
      if (!invitation.ok) throw new Error(invitation.error.code);
      clock += 3_600_001;
      const join = await timed
        .newClient()
        .join(invitation.value.code, { displayName: 'Late', deviceName: 'x' });
      expect(join).toMatchObject({ ok: false, error: { code: 'invitation_invalid' } });
    } finally {
      await timed.stop();
    }
  });

  it('refuses calls with no session, a forged token or an expired one', async () => {
    const anonymous = await team.owner.client.raw('members:list', {});
    expect(anonymous).toMatchObject({
      status: 401,
      result: { ok: false, error: { code: 'unauthenticated' } },
    });

    const session = await team.owner.client.session();
    if (!session.ok) throw new Error(session.error.code);
    const [payload] = session.value.token.split('.');
    const forgedClaims = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), exp: Date.now() + 9e9 }),
    ).toString('base64url');
    const tampered = await team.owner.client.raw(
      'members:list',
      {},
      { authorization: `Bearer ${forgedClaims}.${session.value.token.split('.')[1]}` },
    );
    expect(tampered.result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const otherKey = createSessionTokens(Buffer.alloc(32, 7)).sign({
      sid: 'x',
      mid: team.owner.memberId,
      did: team.owner.deviceId,
      exp: Date.now() + 60_000,
    });
    const foreign = await team.owner.client.raw('members:list', {}, { authorization: `Bearer ${otherKey}` });
    expect(foreign.result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    let clock = Date.now();
    const timed = await startTeamFixture({ engine, now: () => clock });
    try {
      const timedSession = await timed.owner.client.session();
      if (!timedSession.ok) throw new Error(timedSession.error.code);
      clock += 16 * 60_000;
      const expired = await timed.owner.client.raw(
        'members:list',
        {},
        { authorization: `Bearer ${timedSession.value.token}` },
      );
      expect(expired.result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    } finally {
      await timed.stop();
    }
  });

  it("refuses a login signed with another member's key, a wrong server id or a reused challenge", async () => {
    const victim = await team.join('admin', 'Victim');
    const attacker = await team.join('viewer', 'Attacker');
    const attackerKey = (await attacker.keyStore.load(team.server.url))!;
    const { createPrivateKey } = await import('node:crypto');
    const attackerPrivate = createPrivateKey({
      key: Buffer.from(attackerKey.privateKey, 'base64url'),
      format: 'der',
      type: 'pkcs8',
    });
    const challengeFor = async (deviceId: string) => {
      const { result } = await attacker.client.raw('auth:challenge', { deviceId });
      if (!result.ok) throw new Error(result.error.code);
      return (result.value as { challenge: string }).challenge;
    };
    const serverId = team.server.serverId;

    const challenge = await challengeFor(victim.deviceId);
    const signature = sign(
      null,
      Buffer.from(challengeMessage(serverId, victim.deviceId, challenge)),
      attackerPrivate,
    );
    const asVictim = await attacker.client.raw('auth:login', {
      deviceId: victim.deviceId,
      challenge,
      signature: signature.toString('base64url'),
    });
    expect(asVictim).toMatchObject({
      status: 401,
      result: { ok: false, error: { code: 'unauthenticated' } },
    });

    const own = await challengeFor(attacker.deviceId);
    const wrongServer = sign(
      null,
      Buffer.from(challengeMessage('another-server', attacker.deviceId, own)),
      attackerPrivate,
    );
    const wrong = await attacker.client.raw('auth:login', {
      deviceId: attacker.deviceId,
      challenge: own,
      signature: wrongServer.toString('base64url'),
    });
    expect(wrong.result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const fresh = await challengeFor(attacker.deviceId);
    const good = sign(
      null,
      Buffer.from(challengeMessage(serverId, attacker.deviceId, fresh)),
      attackerPrivate,
    ).toString('base64url');
    const login = await attacker.client.raw('auth:login', {
      deviceId: attacker.deviceId,
      challenge: fresh,
      signature: good,
    });
    expect(login.result.ok).toBe(true);
    const reused = await attacker.client.raw('auth:login', {
      deviceId: attacker.deviceId,
      challenge: fresh,
      signature: good,
    });
    expect(reused.result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const stranger = generateKeyPairSync('ed25519').privateKey;
    const strangerChallenge = await challengeFor(attacker.deviceId);
    const strangerSig = sign(
      null,
      Buffer.from(challengeMessage(serverId, attacker.deviceId, strangerChallenge)),
      stranger,
    );
    const byStranger = await attacker.client.raw('auth:login', {
      deviceId: attacker.deviceId,
      challenge: strangerChallenge,
      signature: strangerSig.toString('base64url'),
    });
    expect(byStranger.result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('issues a fresh owner invitation on each start until the owner joins, and none after', async () => {
    expect(team.server.ownerInvitation).toMatch(/\/join#/);
    const { startTeamServer } = await import('../../src-server/team-server.ts');
    await team.server.stop();
    const again = await startTeamServer({ ...team.storage, port: team.server.port });
    try {
      expect(again.ownerInvitation).toBeNull();
    } finally {
      await again.stop();
    }
    team = {
      ...team,
      server: await startTeamServer({ ...team.storage, port: team.server.port }),
    } as TeamFixture;
  });
});

describe.each(TEAM_ENGINES)('team audit of joins and logins (%s)', (engine) => {
  it('records who joined and who logged in, with the request id and address', async () => {
    const team = await startTeamFixture({ engine });
    try {
      await team.owner.client.session();
      const audit = await team.owner.client.call('audit:list', {});
      if (!audit.ok) throw new Error(audit.error.code);
      const join = audit.value.find((entry) => entry.action === 'invitations:accept');
      const login = audit.value.find((entry) => entry.action === 'auth:login');
      expect(join).toMatchObject({
        memberId: team.owner.memberId,
        deviceId: team.owner.deviceId,
        result: 'ok',
      });
      expect(login).toMatchObject({
        memberId: team.owner.memberId,
        clientAddress: expect.stringMatching(/127\.0\.0\.1/),
      });
      expect(login?.requestId).toMatch(/^[0-9A-Z]{26}$/);
    } finally {
      await team.stop();
    }
  });
});
