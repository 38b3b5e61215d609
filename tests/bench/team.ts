// bench:team — the team server as a child process, on SQLite and then on a throwaway PostgreSQL 15 cluster,
// with 200 desktops following its change feed while one writer makes 20 changes a second. Prints one JSON
// line per engine:
//   fanoutP99Ms   a change's commit time (its `at`) → applied by a desktop, p99 over every (change, desktop)
//   revokeMs      members:revoke sent → that member's feed socket closed and its next call refused
//   serverRssMB   the server process's resident memory at the end of the load (the Node process only, not
//                 PostgreSQL's own processes)
// TEAM_BENCH_SECONDS shortens the run (default 60); TEAM_BENCH_CLIENTS and TEAM_BENCH_RATE change the load;
// TEAM_BENCH_ENGINES picks the engines (default `sqlite,postgres`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { createTeamClient, parseInvitationLink, type TeamClient } from '../../src-main/team/team-client.ts';
import { followTeamFeed, type FeedFollower } from '../../src-main/team/team-feed-client.ts';
import { spawnTeamServer } from '../server/support/server-process.ts';
import { memoryKeyStore } from '../server/support/team-fixture.ts';
import { startPostgres } from '../sandbox/postgres.ts';

const SECONDS = Number(process.env.TEAM_BENCH_SECONDS ?? 60);
const CLIENTS = Number(process.env.TEAM_BENCH_CLIENTS ?? 200);
const RATE = Number(process.env.TEAM_BENCH_RATE ?? 20);
const ENGINES = (process.env.TEAM_BENCH_ENGINES ?? 'sqlite,postgres')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is 'sqlite' | 'postgres' => name === 'sqlite' || name === 'postgres');

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

async function join(serverUrl: string, owner: TeamClient, role: 'expert' | 'viewer', name: string) {
  const invitation = await owner.call('invitations:create', { role, expiresInHours: 1 });
  if (!invitation.ok) throw new Error(invitation.error.code);
  const client = createTeamClient({ serverUrl, keyStore: memoryKeyStore() });
  const joined = await client.join(invitation.value.code, { displayName: name, deviceName: name });
  if (!joined.ok) throw new Error(joined.error.code);
  return { client, memberId: joined.value.memberId };
}

async function benchEngine(engine: 'sqlite' | 'postgres'): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roost-bench-team-'));
  const cluster = engine === 'postgres' ? await startPostgres() : null;
  const server = await spawnTeamServer(dataDir, 0, cluster ? ['--database', cluster.url] : []);
  try {
    const link = parseInvitationLink(server.ownerInvitation ?? '')!;
    const owner = createTeamClient({ serverUrl: server.url, keyStore: memoryKeyStore() });
    if (!(await owner.join(link.code, { displayName: 'Owner', deviceName: 'bench' })).ok)
      throw new Error('join');

    const desktops: TeamClient[] = [];
    for (let i = 0; i < CLIENTS; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, CLIENTS - i) }, (_, j) =>
          join(server.url, owner, 'viewer', `d${i + j}`),
        ),
      );
      desktops.push(...batch.map((b) => b.client));
    }
    // Logins in batches: 200 at once on a loaded 2-core machine can overflow the server's accept queue.
    for (let i = 0; i < desktops.length; i += 20)
      await Promise.all(desktops.slice(i, i + 20).map((d) => d.session()));

    const latencies: number[] = [];
    let measuring = false;
    let caughtUp = 0;
    const followers: FeedFollower[] = desktops.map((client) =>
      followTeamFeed({
        client,
        after: 0,
        apply: (change) => {
          if (measuring && change.entity === 'note') latencies.push(Date.now() - change.at);
        },
        onCaughtUp: () => (caughtUp += 1),
      }),
    );
    while (caughtUp < CLIENTS) await new Promise((resolve) => setTimeout(resolve, 20));

    const writer = await join(server.url, owner, 'expert', 'writer');
    measuring = true;
    const total = SECONDS * RATE;
    const started = performance.now();
    let refused = 0;
    let resent = 0;
    // A request whose connection broke (a pooled keep-alive socket closed by the server as it was reused) is
    // sent again with the same idempotency key, as the desktop's outbox does; the server applies it once.
    const write = async (text: string, key: string): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await writer.client.call('notes:create', { text }, { idempotencyKey: key });
          if (!result.ok) refused += 1;
          return;
        } catch (error) {
          if (attempt >= 3) throw error;
          resent += 1;
        }
      }
    };
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(write(`bench ${i}`, ulid()));
    }
    await Promise.all(inFlight);
    const expected = total * CLIENTS;
    const deadline = performance.now() + 10_000;
    while (latencies.length < expected && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    measuring = false;
    const serverRssMB = rssMB(server.child.pid!);

    // Revocation: a member with an open feed is removed; timed until the socket is closed and a call is refused.
    const leaver = await join(server.url, owner, 'expert', 'leaver');
    let closedAt = 0;
    let leaverReady = false;
    const leaverFeed = followTeamFeed({
      client: leaver.client,
      after: 0,
      apply: () => undefined,
      onCaughtUp: () => (leaverReady = true),
      onConnection: (state) => {
        if (state === 'closed') closedAt = performance.now();
      },
    });
    while (!leaverReady) await new Promise((resolve) => setTimeout(resolve, 10));
    const leaverSession = await leaver.client.session();
    if (!leaverSession.ok) throw new Error(leaverSession.error.code);
    const revokeStart = performance.now();
    const revoked = await owner.call('members:revoke', { memberId: leaver.memberId });
    if (!revoked.ok) throw new Error(revoked.error.code);
    const after = await leaver.client.raw(
      'notes:create',
      { text: 'after' },
      { authorization: `Bearer ${leaverSession.value.token}`, 'idempotency-key': ulid() },
    );
    const refusedAt = performance.now();
    while (closedAt === 0 && performance.now() - revokeStart < 5_000)
      await new Promise((r) => setTimeout(r, 1));
    const revokeMs = Math.max(closedAt, refusedAt) - revokeStart;
    await leaverFeed.stop();
    await Promise.all(followers.map((f) => f.stop()));

    const sorted = latencies.sort((a, b) => a - b);
    const result = {
      engine,
      clients: CLIENTS,
      changesPerSecond: RATE,
      seconds: SECONDS,
      changes: total,
      refusedWrites: refused,
      resentWrites: resent,
      deliveries: sorted.length,
      expectedDeliveries: expected,
      fanoutP50Ms: percentile(sorted, 50),
      fanoutP99Ms: percentile(sorted, 99),
      fanoutMaxMs: sorted[sorted.length - 1] ?? NaN,
      revokeMs: Math.round(revokeMs * 10) / 10,
      revokedCallRefused: !after.result.ok && after.result.error.code === 'unauthenticated',
      serverRssMB,
    };
    console.log(JSON.stringify(result));
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const engine of ENGINES) await benchEngine(engine);
