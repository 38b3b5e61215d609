// The one-lock routing under load: two team server processes (child processes, as `./roost server
// --database …` runs them) share one PostgreSQL database holding 1,000 waiting inquiries, and 50 experts —
// each following the feed of one of the two processes — become available at the same moment, so both
// processes run routing passes side by side. Every inquiry is assigned exactly once, none is lost, no expert
// goes over capacity; checked in the database and in the change feed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTeamClient, parseInvitationLink } from '../../src-main/team/team-client.ts';
import { BRAND_KEY_FILE } from '../../src-server/brand/brand-key.ts';
import { seedClosedPortBrandAccount } from './support/brand-account-seed.ts';
import { expertProfile, mention, receiveMentions } from './support/desk-seed.ts';
import { must } from './support/desk-team.ts';
import { freshDatabase, queryDatabase, stopPostgresAfterAll } from './support/engines.ts';
import { recordFeed, type FeedRecorder } from './support/feed-recorder.ts';
import { spawnTeamServer, type ServerProcess } from './support/server-process.ts';
import { memoryKeyStore } from './support/team-fixture.ts';

const INQUIRIES = 1_000;
const EXPERTS = 50;
const CAPACITY = INQUIRIES / EXPERTS;
stopPostgresAfterAll();

describe('routing race on PostgreSQL with two server processes', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roost-desk-race-'));
  const servers: ServerProcess[] = [];
  const feeds: FeedRecorder[] = [];

  afterAll(async () => {
    for (const feed of feeds) await feed.follower.stop();
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    `assigns ${INQUIRIES} inquiries exactly once when ${EXPERTS} experts arrive at once`,
    { timeout: 300_000 },
    async () => {
      const database = await freshDatabase();
      const storage = { dataDir, database };
      // Both processes share the database and the key files (the same --data folder). The brand key is put
      // there first: the seed below encrypts the account's credential with it, and a key file already present
      // keeps the servers from making one in this host's keychain instead (CI runs with a Secret Service).
      writeFileSync(path.join(dataDir, BRAND_KEY_FILE), randomBytes(32).toString('base64'), { mode: 0o600 });
      const a = await spawnTeamServer(dataDir, 0, ['--database', database]);
      servers.push(a);
      const owner = createTeamClient({ serverUrl: a.url, keyStore: memoryKeyStore() });
      const link = parseInvitationLink(a.ownerInvitation ?? '')!;
      const joined = await owner.join(link.code, { displayName: 'Owner', deviceName: 'laptop' });
      if (!joined.ok) throw new Error(joined.error.code);
      // The second process starts once the team has its owner (it would print an owner invitation of its own).
      const b = await spawnTeamServer(dataDir, 0, ['--database', database]);
      servers.push(b);
      const accountId = await seedClosedPortBrandAccount('postgres', storage, joined.value.memberId);

      const experts = [];
      for (let i = 0; i < EXPERTS; i += 1) {
        const server = i % 2 === 0 ? a : b;
        const invitation = await must(owner, 'invitations:create', { role: 'expert', expiresInHours: 1 });
        const client = createTeamClient({ serverUrl: server.url, keyStore: memoryKeyStore() });
        const member = await client.join(invitation.code, {
          displayName: `Expert ${i}`,
          deviceName: `d${i}`,
        });
        if (!member.ok) throw new Error(member.error.code);
        const memberId = member.value.memberId;
        await must(owner, 'brandAccounts:setAccess', { accountId, memberId, access: 'reply' });
        await must(owner, 'experts:update', { memberId, profile: expertProfile([], CAPACITY) });
        const feed = recordFeed(client, 0);
        feeds.push(feed);
        await feed.waitFor(1);
        experts.push({ client, memberId });
      }
      const watcher = recordFeed(owner, 0);
      feeds.push(watcher);

      const items = Array.from({ length: INQUIRIES }, (_, i) => mention(`race${i}`, `question number ${i}`));
      await receiveMentions('postgres', storage, accountId, items);
      const waiting = await queryDatabase(
        storage,
        'SELECT count(*) AS n FROM desk_conversations WHERE waiting_since IS NOT NULL',
      );
      expect(Number(waiting[0]!['n'])).toBe(INQUIRIES);

      const started = performance.now();
      await Promise.all(
        experts.map((e) =>
          must(e.client, 'experts:setAvailability', { availability: 'available', awayReason: null }),
        ),
      );
      let assigned = 0;
      while (assigned < INQUIRIES) {
        if (performance.now() - started > 120_000) throw new Error(`only ${assigned} assigned in time`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        const rows = await queryDatabase(
          storage,
          'SELECT count(*) AS n FROM desk_conversations WHERE owner_id IS NOT NULL',
        );
        assigned = Number(rows[0]!['n']);
      }
      const elapsed = performance.now() - started;
      console.log(
        `desk race: ${INQUIRIES} inquiries to ${EXPERTS} experts on 2 processes in ${elapsed.toFixed(0)} ms`,
      );

      // The database: every conversation owned, assigned once, and each expert exactly at capacity.
      const loads = await queryDatabase(
        storage,
        'SELECT owner_id, count(*) AS n FROM desk_conversations GROUP BY owner_id',
      );
      expect(loads).toHaveLength(EXPERTS);
      for (const load of loads) expect(Number(load['n'])).toBe(CAPACITY);
      const events = await queryDatabase(
        storage,
        `SELECT conversation_id, count(*) AS n FROM desk_events WHERE kind = 'assigned' GROUP BY conversation_id`,
      );
      expect(events).toHaveLength(INQUIRIES);
      expect(events.every((row) => Number(row['n']) === 1)).toBe(true);

      // The feed: one change giving each conversation its owner, and the last change names the owner in the DB.
      const last = await queryDatabase(storage, "SELECT value FROM counters WHERE name = 'changes'");
      await watcher.waitFor(Number(last[0]!['value']), 60_000);
      const owners = new Map<string, string | null>();
      const givenTimes = new Map<string, number>();
      for (const change of watcher.applied.filter((c) => c.entity === 'conversation')) {
        const before = owners.get(change.entityId) ?? null;
        const after = (change.data['ownerId'] as string | null) ?? null;
        if (before === null && after !== null)
          givenTimes.set(change.entityId, (givenTimes.get(change.entityId) ?? 0) + 1);
        owners.set(change.entityId, after);
      }
      expect(givenTimes.size).toBe(INQUIRIES);
      expect([...givenTimes.values()].every((n) => n === 1)).toBe(true);
      const stored = await queryDatabase(storage, 'SELECT id, owner_id FROM desk_conversations');
      for (const row of stored) expect(owners.get(String(row['id']))).toBe(row['owner_id']);
    },
  );
});
