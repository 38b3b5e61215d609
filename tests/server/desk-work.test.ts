// Working conversations on a real team server, on SQLite and PostgreSQL: an action on a version the member
// did not see is refused, a bulk move reports each refusal while the rest move, a note may mention members
// only, the collision guard holds a reply when something arrived since the draft began (and sends it once
// the expert says so), and saved replies are filled for the conversation and counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { startTeamFixture, type Desktop, type TeamFixture } from './support/team-fixture.ts';
import { queryDatabase, stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';
import { outboxJobsFor, seedClosedPortBrandAccount } from './support/brand-account-seed.ts';
import { seedContactMessage, seedConversation } from './support/desk-seed.ts';

stopPostgresAfterAll();

const ada = { handle: 'ada.test', displayName: 'Ada' };

describe.each(TEAM_ENGINES)('working conversations (%s)', (engine) => {
  let team: TeamFixture;
  let expert: Desktop;
  let lead: Desktop;
  let outsider: Desktop;
  let accountId: string;
  const conversation = (text: string) => seedConversation(engine, team.storage, accountId, ada, text);

  beforeAll(async () => {
    team = await startTeamFixture({ engine });
    expert = await team.join('expert', 'Grace');
    lead = await team.join('lead', 'Linus');
    outsider = await team.join('expert', 'Other team');
    accountId = await seedClosedPortBrandAccount(engine, team.storage, team.owner.memberId);
    for (const member of [expert, lead]) {
      const access = await team.owner.client.call('brandAccounts:setAccess', {
        accountId,
        memberId: member.memberId,
        access: 'publish',
      });
      expect(access.ok).toBe(true);
    }
  }, 60_000);
  afterAll(() => team.stop());

  it('refuses an action on a version the member did not see', async () => {
    const id = await conversation('Where is my parcel?');
    const claimed = await expert.client.call('conversations:act', {
      id,
      version: 1,
      action: { kind: 'claim' },
    });
    expect(claimed).toMatchObject({
      ok: true,
      value: { ownerId: expert.memberId, state: 'open', version: 2 },
    });
    const stale = await lead.client.call('conversations:act', {
      id,
      version: 1,
      action: { kind: 'resolve' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const fresh = await lead.client.call('conversations:act', {
      id,
      version: 2,
      action: { kind: 'resolve' },
    });
    expect(fresh).toMatchObject({ ok: true, value: { state: 'resolved', version: 3 } });
    // A member without access to the brand account is told the conversation does not exist.
    const hidden = await outsider.client.call('conversations:act', {
      id,
      version: 3,
      action: { kind: 'reopen' },
    });
    expect(hidden).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('moves what it can in bulk and says why for the rest', async () => {
    const [a, b, c] = [await conversation('one'), await conversation('two'), await conversation('three')];
    expect(
      (await expert.client.call('conversations:act', { id: b, version: 1, action: { kind: 'resolve' } })).ok,
    ).toBe(true);
    const missing = 'no-such-conversation';
    const bulk = await expert.client.call('conversations:bulkAct', {
      ids: [a, b, c, missing],
      action: { kind: 'resolve' },
    });
    if (!bulk.ok) throw new Error(bulk.error.message);
    expect(bulk.value.moved.map((s) => s.id).sort()).toEqual([a, c].sort());
    expect(bulk.value.moved.every((s) => s.state === 'resolved')).toBe(true);
    expect(bulk.value.refused).toEqual([
      { id: b, reason: expect.stringContaining('resolved') },
      { id: missing, reason: 'No such conversation' },
    ]);
    // Assigning to someone else is for leads; an expert's bulk assign is refused one by one.
    const assign = await expert.client.call('conversations:bulkAct', {
      ids: [a],
      action: { kind: 'assign', memberId: lead.memberId },
    });
    expect(assign).toMatchObject({ ok: true, value: { moved: [], refused: [{ id: a }] } });
  });

  it('accepts mentions of members only, and the note change names who to notify', async () => {
    const id = await conversation('My account was hacked');
    const stranger = ulid();
    const refused = await expert.client.call('conversations:addNote', {
      id,
      text: `@someone please look`,
      mentions: [lead.memberId, stranger],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(refused.ok ? '' : refused.error.message).toContain(stranger);
    const note = await expert.client.call('conversations:addNote', {
      id,
      text: '@Linus security issue, yours?',
      mentions: [lead.memberId],
    });
    expect(note).toMatchObject({
      ok: true,
      value: {
        authorId: expert.memberId,
        authorName: 'Grace',
        mentions: [lead.memberId],
        conversationId: id,
      },
    });
    const rows = await queryDatabase(
      team.storage,
      `SELECT data FROM changes WHERE entity = 'deskNote' AND entity_id = '${note.ok ? note.value.id : ''}'`,
    );
    expect(rows).toHaveLength(1);
    expect(JSON.parse(String(rows[0]!['data']))).toMatchObject({
      authorId: expert.memberId,
      mentions: [lead.memberId],
      conversationId: id,
      accountId,
    });
  });

  it('holds a reply when something arrived since the draft began, and sends it once when told to', async () => {
    const id = await conversation('Do you deliver on Sundays?');
    const draftStartedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await seedContactMessage(engine, team.storage, { id, accountId }, 'Hello? Anyone?');
    const reply = { id, text: 'Yes, on Sundays too.', draftStartedAt };
    const held = await expert.client.call('conversations:reply', { ...reply, sendAnyway: false });
    expect(held).toMatchObject({
      ok: true,
      value: { outcome: 'held', changes: [{ kind: 'message', excerpt: 'Hello? Anyone?' }] },
    });
    const posts = () =>
      queryDatabase(team.storage, `SELECT id, kind, text FROM brand_posts WHERE conversation_id = '${id}'`);
    expect(await posts()).toHaveLength(0);

    const sent = await expert.client.call('conversations:reply', { ...reply, sendAnyway: true });
    if (!sent.ok || sent.value.outcome !== 'sent') throw new Error(JSON.stringify(sent));
    expect(sent.value.post).toMatchObject({ kind: 'reply', accountId, memberId: expert.memberId });
    expect(sent.value.summary).toMatchObject({ id, ownerId: expert.memberId, state: 'open' });
    // The first-response clock was met: it is no longer the clock the summary shows.
    expect(sent.value.summary.sla?.clock).not.toBe('first_response');
    expect(await posts()).toMatchObject([{ id: sent.value.post.id, kind: 'reply', text: reply.text }]);
    expect(outboxJobsFor(team.dataDir, sent.value.post.id)).toBe(1);

    // A colleague's note holds the next draft; the expert's own note does not.
    const next = { id, text: 'Also on public holidays.', draftStartedAt: Date.now() };
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(
      (await lead.client.call('conversations:addNote', { id, text: 'Sunday ok', mentions: [] })).ok,
    ).toBe(true);
    const heldByNote = await expert.client.call('conversations:reply', { ...next, sendAnyway: false });
    expect(heldByNote).toMatchObject({ ok: true, value: { outcome: 'held', changes: [{ kind: 'note' }] } });
    const afterNote = { ...next, draftStartedAt: Date.now() };
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expert.client.call('conversations:addNote', { id, text: 'checking the schedule', mentions: [] });
    const own = await expert.client.call('conversations:reply', { ...afterNote, sendAnyway: false });
    expect(own).toMatchObject({ ok: true, value: { outcome: 'sent' } });
    expect(await posts()).toHaveLength(2);
  });

  it('fills saved replies for the conversation in either language and counts their uses', async () => {
    const id = await conversation('Bonjour, quels sont vos horaires ?');
    const saved = await lead.client.call('savedReplies:save', {
      id: null,
      title: 'Hours',
      bodyEn: 'Hi {contact.name}, we open at 9. {unknown}',
      bodyFr: 'Bonjour {contact.name}, nous ouvrons à 9 h.',
    });
    if (!saved.ok) throw new Error(saved.error.message);
    expect((await expert.client.call('savedReplies:save', { ...saved.value, id: saved.value.id })).ok).toBe(
      false,
    );
    const fr = await expert.client.call('savedReplies:use', {
      id: saved.value.id,
      conversationId: id,
      lang: 'fr',
    });
    expect(fr).toMatchObject({ ok: true, value: { text: 'Bonjour Ada, nous ouvrons à 9 h.' } });
    const en = await expert.client.call('savedReplies:use', {
      id: saved.value.id,
      conversationId: id,
      lang: 'en',
    });
    expect(en).toMatchObject({ ok: true, value: { text: 'Hi Ada, we open at 9. {unknown}' } });
    const list = await expert.client.call('savedReplies:list', {});
    expect(list).toMatchObject({ ok: true, value: [{ id: saved.value.id, uses: 2 }] });
    const hidden = await outsider.client.call('savedReplies:use', {
      id: saved.value.id,
      conversationId: id,
      lang: 'en',
    });
    expect(hidden).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await lead.client.call('savedReplies:delete', { id: saved.value.id })).toMatchObject({
      ok: true,
      value: { deleted: true },
    });
  });
});
