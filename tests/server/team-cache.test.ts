// The desktop's team cache against a real server: it follows the feed, survives being closed and reopened
// mid-stream (resuming from its stored cursor with no gap and no duplicate), ends with the server's latest
// version of every record, ignores a change applied twice, and is erased when the member is revoked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTeamCache } from '../../src-main/team/team-cache.ts';
import { followTeamFeed } from '../../src-main/team/team-feed-client.ts';
import type { TeamChange } from '../../src-shared/team/team-feed.ts';
import { startTeamFixture, type TeamFixture } from './support/team-fixture.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'roost-team-cache-'));

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('team cache', () => {
  let team: TeamFixture;
  beforeAll(async () => {
    team = await startTeamFixture();
  });
  afterAll(async () => {
    await team.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  it('resumes from its stored cursor after a restart and ends equal to the server', async () => {
    const file = path.join(temp, 'cache.sqlite');
    const writer = await team.join('expert', 'Writer');
    const appliedSeqs: number[] = [];
    const noteIds: string[] = [];
    for (let session = 0; session < 4; session++) {
      const cache = openTeamCache(file);
      const follower = followTeamFeed({
        client: team.owner.client,
        after: cache.cursor(),
        minBackoffMs: 20,
        apply: (change: TeamChange) => {
          appliedSeqs.push(change.seq);
          cache.apply(change);
        },
      });
      for (let i = 0; i < 5; i++) {
        const note = await writer.client.call('notes:create', { text: `s${session} n${i}` });
        if (!note.ok) throw new Error(note.error.code);
        noteIds.push(note.value.id);
        const edit = await writer.client.call('notes:update', {
          id: note.value.id,
          text: 'edited',
          version: 1,
        });
        expect(edit.ok).toBe(true);
      }
      await follower.stop();
      cache.close();
    }
    const cache = openTeamCache(file);
    const health = (await (await fetch(`${team.server.url}/v1/health`)).json()) as { value: { seq: number } };
    const follower = followTeamFeed({
      client: team.owner.client,
      after: cache.cursor(),
      apply: (c) => {
        appliedSeqs.push(c.seq);
        cache.apply(c);
      },
    });
    await until(() => cache.cursor() === health.value.seq);
    await follower.stop();
    expect(appliedSeqs).toEqual(Array.from({ length: health.value.seq }, (_, i) => i + 1));
    const notes = cache.records('note');
    expect(notes.map((n) => n.id).sort()).toEqual([...noteIds].sort());
    expect(notes.every((n) => n.version === 2 && n.data['text'] === 'edited')).toBe(true);
    cache.close();
  });

  it('ignores a change applied twice and never lets an older version overwrite a newer one', () => {
    const cache = openTeamCache(path.join(temp, 'twice.sqlite'));
    const change = (seq: number, version: number, text: string): TeamChange => ({
      seq,
      at: 0,
      actorId: null,
      entity: 'note',
      entityId: 'N1',
      version,
      data: { text },
    });
    cache.apply(change(1, 1, 'one'));
    cache.apply(change(2, 2, 'two'));
    cache.apply(change(2, 2, 'two again'));
    cache.apply(change(3, 1, 'an older version'));
    expect(cache.records('note')).toEqual([{ id: 'N1', version: 2, data: { text: 'two' } }]);
    expect(cache.cursor()).toBe(3);
    cache.close();
  });

  it('is erased when the member is revoked', async () => {
    const member = await team.join('viewer', 'Leaving');
    const cache = openTeamCache(path.join(temp, 'revoked.sqlite'));
    let revoked = false;
    const follower = followTeamFeed({
      client: member.client,
      after: 0,
      apply: (change) => cache.apply(change),
      onRevoked: () => {
        cache.erase();
        revoked = true;
      },
    });
    await until(() => cache.cursor() > 0);
    expect(cache.records('member').length).toBeGreaterThan(0);
    await team.owner.client.call('members:revoke', { memberId: member.memberId });
    await until(() => revoked, 1_000);
    expect(cache.records('member')).toEqual([]);
    expect(cache.cursor()).toBe(0);
    await follower.stop();
    cache.close();
  });
});
