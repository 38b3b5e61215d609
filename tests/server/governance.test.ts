// The team's publishing policy on the server, on both engines: an admin's update is versioned, on the feed
// (where a viewer's desktop reads it) and in the audit log with before and after; a non-admin is refused and
// the refusal audited; a bad entry or a stale version writes nothing; and the brand guards apply the team's
// blocked terms, block list and levels to the next brand post.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GovernancePolicy } from '../../src-shared/contract/governance-contract.ts';
import { startTeamFixture, type Desktop, type TeamFixture } from './support/team-fixture.ts';
import { stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';
import { seedClosedPortBrandAccount } from './support/brand-account-seed.ts';
import { recordFeed } from './support/feed-recorder.ts';

stopPostgresAfterAll();

const POLICY: GovernancePolicy = {
  orgDomains: ['Example.ORG', 'example.org'],
  blockedTerms: ['  launch code  '],
  quietHours: {},
  levels: { 'link-shortener': 'block' },
  blockList: '# ours\nbad.example\n',
};

async function value<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>,
): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`refused: ${JSON.stringify(settled.error)}`);
  return settled.value;
}

describe.each(TEAM_ENGINES)('the team governance policy (%s)', (engine) => {
  let team: TeamFixture;
  let lead: Desktop;
  let viewer: Desktop;
  let accountId: string;
  const post = (text: string) =>
    team.owner.client.call('brandPosts:submit', { accountId, text, replyTo: null });

  beforeAll(async () => {
    team = await startTeamFixture({ engine });
    lead = await team.join('lead', 'Lena Lead');
    viewer = await team.join('viewer', 'Vic Viewer');
    accountId = await seedClosedPortBrandAccount(engine, team.storage, team.owner.memberId);
  });
  afterAll(() => team.stop());

  it('starts empty, at version 0, readable by everyone', async () => {
    expect(await value(viewer.client.call('governance:get', {}))).toEqual({
      policy: { orgDomains: [], blockedTerms: [], quietHours: {}, levels: {}, blockList: '' },
      version: 0,
      updatedBy: null,
      updatedAt: null,
    });
  });

  it('lets the brand guards pass a post the empty policy allows', async () => {
    // The term the team blocks below, and a link to the domain it blocks, still pass for now.
    expect(await post('Our launch code is near: https://bad.example/')).toMatchObject({ ok: true });
  });

  it('refuses a non-admin, audits the refusal and changes nothing', async () => {
    const refused = await lead.client.call('governance:update', { policy: POLICY, version: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const audit = await value(team.owner.client.call('audit:list', { limit: 500 }));
    expect(
      audit.some(
        (e) => e.action === 'governance:update' && e.result === 'refused' && e.memberId === lead.memberId,
      ),
    ).toBe(true);
    expect((await value(lead.client.call('governance:get', {}))).version).toBe(0);
  });

  it('refuses a policy with a bad entry whole, naming the entry', async () => {
    const bad = { ...POLICY, orgDomains: ['example.org', 'not a domain'] };
    const refused = await team.owner.client.call('governance:update', { policy: bad, version: 0 });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'policy.orgDomains.1' }] },
    });
    expect((await value(viewer.client.call('governance:get', {}))).version).toBe(0);
  });

  it("saves an admin's update tidied, versioned, on the feed and in the audit log", async () => {
    const feed = recordFeed(viewer.client);
    try {
      const saved = await value(team.owner.client.call('governance:update', { policy: POLICY, version: 0 }));
      expect(saved).toMatchObject({
        version: 1,
        updatedBy: team.owner.memberId,
        policy: { orgDomains: ['example.org'], blockedTerms: ['launch code'] },
      });
      expect(await value(viewer.client.call('governance:get', {}))).toEqual(saved);
      const deadline = Date.now() + 5_000;
      while (!feed.applied.some((c) => c.entity === 'governancePolicy') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const change = feed.applied.find((c) => c.entity === 'governancePolicy');
      // A viewer is sent the whole policy: everyone publishes under it.
      expect(change).toMatchObject({ entityId: 'team', version: 1, data: { policy: saved.policy } });
      const audit = await value(team.owner.client.call('audit:list', { limit: 500 }));
      const entry = audit.find((e) => e.action === 'governance:update' && e.result === 'ok');
      expect(entry).toMatchObject({
        memberId: team.owner.memberId,
        target: 'team',
        before: { orgDomains: [], blockedTerms: [] },
        after: saved.policy,
      });
    } finally {
      await feed.follower.stop();
    }
  });

  it('refuses an update based on an older version (another admin saved meanwhile)', async () => {
    const stale = await team.owner.client.call('governance:update', { policy: POLICY, version: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await value(viewer.client.call('governance:get', {}))).version).toBe(1);
  });

  it("applies the team's blocked terms, block list and levels to brand posts", async () => {
    const term = await post('Our launch code is ready');
    expect(term).toMatchObject({ ok: false, error: { code: 'guard_refused' } });
    expect(!term.ok && term.error.message).toMatch(/blocked-term/);
    const listed = await post('Read https://bad.example/offer now');
    expect(!listed.ok && listed.error.message).toMatch(/link-blocklist/);
    // A shortener only warns by default; the team's level makes it a block.
    const short = await post('More at https://bit.ly/xyz');
    expect(!short.ok && short.error.message).toMatch(/link-shortener/);
    expect(await post('All good at https://example.org/news')).toMatchObject({ ok: true });
  });
});
