// Approvals on the team server, on both engines: a limited member's reply and a "publish only with approval"
// member's post wait for sign-off instead of being refused; quorum "all" waits for everyone; two approvers
// at once make exactly one transition; nobody approves their own content; an edit supersedes; a request not
// approved by its scheduled time expires on a real timer and its author's feed is told; approved content is
// handed to the brand outbox exactly once, rejected content never.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalRequest } from '../../src-shared/approvals/approval-machine.ts';
import { startTeamFixture, type Desktop, type TeamFixture } from './support/team-fixture.ts';
import { stopPostgresAfterAll, TEAM_ENGINES, queryDatabase } from './support/engines.ts';
import { outboxJobsFor, seedClosedPortBrandAccount } from './support/brand-account-seed.ts';
import { recordFeed } from './support/feed-recorder.ts';

stopPostgresAfterAll();

const REPLY_TO = {
  network: 'bluesky',
  remoteId: 'at://did:plc:someone/app.bsky.feed.post/3kabc',
  cid: 'bafyreib2rxk3rh6kzwq',
  sourceAccountId: null,
} as const;

async function value<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>,
): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`refused: ${settled.error.code} ${JSON.stringify(settled.error)}`);
  return settled.value;
}

describe.each(TEAM_ENGINES)('approvals on the team server (%s)', (engine) => {
  let team: TeamFixture;
  let lead: Desktop;
  let expert: Desktop;
  let expert2: Desktop;
  let limited: Desktop;
  let accountId: string;

  const request = (who: Desktop, text: string, extra: Record<string, unknown> = {}) =>
    value(who.client.call('approvals:request', { accountId, text, replyTo: null, ...extra }));
  const setPolicy = (steps: unknown[]) =>
    value(team.owner.client.call('approvals:setPolicy', { accountId, policy: { steps } } as never));

  beforeAll(async () => {
    team = await startTeamFixture({ engine });
    lead = await team.join('lead', 'Lena Lead');
    expert = await team.join('expert', 'Eve Expert');
    expert2 = await team.join('expert', 'Ed Expert');
    limited = await team.join('limited', 'Lim Ited');
    accountId = await seedClosedPortBrandAccount(engine, team.storage, team.owner.memberId);
    for (const [who, access] of [
      [limited, 'reply'],
      [expert, 'publish_with_approval'],
      [expert2, 'publish'],
    ] as const) {
      await value(
        team.owner.client.call('brandAccounts:setAccess', { accountId, memberId: who.memberId, access }),
      );
    }
  });
  afterAll(() => team.stop());

  it("holds a limited member's reply for approval (default policy: a lead or above), then publishes it once", async () => {
    const post = await value(
      limited.client.call('brandPosts:submit', { accountId, text: 'Thanks!', replyTo: REPLY_TO }),
    );
    expect(post).toMatchObject({ state: 'awaiting_approval', kind: 'reply' });
    const waiting = await value(lead.client.call('approvals:list', { view: 'to_approve' }));
    const item = waiting.find((i) => i.request.id === post.approvalId)!;
    expect(item).toMatchObject({ accountHandle: 'closed.test', authorName: 'Lim Ited' });
    expect(item.request.steps[0]!.approverIds.sort()).toEqual([lead.memberId, team.owner.memberId].sort());
    expect(item.request.snapshot).toMatchObject({ text: 'Thanks!', kind: 'reply', accountIds: [accountId] });
    expect(outboxJobsFor(team.dataDir, post.id)).toBe(0);

    const approved = await value(lead.client.call('approvals:approve', { id: post.approvalId! }));
    expect(approved.state).toBe('approved');
    expect(outboxJobsFor(team.dataDir, post.id)).toBe(1);
    // A second approval (another approver, or the same call with a new key) changes nothing and sends nothing.
    const again = await team.owner.client.call('approvals:approve', { id: post.approvalId! });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(outboxJobsFor(team.dataDir, post.id)).toBe(1);
    const status = await value(limited.client.call('brandPosts:status', { id: post.id }));
    expect(status.state).not.toBe('awaiting_approval');
  });

  it('refuses self-approval even when the policy names the author', async () => {
    await setPolicy([
      { approvers: { kind: 'members', memberIds: [expert.memberId, lead.memberId] }, quorum: 'any' },
    ]);
    const post = await value(
      expert.client.call('brandPosts:submit', { accountId, text: 'Self check', replyTo: null }),
    );
    const refused = await expert.client.call('approvals:approve', { id: post.approvalId! });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Nobody approves their own content' },
    });
    const outsider = await expert2.client.call('approvals:approve', { id: post.approvalId! });
    expect(outsider).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(outboxJobsFor(team.dataDir, post.id)).toBe(0);
  });

  it('waits for every approver with quorum "all", over two sequential steps', async () => {
    await setPolicy([
      { approvers: { kind: 'members', memberIds: [lead.memberId, expert2.memberId] }, quorum: 'all' },
      { approvers: { kind: 'role', role: 'admin' }, quorum: 'any' },
    ]);
    const asked = await request(expert, 'Quorum all');
    const first = await value(lead.client.call('approvals:approve', { id: asked.id }));
    expect(first).toMatchObject({ state: 'pending', currentStep: 0 });
    const second = await value(expert2.client.call('approvals:approve', { id: asked.id }));
    expect(second).toMatchObject({ state: 'pending', currentStep: 1 });
    expect(outboxJobsFor(team.dataDir, asked.postId!)).toBe(0);
    const last = await value(team.owner.client.call('approvals:approve', { id: asked.id }));
    expect(last.state).toBe('approved');
    expect(outboxJobsFor(team.dataDir, asked.postId!)).toBe(1);
  });

  it('lets exactly one of two approvers acting at once decide', async () => {
    await setPolicy([
      { approvers: { kind: 'members', memberIds: [lead.memberId, expert2.memberId] }, quorum: 'any' },
    ]);
    for (let round = 0; round < 5; round += 1) {
      const asked = await request(expert, `Race ${round}`);
      const [a, b] = await Promise.all([
        lead.client.call('approvals:approve', { id: asked.id }),
        round % 2 === 0
          ? expert2.client.call('approvals:approve', { id: asked.id })
          : expert2.client.call('approvals:reject', { id: asked.id, note: 'Not this one' }),
      ]);
      const wins = [a, b].filter((r) => r.ok);
      expect(wins).toHaveLength(1);
      expect([a, b].find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const winner = (wins[0] as { value: ApprovalRequest }).value;
      expect(outboxJobsFor(team.dataDir, asked.postId!)).toBe(winner.state === 'approved' ? 1 : 0);
      const rows = await queryDatabase(
        team.storage,
        `SELECT version FROM changes WHERE entity = 'approval' AND entity_id = '${asked.id}' ORDER BY seq`,
      );
      expect(rows.map((r) => Number(r['version']))).toEqual([1, 2]);
    }
  });

  it('never publishes a rejected request, and keeps its note', async () => {
    await setPolicy([{ approvers: { kind: 'role', role: 'lead' }, quorum: 'any' }]);
    const post = await value(
      limited.client.call('brandPosts:submit', { accountId, text: 'Rejected reply', replyTo: REPLY_TO }),
    );
    const rejected = await value(
      lead.client.call('approvals:reject', { id: post.approvalId!, note: 'Tone is off' }),
    );
    expect(rejected).toMatchObject({ state: 'rejected', rejectionNote: 'Tone is off' });
    expect(await team.owner.client.call('approvals:approve', { id: post.approvalId! })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(outboxJobsFor(team.dataDir, post.id)).toBe(0);
    expect((await value(limited.client.call('brandPosts:status', { id: post.id }))).state).toBe('rejected');
    const listed = await value(limited.client.call('approvals:list', { view: 'rejected' }));
    expect(listed.map((i) => i.request.id)).toContain(post.approvalId);
    const audit = await value(team.owner.client.call('audit:list', {}));
    expect(audit.some((e) => e.action === 'approvals:reject' && e.target === post.approvalId)).toBe(true);
  });

  it("supersedes the author's pending request with an edit", async () => {
    const original = await request(expert, 'Draft one');
    const edited = await request(expert, 'Draft two', { supersedes: original.id });
    const mine = await value(expert.client.call('approvals:list', { view: 'mine' }));
    expect(mine.find((i) => i.request.id === original.id)!.request).toMatchObject({
      state: 'superseded',
      supersededBy: edited.id,
    });
    expect(await lead.client.call('approvals:approve', { id: original.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await value(expert.client.call('brandPosts:status', { id: original.postId! }))).state).toBe(
      'superseded',
    );
    // Only the author may replace a request.
    const hijack = await expert2.client.call('approvals:request', {
      accountId,
      text: 'Not mine',
      replyTo: null,
      supersedes: edited.id,
    });
    expect(hijack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await value(lead.client.call('approvals:approve', { id: edited.id }))).state).toBe('approved');
    expect(outboxJobsFor(team.dataDir, original.postId!)).toBe(0);
    expect(outboxJobsFor(team.dataDir, edited.postId!)).toBe(1);
  });

  it('expires at the scheduled time on a real timer and tells the author at once', async () => {
    const feed = recordFeed(expert.client);
    try {
      const deadline = Date.now() + 1_500;
      const asked = await request(expert, 'Too late', { scheduledAt: deadline });
      const expired = await new Promise<number>((resolve, reject) => {
        const poll = setInterval(() => {
          const change = feed.applied.find(
            (c) => c.entity === 'approval' && c.entityId === asked.id && c.data['state'] === 'expired',
          );
          if (change) {
            clearInterval(poll);
            resolve(Date.now());
          }
        }, 20);
        setTimeout(() => (clearInterval(poll), reject(new Error('no expiry reached the author'))), 10_000);
      });
      expect(expired).toBeGreaterThanOrEqual(deadline);
      // "At once": within a second of the deadline on a loaded 2-core machine.
      expect(expired - deadline).toBeLessThan(1_000);
      expect(await lead.client.call('approvals:approve', { id: asked.id })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
      expect((await value(expert.client.call('brandPosts:status', { id: asked.postId! }))).state).toBe(
        'expired',
      );
      const listed = await value(expert.client.call('approvals:list', { view: 'expired' }));
      expect(listed.map((i) => i.request.id)).toContain(asked.id);
      expect(outboxJobsFor(team.dataDir, asked.postId!)).toBe(0);
    } finally {
      await feed.follower.stop();
    }
  });
});
