// Proves revocation: removing a member (or one of their devices) ends their sessions at once — the next call
// is refused and their open change-feed socket is told and closed within a second — while the member's other
// devices, for a device revocation, keep working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamClient } from '../../src-main/team/team-client.ts';
import { recordFeed } from './support/feed-recorder.ts';
import { memoryKeyStore, startTeamFixture, type TeamFixture } from './support/team-fixture.ts';
import { stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';

stopPostgresAfterAll();

const REVOKE_DEADLINE_MS = 1_000;

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe.each(TEAM_ENGINES)('revocation (%s)', (engine) => {
  let team: TeamFixture;
  beforeAll(async () => {
    team = await startTeamFixture({ engine });
  });
  afterAll(() => team.stop());

  it('closes a removed member’s feed within a second and refuses their next call', async () => {
    const expert = await team.join('expert', 'Leaver');
    const feed = recordFeed(expert.client, 0);
    await waitUntil(() => team.server.feedConnections() >= 1 && feed.follower.cursor() > 0, 5_000);
    const started = performance.now();
    const revoked = await team.owner.client.call('members:revoke', { memberId: expert.memberId });
    expect(revoked.ok).toBe(true);
    await waitUntil(() => feed.closedAt !== null, REVOKE_DEADLINE_MS);
    const closeMs = feed.closedAt! - started;
    console.log(`revoke → feed closed in ${closeMs.toFixed(1)} ms`);
    expect(closeMs).toBeLessThan(REVOKE_DEADLINE_MS);
    expect(feed.revoked).toBe('member');

    const next = await expert.client.call('notes:create', { text: 'after removal' });
    expect(next).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const relogin = await expert.client.login();
    expect(relogin).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await feed.follower.stop();
  });

  it('revokes one device and leaves the member’s other device working', async () => {
    const lead = await team.join('lead', 'Two laptops');
    const invite = await lead.client.call('devices:invite', { expiresInHours: 1 });
    if (!invite.ok) throw new Error(invite.error.code);
    const secondLaptop = createTeamClient({ serverUrl: team.server.url, keyStore: memoryKeyStore() });
    const enrolled = await secondLaptop.join(invite.value.code, {
      displayName: 'ignored',
      deviceName: 'desktop',
    });
    expect(enrolled).toMatchObject({ ok: true, value: { memberId: lead.memberId, role: 'lead' } });

    const feed = recordFeed(lead.client, 0);
    const otherFeed = recordFeed(secondLaptop, 0);
    await waitUntil(() => feed.follower.cursor() > 0 && otherFeed.follower.cursor() > 0, 5_000);
    const started = performance.now();
    const revoke = await secondLaptop.call('devices:revoke', { deviceId: lead.deviceId });
    expect(revoke).toMatchObject({ ok: true, value: { revokedAt: expect.any(Number) } });
    await waitUntil(() => feed.closedAt !== null, REVOKE_DEADLINE_MS);
    expect(feed.closedAt! - started).toBeLessThan(REVOKE_DEADLINE_MS);
    expect(feed.revoked).toBe('device');
    expect(await lead.client.call('session:whoami', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await secondLaptop.call('session:whoami', {})).toMatchObject({ ok: true });
    expect(otherFeed.closedAt).toBeNull();
    await Promise.all([feed.follower.stop(), otherFeed.follower.stop()]);
  });

  it('does not let a revoked member’s key join again with a new invitation', async () => {
    const member = await team.join('viewer', 'Returning');
    await team.owner.client.call('members:revoke', { memberId: member.memberId });
    const invitation = await team.owner.client.call('invitations:create', {
      role: 'viewer',
      expiresInHours: 1,
    });
    if (!invitation.ok) throw new Error(invitation.error.code);
    const again = createTeamClient({ serverUrl: team.server.url, keyStore: member.keyStore });
    const rejoin = await again.join(invitation.value.code, {
      displayName: 'Returning',
      deviceName: 'same laptop',
    });
    expect(rejoin).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const fresh = createTeamClient({ serverUrl: team.server.url, keyStore: memoryKeyStore() });
    expect(
      (await fresh.join(invitation.value.code, { displayName: 'Returning', deviceName: 'new key' })).ok,
    ).toBe(true);
  });
});
