// Several team server processes on one PostgreSQL database: a change made through process A reaches a
// desktop (the real feed client) connected to process B, writes through both land in one gap-free sequence,
// and a revocation made through A closes the revoked member's socket on B within a second and is refused on
// B at once. Both servers are real child processes started as `./roost server --database …` would be.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamClient, parseInvitationLink, type TeamClient } from '../../src-main/team/team-client.ts';
import { freshDatabase, stopPostgresAfterAll } from './support/engines.ts';
import { expectContiguous, recordFeed } from './support/feed-recorder.ts';
import { spawnTeamServer, type ServerProcess } from './support/server-process.ts';
import { memoryKeyStore } from './support/team-fixture.ts';

const REVOKE_DEADLINE_MS = 1_000;
stopPostgresAfterAll();

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('two server processes on one PostgreSQL database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roost-team-multi-'));
  let a: ServerProcess;
  let b: ServerProcess;
  let ownerOnA: TeamClient;

  /** Invites through A and joins through B: the member's desktop only ever talks to process B. */
  async function joinOnB(role: 'expert' | 'viewer', name: string) {
    const invitation = await ownerOnA.call('invitations:create', { role, expiresInHours: 1 });
    if (!invitation.ok) throw new Error(invitation.error.code);
    const client = createTeamClient({ serverUrl: b.url, keyStore: memoryKeyStore() });
    const joined = await client.join(invitation.value.code, { displayName: name, deviceName: name });
    if (!joined.ok) throw new Error(joined.error.code);
    return { client, memberId: joined.value.memberId };
  }

  beforeAll(async () => {
    const args = ['--database', await freshDatabase()];
    // The processes share the database and the server-key file (the same --data folder here).
    a = await spawnTeamServer(dataDir, 0, args);
    const link = parseInvitationLink(a.ownerInvitation ?? '');
    if (!link) throw new Error('no owner invitation');
    ownerOnA = createTeamClient({ serverUrl: a.url, keyStore: memoryKeyStore() });
    if (!(await ownerOnA.join(link.code, { displayName: 'Owner', deviceName: 'laptop' })).ok)
      throw new Error('owner join refused');
    b = await spawnTeamServer(dataDir, 0, args);
    expect(b.ownerInvitation).toBeNull();
  }, 180_000);

  afterAll(async () => {
    for (const server of [a, b]) {
      server?.child.kill('SIGTERM');
      await server?.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends a change made through A to a desktop following B, in one gap-free sequence', async () => {
    const desk = await joinOnB('expert', 'On B');
    const feed = recordFeed(desk.client, 0);
    const health = async (url: string) =>
      ((await (await fetch(`${url}/v1/health`)).json()) as { value: { seq: number; serverId: string } })
        .value;
    await feed.waitFor((await health(b.url)).seq);

    const started = performance.now();
    const note = await ownerOnA.call('notes:create', { text: 'made through A' });
    if (!note.ok) throw new Error(note.error.code);
    await waitUntil(() => feed.applied.some((change) => change.entityId === note.value.id), 2_000);
    console.log(`A → desktop on B: ${(performance.now() - started).toFixed(1)} ms`);

    // Writers on both processes at once: one sequence, no number twice, none missing, on either feed.
    const writes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? ownerOnA : desk.client).call('notes:create', { text: `both ${i}` }),
      ),
    );
    expect(writes.every((write) => write.ok)).toBe(true);
    const end = (await health(a.url)).seq;
    expect((await health(b.url)).serverId).toBe((await health(a.url)).serverId);
    const onA = recordFeed(ownerOnA, 0);
    await Promise.all([feed.waitFor(end), onA.waitFor(end)]);
    await Promise.all([feed.follower.stop(), onA.follower.stop()]);
    expectContiguous(feed.applied, 1, end);
    expectContiguous(onA.applied, 1, end);
  });

  it('closes a socket on B within a second of a revoke made through A, and B refuses the next call', async () => {
    const leaver = await joinOnB('viewer', 'Leaver on B');
    const feed = recordFeed(leaver.client, 0);
    await waitUntil(() => feed.follower.cursor() > 0, 5_000);
    const started = performance.now();
    const revoked = await ownerOnA.call('members:revoke', { memberId: leaver.memberId });
    expect(revoked.ok).toBe(true);
    await waitUntil(() => feed.closedAt !== null, REVOKE_DEADLINE_MS);
    const closeMs = feed.closedAt! - started;
    console.log(`revoke through A → socket on B closed in ${closeMs.toFixed(1)} ms`);
    expect(closeMs).toBeLessThan(REVOKE_DEADLINE_MS);
    expect(feed.revoked).toBe('member');
    expect(await leaver.client.call('session:whoami', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    await feed.follower.stop();
  });
});
