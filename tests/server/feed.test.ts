// Proves the change feed and write semantics: a desktop that subscribes from its cursor gets the ordered
// tail then live changes, and one that disconnects and resumes gets no gap and no duplicate; an idempotent
// replay writes nothing new; optimistic updates answer `conflict`; a request too old answers `stale`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { expectContiguous, rawFeedFrames, recordFeed } from './support/feed-recorder.ts';
import { startTeamFixture, type Desktop, type TeamFixture } from './support/team-fixture.ts';
import { queryDatabase, stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';

stopPostgresAfterAll();

async function lastSeq(team: TeamFixture): Promise<number> {
  const response = await fetch(`${team.server.url}/v1/health`);
  return ((await response.json()) as { value: { seq: number } }).value.seq;
}

describe.each(TEAM_ENGINES)('team change feed (%s)', (engine) => {
  let team: TeamFixture;
  let writer: Desktop;
  beforeAll(async () => {
    team = await startTeamFixture({ engine });
    writer = await team.join('expert', 'Writer');
  });
  afterAll(() => team.stop());

  it('sends the tail from a cursor, then live changes, in order', async () => {
    for (let i = 0; i < 30; i++) await writer.client.call('notes:create', { text: `before ${i}` });
    const start = await lastSeq(team);
    // Writes start while the tail is being sent, so tail and live changes meet mid-stream.
    const writes = Promise.all(
      Array.from({ length: 40 }, (_, i) => writer.client.call('notes:create', { text: `live ${i}` })),
    );
    const frames = rawFeedFrames(team.owner.client, 5, start + 40);
    await writes;
    const received = await frames;
    const changes = received.flatMap((frame) => (frame.change ? [frame.change] : []));
    expectContiguous(changes, 6, start + 40);
    const caughtUp = received.findIndex((frame) => frame.kind === 'caught_up');
    expect(caughtUp).toBeGreaterThan(0);
  });

  it('resumes after dropped connections with no gap and no duplicate', async () => {
    const from = await lastSeq(team);
    const applied = [];
    let cursor = from;
    for (let round = 0; round < 5; round++) {
      const feed = recordFeed(team.owner.client, cursor);
      for (let i = 0; i < 10; i++) await writer.client.call('notes:create', { text: `r${round} n${i}` });
      // Stop while writes may still be in flight: the next round resumes from whatever was applied.
      await feed.follower.stop();
      applied.push(...feed.applied);
      cursor = feed.follower.cursor();
    }
    const final = recordFeed(team.owner.client, cursor);
    const end = await lastSeq(team);
    await final.waitFor(end);
    await final.follower.stop();
    applied.push(...final.applied);
    expectContiguous(applied, from + 1, end);
  });

  it('replays an idempotent request without writing it twice', async () => {
    const key = ulid();
    const before = await lastSeq(team);
    const first = await writer.client.call('notes:create', { text: 'exactly once' }, { idempotencyKey: key });
    const replay = await writer.client.call(
      'notes:create',
      { text: 'exactly once' },
      { idempotencyKey: key },
    );
    expect(first.ok && replay.ok && replay.value.id === first.value.id).toBe(true);
    expect(await lastSeq(team)).toBe(before + 1);
    const misuse = await writer.client.call(
      'notes:create',
      { text: 'something else' },
      { idempotencyKey: key },
    );
    expect(misuse).toMatchObject({ ok: false, error: { code: 'idempotency_mismatch' } });
    const session = await writer.client.session();
    if (!session.ok) throw new Error('no session');
    const missing = await writer.client.raw(
      'notes:create',
      { text: 'no key' },
      { authorization: `Bearer ${session.value.token}` },
    );
    expect(missing).toMatchObject({
      status: 428,
      result: { ok: false, error: { code: 'idempotency_required' } },
    });
  });

  it('hands back the same invitation code when invitations:create is replayed, without storing it', async () => {
    const key = ulid();
    const first = await team.owner.client.call(
      'invitations:create',
      { role: 'viewer', expiresInHours: 1 },
      { idempotencyKey: key },
    );
    const replay = await team.owner.client.call(
      'invitations:create',
      { role: 'viewer', expiresInHours: 1 },
      { idempotencyKey: key },
    );
    expect(first.ok && replay.ok && replay.value.code === first.value.code).toBe(true);
    const dump = JSON.stringify(await queryDatabase(team.storage, 'SELECT * FROM idempotency_keys'));
    expect(dump).toContain(key);
    expect(first.ok && dump.includes(first.value.code)).toBe(false);
  });

  it('answers conflict when the record changed since the version the caller saw', async () => {
    const created = await writer.client.call('notes:create', { text: 'v1' });
    if (!created.ok) throw new Error(created.error.code);
    const other = await team.owner.client.call('notes:update', {
      id: created.value.id,
      text: 'owner edit',
      version: 1,
    });
    expect(other).toMatchObject({ ok: true, value: { version: 2 } });
    const late = await writer.client.call('notes:update', {
      id: created.value.id,
      text: 'my edit',
      version: 1,
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const members = await team.owner.client.call('members:list', {});
    const target = members.ok ? members.value.find((m) => m.id === writer.memberId) : undefined;
    const promote = await team.owner.client.call('members:setRole', {
      memberId: writer.memberId,
      role: 'lead',
      version: target!.version,
    });
    expect(promote).toMatchObject({ ok: true, value: { role: 'lead' } });
    const stale = await team.owner.client.call('members:setRole', {
      memberId: writer.memberId,
      role: 'viewer',
      version: target!.version,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('answers stale for a request older than the server remembers', async () => {
    const tenDaysAgo = ulid(Date.now() - 10 * 24 * 3_600_000);
    const old = await writer.client.call(
      'notes:create',
      { text: 'queued offline too long' },
      { idempotencyKey: tenDaysAgo },
    );
    expect(old).toMatchObject({ ok: false, error: { code: 'stale' } });
  });
});

describe.each(TEAM_ENGINES)('what the feed shows each role (%s)', (engine) => {
  it('sends invitation changes to admins in full and to others as bare numbers, keeping the sequence whole', async () => {
    const team = await startTeamFixture({ engine });
    try {
      const viewer = await team.join('viewer', 'Reader');
      const created = await team.owner.client.call('invitations:create', {
        role: 'expert',
        expiresInHours: 1,
      });
      if (!created.ok) throw new Error(created.error.code);
      const end = await lastSeq(team);
      const forViewer = (await rawFeedFrames(viewer.client, 0, end)).flatMap((f) =>
        f.change ? [f.change] : [],
      );
      const forOwner = (await rawFeedFrames(team.owner.client, 0, end)).flatMap((f) =>
        f.change ? [f.change] : [],
      );
      expectContiguous(forViewer, 1, end);
      expectContiguous(forOwner, 1, end);
      const invitationId = created.value.invitation.id;
      expect(forOwner.find((c) => c.entityId === invitationId)?.data).toMatchObject({ role: 'expert' });
      expect(forViewer.find((c) => c.entityId === invitationId)?.data).toEqual({});
      expect(JSON.stringify(forOwner)).not.toContain(created.value.code);
    } finally {
      await team.stop();
    }
  });

  it('reconnects a member whose role changed, so the feed follows the new role', async () => {
    const team = await startTeamFixture({ engine });
    try {
      const member = await team.join('viewer', 'Promoted');
      const feed = recordFeed(member.client, 0);
      await feed.waitFor(await lastSeq(team));
      const before = feed.closedAt;
      const promoted = await team.owner.client.call('members:setRole', {
        memberId: member.memberId,
        role: 'admin',
        version: 1,
      });
      expect(promoted.ok).toBe(true);
      const created = await team.owner.client.call('invitations:create', {
        role: 'viewer',
        expiresInHours: 1,
      });
      if (!created.ok) throw new Error(created.error.code);
      await feed.waitFor(await lastSeq(team));
      expect(feed.closedAt).not.toBe(before);
      const seen = feed.applied.find((c) => c.entityId === created.value.invitation.id);
      expect(seen?.data).toMatchObject({ role: 'viewer' });
      await feed.follower.stop();
    } finally {
      await team.stop();
    }
  });
});
