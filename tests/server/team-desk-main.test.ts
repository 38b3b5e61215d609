// Main's team desk against a real team server on loopback: the feed's conversations fill the team cache so
// lists and counts are answered locally (and still after the server stops), a conversation assigned to this
// member notifies once while one assigned to someone else or claimed by the member does not, a note notifies
// only the member it @mentions, presence frames reach the renderer's events, and a reply the collision guard
// holds comes back as `held`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../../src-main/rpc/event-bus.ts';
import type { Handlers } from '../../src-main/rpc/router.ts';
import type { CallContext } from '../../src-main/rpc/call-context.ts';
import { createTeamService, type TeamService } from '../../src-main/team/team-service.ts';
import { teamDeskFeedListener, teamDeskHandlers } from '../../src-main/team/desk/team-desk-handlers.ts';
import type { EventName } from '../../src-shared/contract/methods.ts';
import { memoryKeyStore, startTeamFixture, type Desktop, type TeamFixture } from './support/team-fixture.ts';
import { seedClosedPortBrandAccount } from './support/brand-account-seed.ts';
import { seedContactMessage, seedConversation } from './support/desk-work-seed.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'roost-team-desk-'));
const ada = { handle: 'ada.test', displayName: 'Ada' };

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('team desk in main', () => {
  let team: TeamFixture;
  let lead: Desktop;
  let other: Desktop;
  let accountId: string;
  let service: TeamService;
  let desk: ReturnType<typeof teamDeskHandlers>;
  let me: string;
  let serverStopped = false;
  const seen: Array<{ name: EventName; payload: Record<string, unknown> }> = [];
  const ctx = {} as CallContext;
  const named = (name: EventName) => seen.filter((e) => e.name === name).map((e) => e.payload);
  const call = <M extends keyof typeof desk>(method: M, input: Parameters<Handlers[M]>[0]) =>
    (desk[method] as (i: typeof input, c: CallContext) => ReturnType<Handlers[M]>)(input, ctx);

  beforeAll(async () => {
    team = await startTeamFixture();
    lead = await team.join('lead', 'Linus');
    other = await team.join('expert', 'Olga');
    accountId = await seedClosedPortBrandAccount('sqlite', team.storage, team.owner.memberId);
    const events = createEventBus();
    events.subscribe((name, payload) => seen.push({ name, payload: payload as Record<string, unknown> }));
    service = createTeamService({
      dir: temp,
      keyStore: memoryKeyStore(),
      deviceName: 'Grace laptop',
      feedBackoffMs: { min: 20, max: 200 },
      onStatus: () => undefined,
      onChanged: () => undefined,
      onRevoked: () => undefined,
      onFeedChange: teamDeskFeedListener(events, () => service.status().memberId),
      onPresence: (presence) => events.emit('teamDesk:presence', presence),
    });
    desk = teamDeskHandlers(service, Date.now);
    const invite = await team.owner.client.call('invitations:create', { role: 'expert', expiresInHours: 1 });
    if (!invite.ok) throw new Error(invite.error.code);
    await service.join(`${team.server.url}/join#${invite.value.code}`, 'Grace');
    me = service.status().memberId ?? '';
    for (const memberId of [me, lead.memberId, other.memberId]) {
      const access = await team.owner.client.call('brandAccounts:setAccess', {
        accountId,
        memberId,
        access: 'publish',
      });
      expect(access.ok).toBe(true);
    }
    await until(() => service.status().state === 'connected');
  }, 60_000);

  afterAll(async () => {
    await service.stop();
    if (serverStopped) rmSync(team.dataDir, { recursive: true, force: true });
    else await team.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  // A seeded row is written by another connection, which SQLite cannot announce: any write of the server's
  // own (an invitation here) wakes the feed, as intake's own writes will.
  const wake = () => team.owner.client.call('invitations:create', { role: 'viewer', expiresInHours: 1 });
  const conversation = async (text: string) => {
    const id = await seedConversation('sqlite', team.storage, accountId, ada, text);
    await wake();
    return id;
  };
  const cached = async (id: string, version: number) =>
    until(() => service.cache()?.record('conversation', id)?.version === version);

  it('lists and counts from the cache, and notifies only an assignment to me by someone else', async () => {
    const [mine, hers, claimed] = [
      await conversation('parcel'),
      await conversation('refund'),
      await conversation('login'),
    ];
    await cached(claimed, 1);
    expect((await call('teamDesk:list', { view: 'unassigned' })).map((c) => c.id)).toEqual(
      expect.arrayContaining([mine, hers, claimed]),
    );
    for (const [id, memberId] of [
      [mine, me],
      [hers, other.memberId],
    ] as const) {
      const moved = await lead.client.call('conversations:act', {
        id,
        version: 1,
        action: { kind: 'assign', memberId },
      });
      expect(moved.ok).toBe(true);
    }
    await call('teamDesk:act', { id: claimed, version: 1, action: { kind: 'claim' } });
    await cached(claimed, 2);
    await cached(hers, 2);
    const notices = named('teamDesk:notification');
    expect(notices).toEqual([{ kind: 'assigned', conversationId: mine, who: 'ada.test', excerpt: 'parcel' }]);
    const listed = await call('teamDesk:list', { view: 'mine' });
    expect(listed.map((c) => c.id).sort()).toEqual([mine, claimed].sort());
    expect(listed.find((c) => c.id === mine)?.ownerName).toBe('Grace');
    const counts = await call('teamDesk:counts', {});
    expect(counts).toMatchObject({ mine: 2, unassigned: 0, team: 3 });
    expect(named('teamDesk:changed').some((e) => (e['ids'] as string[]).includes(hers))).toBe(true);
  });

  it('notifies a note only to the member it mentions', async () => {
    const id = await conversation('hacked account');
    await cached(id, 1);
    const before = named('teamDesk:notification').length;
    const toOlga = await lead.client.call('conversations:addNote', {
      id,
      text: '@Olga yours?',
      mentions: [other.memberId],
    });
    const toMe = await lead.client.call('conversations:addNote', {
      id,
      text: '@Grace yours?',
      mentions: [me],
    });
    expect(toOlga.ok && toMe.ok).toBe(true);
    await call('teamDesk:addNote', { id, text: 'I mention myself @Grace', mentions: [me] });
    await until(() => (service.cache()?.records('deskNote').length ?? 0) >= 3);
    expect(named('teamDesk:notification').slice(before)).toEqual([
      { kind: 'mentioned', conversationId: id, who: 'Linus', excerpt: '@Grace yours?' },
    ]);
    const notes = service.cache()?.records('deskNote') ?? [];
    expect(notes.filter((n) => n.data['conversationId'] === id).map((n) => n.data['authorName'])).toEqual([
      'Linus',
      'Linus',
      'Grace',
    ]);
  });

  it('forwards presence and hands back a reply held by the collision guard', async () => {
    const id = await conversation('still waiting');
    await cached(id, 1);
    const draftStartedAt = Date.now();
    await other.client.call('conversations:presence', { id, activity: 'replying' });
    await until(() => named('teamDesk:presence').some((p) => p['conversationId'] === id));
    expect(named('teamDesk:presence').find((p) => p['conversationId'] === id)).toMatchObject({
      displayName: 'Olga',
      activity: 'replying',
    });
    await seedContactMessage('sqlite', team.storage, { id, accountId }, 'hello?', draftStartedAt + 1);
    const held = await call('teamDesk:reply', { id, text: 'On it', draftStartedAt, sendAnyway: false });
    expect(held.outcome).toBe('held');
  });

  it('answers lists from the cache while the server is unreachable', async () => {
    const before = await call('teamDesk:counts', {});
    await team.server.stop();
    serverStopped = true;
    expect(await call('teamDesk:counts', {})).toEqual(before);
    await expect(call('teamDesk:experts', {})).rejects.toThrow();
  });
});
