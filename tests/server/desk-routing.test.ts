// The inquiry desk on the team server, on SQLite and PostgreSQL: a polled mention becomes a conversation
// (a reply joins it), routing gives it to an expert with the skill it needs, an expert at capacity leaves
// the rest in the holding queue until capacity frees, away and offline experts get nothing, a reopened
// conversation whose owner is away goes to someone else, and a member lists only the brand accounts they see.
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { applyAction } from '../../src-shared/desk/conversation.ts';
import { defaultDeskSettings } from '../../src-shared/desk/desk-settings.ts';
import { findConversation, saveConversation } from '../../src-server/desk/desk-store.ts';
import { seedClosedPortBrandAccount } from './support/brand-account-seed.ts';
import { expertProfile } from './support/desk-seed.ts';
import { must, startDeskTeam, type DeskTeam } from './support/desk-team.ts';
import { openEngineFor, stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';

stopPostgresAfterAll();

describe.each(TEAM_ENGINES)('inquiry desk routing (%s)', (engine) => {
  let desk: DeskTeam;
  afterEach(async () => desk?.stop());

  it('files a mention as a conversation, with priority and skills, and a reply joins it', async () => {
    desk = await startDeskTeam(engine);
    await desk.receive([{ n: 'p1', text: 'I want a refund for my order', contact: 'ana' }]);
    const first = await desk.byText('I want a refund for my order');
    expect(first).toMatchObject({ state: 'new', ownerId: null, accountId: desk.accountId });
    expect(first.priorityReasons).toContain('term:refund');
    expect(first.skills).toEqual(expect.arrayContaining(['billing', 'delivery']));
    expect(first.sla?.clock).toBe('first_response');

    await desk.receive([
      { n: 'p2', text: 'still waiting', contact: 'ana', replyTo: 'at://did:plc:ana/app.bsky.feed.post/p1' },
    ]);
    const detail = await must(desk.team.owner.client, 'conversations:get', { id: first.id });
    expect(detail.messages.map((m) => m.text)).toEqual(['I want a refund for my order', 'still waiting']);
    expect((await desk.view('team')).length).toBe(1);
    // The same page stored again changes nothing.
    await desk.receive([{ n: 'p1', text: 'I want a refund for my order', contact: 'ana' }]);
    expect((await must(desk.team.owner.client, 'conversations:get', { id: first.id })).messages).toHaveLength(
      2,
    );
  });

  it('routes each inquiry to an expert with the skill it needs', async () => {
    desk = await startDeskTeam(engine);
    const billing = await desk.expert(['billing'], 5);
    const security = await desk.expert(['security'], 5);
    await desk.receive([
      { n: 'r1', text: 'please send the invoice' },
      { n: 'r2', text: 'my account was hacked' },
    ]);
    expect((await desk.byText('please send the invoice')).ownerId).toBe(billing.memberId);
    expect((await desk.byText('my account was hacked')).ownerId).toBe(security.memberId);
    expect((await desk.view('mine', billing)).map((c) => c.excerpt)).toEqual(['please send the invoice']);
  });

  it('keeps the holding queue in order and drains it as capacity frees', async () => {
    desk = await startDeskTeam(engine);
    const only = await desk.expert([], 1);
    await desk.receive([
      { n: 'q1', text: 'hello there' },
      { n: 'q2', text: 'urgent question' },
    ]);
    // The higher priority one goes first; the other waits.
    expect((await desk.byText('urgent question')).ownerId).toBe(only.memberId);
    expect((await desk.view('unassigned')).map((c) => c.excerpt)).toEqual(['hello there']);
    expect((await must(desk.team.owner.client, 'conversations:counts', {})).unassigned).toBe(1);

    await must(desk.team.owner.client, 'experts:update', {
      memberId: only.memberId,
      profile: expertProfile([], 2),
    });
    await desk.team.server.desk.route();
    expect((await desk.byText('hello there')).ownerId).toBe(only.memberId);
    const [expert] = (await must(desk.team.owner.client, 'experts:list', {})).filter(
      (e) => e.memberId === only.memberId,
    );
    expect(expert).toMatchObject({ availability: 'available', openAssigned: 2 });
  });

  it('gives nothing to away or offline experts, and needs a configured reason to be away', async () => {
    desk = await startDeskTeam(engine);
    const away = await desk.expert([], 5);
    const refused = await away.client.call('experts:setAvailability', {
      availability: 'away',
      awayReason: 'Nap',
    });
    expect(refused.ok ? null : refused.error.code).toBe('invalid_input');
    await must(away.client, 'experts:setAvailability', { availability: 'away', awayReason: 'Break' });
    const offline = await desk.expert([], 5, { online: false });
    await desk.receive([{ n: 'a1', text: 'anyone there?' }]);
    expect((await desk.byText('anyone there?')).ownerId).toBeNull();
    const states = new Map(
      (await must(desk.team.owner.client, 'experts:list', {})).map((e) => [e.memberId, e.availability]),
    );
    expect(states.get(away.memberId)).toBe('away');
    expect(states.get(offline.memberId)).toBe('offline');

    await must(away.client, 'experts:setAvailability', { availability: 'available', awayReason: null });
    await desk.team.server.desk.route();
    expect((await desk.byText('anyone there?')).ownerId).toBe(away.memberId);
  });

  it('routes a reopened conversation again when its owner is away', async () => {
    desk = await startDeskTeam(engine);
    const first = await desk.expert(['delivery'], 5);
    await desk.receive([{ n: 'o1', text: 'where is my parcel', contact: 'bo' }]);
    const conversation = await desk.byText('where is my parcel');
    expect(conversation.ownerId).toBe(first.memberId);
    await resolveInDatabase(desk, conversation.id);
    await must(first.client, 'experts:setAvailability', { availability: 'away', awayReason: 'Meeting' });
    const second = await desk.expert(['delivery'], 5);

    await desk.receive([
      { n: 'o2', text: 'it never came', contact: 'bo', replyTo: 'at://did:plc:bo/app.bsky.feed.post/o1' },
    ]);
    const reopened = await must(desk.team.owner.client, 'conversations:get', { id: conversation.id });
    expect(reopened.summary).toMatchObject({ state: 'open', ownerId: second.memberId });
  });

  it('lists to a member only the conversations of brand accounts they may see', async () => {
    desk = await startDeskTeam(engine);
    const other = await seedClosedPortBrandAccount(engine, desk.team.storage, desk.team.owner.memberId);
    const member = await desk.team.join('expert');
    await must(desk.team.owner.client, 'brandAccounts:setAccess', {
      accountId: desk.accountId,
      memberId: member.memberId,
      access: 'reply',
    });
    await desk.receive([{ n: 'v1', text: 'seen by the member' }]);
    const { receiveMentions, mention } = await import('./support/desk-seed.ts');
    await receiveMentions(engine, desk.team.storage, other, [mention('v2', 'hidden from the member')]);

    expect((await desk.view('team')).map((c) => c.excerpt).sort()).toEqual([
      'hidden from the member',
      'seen by the member',
    ]);
    expect((await desk.view('team', member)).map((c) => c.excerpt)).toEqual(['seen by the member']);
    expect((await must(member.client, 'conversations:counts', {})).team).toBe(1);
    const hidden = (await desk.view('team')).find((c) => c.accountId === other)!;
    const get = await member.client.call('conversations:get', { id: hidden.id });
    expect(get.ok ? null : get.error.code).toBe('not_found');
  });
});

/** Resolves as an expert's action would (that method is not part of this suite). */
async function resolveInDatabase(desk: DeskTeam, id: string): Promise<void> {
  const db = await openEngineFor(desk.team.storage.database ? 'postgres' : 'sqlite', desk.team.storage);
  try {
    await db.transaction(async (tx) => {
      const record = (await findConversation(tx, id))!;
      const now = Date.now();
      await saveConversation(
        tx,
        { ...record, life: applyAction(record.life, { kind: 'resolve' }, now), version: record.version + 1 },
        {
          event: 'resolved',
          detail: null,
          actorId: null,
          at: now,
          policy: defaultDeskSettings('UTC').sla,
          eventId: ulid(),
        },
      );
    });
  } finally {
    await db.close();
  }
}
