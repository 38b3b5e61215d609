// Crash safety: the team server runs as a child process and is SIGKILLed in the middle of writes, again and
// again. Writers replay unanswered requests with the same idempotency key after each restart, and one desktop
// follows the feed throughout. Afterwards: every acknowledged change is in the database exactly once, and the
// follower applied a contiguous sequence with no gap and no duplicate.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { afterAll, describe, expect, it } from 'vitest';
import { createTeamClient, parseInvitationLink } from '../../src-main/team/team-client.ts';
import { expectContiguous, recordFeed } from './support/feed-recorder.ts';
import { spawnTeamServer, type ServerProcess } from './support/server-process.ts';
import { memoryKeyStore } from './support/team-fixture.ts';
import { databaseFor, queryDatabase, stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';

const KILLS = 20;
const WRITERS = 4;

stopPostgresAfterAll();

describe.each(TEAM_ENGINES)('team server crash safety (%s)', (engine) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roost-team-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    `loses no acknowledged change across ${KILLS} SIGKILLs during writes`,
    // A restart takes 1–10 s on a busy 2-core machine (each is a fresh Node process).
    { timeout: 600_000 },
    async () => {
      const storage = { dataDir, ...(await databaseFor(engine)) };
      const args = storage.database ? ['--database', storage.database] : [];
      let server: ServerProcess = await spawnTeamServer(dataDir, 0, args);
      const port = server.port;
      const link = parseInvitationLink(server.ownerInvitation ?? '');
      if (!link) throw new Error('no owner invitation');
      const client = createTeamClient({ serverUrl: server.url, keyStore: memoryKeyStore() });
      const joined = await client.join(link.code, { displayName: 'Owner', deviceName: 'laptop' });
      expect(joined.ok).toBe(true);

      const feed = recordFeed(client, 0, { minBackoffMs: 20 });
      const acknowledged = new Map<string, string>(); // text → note id
      /** Requests sent but not answered when the server died: replayed with the same key. */
      const unanswered = new Map<string, string>(); // idempotency key → text
      let counter = 0;
      let running = true;

      async function writer(): Promise<void> {
        while (running) {
          const [key, text] =
            unanswered.size > 0 ? [...unanswered.entries()][0]! : [ulid(), `note ${counter++}`];
          unanswered.set(key, text);
          try {
            const result = await client.call('notes:create', { text }, { idempotencyKey: key });
            if (!result.ok) throw new Error(`refused: ${result.error.code}`);
            unanswered.delete(key);
            acknowledged.set(text, result.value.id);
          } catch (error) {
            if (error instanceof Error && error.message.startsWith('refused')) throw error;
            // The server is down: wait, then replay (the entry stays in `unanswered`).
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        }
      }
      const writers = Array.from({ length: WRITERS }, () => writer());

      for (let kill = 0; kill < KILLS; kill++) {
        const before = acknowledged.size;
        while (acknowledged.size < before + 5) await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => setTimeout(resolve, randomInt(0, 40)));
        server.child.kill('SIGKILL');
        await server.exited;
        server = await spawnTeamServer(dataDir, port, args);
      }
      running = false;
      await Promise.all(writers);
      // Replay what is still unanswered, as the desktop's outbox would on its next start.
      for (const [key, text] of unanswered) {
        const result = await client.call('notes:create', { text }, { idempotencyKey: key });
        if (result.ok) acknowledged.set(text, result.value.id);
      }

      const notes = (await queryDatabase(storage, 'SELECT id, text FROM notes')) as {
        id: string;
        text: string;
      }[];
      const [changesCounter] = await queryDatabase(
        storage,
        "SELECT value FROM counters WHERE name = 'changes'",
      );
      const lastSeq = Number(changesCounter?.['value']);
      const byText = new Map<string, string[]>();
      for (const note of notes) byText.set(note.text, [...(byText.get(note.text) ?? []), note.id]);
      for (const [text, id] of acknowledged) expect(byText.get(text), text).toEqual([id]);
      expect([...byText.values()].every((ids) => ids.length === 1)).toBe(true);

      await feed.waitFor(lastSeq, 20_000);
      await feed.follower.stop();
      expectContiguous(feed.applied, 1, lastSeq);
      console.log(
        `crash test (${engine}): ${KILLS} kills, ${acknowledged.size} acknowledged notes, ${lastSeq} changes followed`,
      );
      server.child.kill('SIGTERM');
      await server.exited;
    },
  );
});
