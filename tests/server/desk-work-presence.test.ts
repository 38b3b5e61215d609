// Presence on a real team server, on SQLite and PostgreSQL: who views or replies to a conversation reaches
// the members who can see its brand account on the feed within a second, never the others, and lapses after
// PRESENCE_TTL_MS unless renewed. The server's clock is moved forward rather than waited for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PRESENCE_TTL_MS } from '../../src-shared/desk/desk-team-contract.ts';
import type { FeedFrame } from '../../src-shared/team/team-feed.ts';
import type { TeamClient } from '../../src-main/team/team-client.ts';
import { startTeamFixture, type Desktop, type TeamFixture } from './support/team-fixture.ts';
import { stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';
import { seedClosedPortBrandAccount } from './support/brand-account-seed.ts';
import { seedConversation } from './support/desk-work-seed.ts';

stopPostgresAfterAll();

interface OpenFeed {
  readonly frames: FeedFrame[];
  close(): void;
}

/** A bare feed socket, opened from the latest change, resolved once the server says it caught up. */
async function openFeed(client: TeamClient): Promise<OpenFeed> {
  const session = await client.session();
  if (!session.ok) throw new Error(session.error.code);
  const health = await fetch(`${client.serverUrl}/v1/health`);
  const { seq } = ((await health.json()) as { value: { seq: number } }).value;
  const ws = new WebSocket(`${client.serverUrl.replace(/^http/, 'ws')}/v1/feed?after=${seq}`, {
    headers: { authorization: `Bearer ${session.value.token}` },
  });
  const frames: FeedFrame[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as FeedFrame;
      frames.push(frame);
      if (frame.kind === 'caught_up') resolve();
    });
    ws.on('error', reject);
  });
  return { frames, close: () => ws.close() };
}

const presenceFrames = (feed: OpenFeed) => feed.frames.filter((frame) => frame.kind === 'presence');

describe.each(TEAM_ENGINES)('presence (%s)', (engine) => {
  let offset = 0;
  let team: TeamFixture;
  let viewer: Desktop;
  let colleague: Desktop;
  let outsider: Desktop;
  let conversationId: string;

  beforeAll(async () => {
    team = await startTeamFixture({ engine, now: () => Date.now() + offset });
    viewer = await team.join('expert', 'Grace');
    colleague = await team.join('expert', 'Linus');
    outsider = await team.join('expert', 'Other team');
    const accountId = await seedClosedPortBrandAccount(engine, team.storage, team.owner.memberId);
    for (const member of [viewer, colleague]) {
      await team.owner.client.call('brandAccounts:setAccess', {
        accountId,
        memberId: member.memberId,
        access: 'reply',
      });
    }
    conversationId = await seedConversation(
      engine,
      team.storage,
      accountId,
      { handle: 'ada.test', displayName: 'Ada' },
      'Is the shop open?',
    );
  }, 60_000);
  afterAll(() => team.stop());

  it('reaches the members who can see the account within a second, and only them', async () => {
    const [colleagueFeed, outsiderFeed] = [await openFeed(colleague.client), await openFeed(outsider.client)];
    const started = performance.now();
    const answer = await viewer.client.call('conversations:presence', {
      id: conversationId,
      activity: 'replying',
    });
    expect(answer).toMatchObject({
      ok: true,
      value: [{ memberId: viewer.memberId, displayName: 'Grace', activity: 'replying' }],
    });
    while (presenceFrames(colleagueFeed).length === 0 && performance.now() - started < 1_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const elapsed = performance.now() - started;
    expect(presenceFrames(colleagueFeed)).toMatchObject([
      { presence: { conversationId, memberId: viewer.memberId, activity: 'replying' } },
    ]);
    expect(elapsed).toBeLessThan(1_000);
    console.info(`presence (${engine}): frame on a colleague's feed ${elapsed.toFixed(0)} ms after the call`);
    // The outsider may not see the account: the conversation is not found and no frame is sent.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(presenceFrames(outsiderFeed)).toEqual([]);
    const hidden = await outsider.client.call('conversations:presence', {
      id: conversationId,
      activity: 'viewing',
    });
    expect(hidden).toMatchObject({ ok: false, error: { code: 'not_found' } });
    colleagueFeed.close();
    outsiderFeed.close();
  });

  it('lapses after its time unless renewed, and ends when the member leaves', async () => {
    await viewer.client.call('conversations:presence', { id: conversationId, activity: 'viewing' });
    const both = await colleague.client.call('conversations:presence', {
      id: conversationId,
      activity: 'viewing',
    });
    expect(both.ok && both.value.map((p) => p.memberId).sort()).toEqual(
      [viewer.memberId, colleague.memberId].sort(),
    );
    offset += PRESENCE_TTL_MS - 1_000;
    // The colleague renews; the viewer does not.
    await colleague.client.call('conversations:presence', { id: conversationId, activity: 'viewing' });
    offset += 2_000;
    const later = await colleague.client.call('conversations:presence', {
      id: conversationId,
      activity: 'viewing',
    });
    expect(later.ok && later.value.map((p) => p.memberId)).toEqual([colleague.memberId]);
    const left = await colleague.client.call('conversations:presence', {
      id: conversationId,
      activity: null,
    });
    expect(left).toMatchObject({ ok: true, value: [] });
  });
});
