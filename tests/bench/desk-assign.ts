// The team server's desk under load: the server in its own process (support/desk-server.ts, SQLite), 200
// experts each enrolled with a real device, logged in and following the feed over a WebSocket, all available
// with every skill; then a burst of 1,000 mentions (pages of 50, as the brand poller stores them) and one a
// second after that. Measured on the owner's own socket: from the server storing the mention (the
// conversation's createdAt, the server's clock, this machine) to its `conversation` change with that expert
// as owner. A conversation seen with two different owners counts as a double assignment.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTeamClient, parseInvitationLink, type TeamClient } from '../../src-main/team/team-client.ts';
import { followTeamFeed, type FeedFollower } from '../../src-main/team/team-feed-client.ts';
import { DEFAULT_SKILLS } from '../../src-shared/desk/desk-settings.ts';
import type { TeamMethod, TeamInput } from '../../src-shared/team/team-contract.ts';
import { memoryKeyStore } from '../server/support/team-fixture.ts';
import { mention } from '../server/support/desk-seed.ts';
import type { DeskServerAnswer, DeskServerAsk } from './support/desk-server.ts';

const EXPERTS = Number(process.env.DESK_BENCH_EXPERTS ?? 200);
const BURST = Number(process.env.DESK_BENCH_BURST ?? 1_000);
const STEADY_SECONDS = Number(process.env.DESK_BENCH_STEADY_SECONDS ?? 60);
const PAGE = 50;
const CAPACITY = 10;

export interface AssignFigures {
  readonly experts: number;
  readonly inquiries: number;
  readonly assigned: number;
  readonly assignP50Ms: number;
  readonly assignP99Ms: number;
  readonly assignMaxMs: number;
  readonly burstAssignP99Ms: number;
  readonly steadyAssignP99Ms: number;
  readonly doubleAssignments: number;
  readonly serverRoutingErrors: string[];
  /** Stores that found the server's connection mid-transaction and waited (see support/desk-server.ts). */
  readonly intakeLockWaits: number;
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startServer(dataDir: string) {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'support/desk-server.ts'), [dataDir], {
    execArgv: ['--disable-warning=ExperimentalWarning'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const errors: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString().trim()));
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (answer: DeskServerAnswer) => {
    const w = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.error !== undefined) w?.reject(new Error(answer.error));
    else w?.resolve(answer.value);
  });
  let next = 0;
  const ask = (request: DeskServerAsk) =>
    new Promise<unknown>((resolve, reject) => {
      const id = (next += 1);
      waiting.set(id, { resolve, reject });
      child.send({ ...request, id });
    });
  const ready = new Promise<{ url: string; ownerInvitation: string | null }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('ROOST_TEAM_SERVER '));
      if (line) resolve(JSON.parse(line.slice('ROOST_TEAM_SERVER '.length)));
    });
    child.once('exit', (code) =>
      reject(new Error(`bench desk server exited (${code}): ${errors.join('\n')}`)),
    );
  });
  return { child, ask, ready, errors };
}

async function must<M extends TeamMethod>(client: TeamClient, method: M, input: TeamInput<M>) {
  const result = await client.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function enrolExpert(url: string, owner: TeamClient, accountId: string, n: number) {
  const invitation = await must(owner, 'invitations:create', { role: 'expert', expiresInHours: 1 });
  const client = createTeamClient({ serverUrl: url, keyStore: memoryKeyStore() });
  const joined = await client.join(invitation.code, { displayName: `Expert ${n}`, deviceName: `desk ${n}` });
  if (!joined.ok) throw new Error(`join: ${joined.error.code}`);
  const memberId = joined.value.memberId;
  await must(owner, 'brandAccounts:setAccess', { accountId, memberId, access: 'reply' });
  await must(owner, 'experts:update', {
    memberId,
    profile: {
      skills: DEFAULT_SKILLS.map((s) => s.id),
      capacity: CAPACITY,
      timeZone: 'UTC',
      week: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
      outOfOffice: [],
    },
  });
  return { client, memberId };
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size)
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))),
    );
  return out;
}

export async function benchDeskAssign(): Promise<AssignFigures> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roost-bench-desk-team-'));
  const server = startServer(dataDir);
  const followers: FeedFollower[] = [];
  try {
    const { url, ownerInvitation } = await server.ready;
    const owner = createTeamClient({ serverUrl: url, keyStore: memoryKeyStore() });
    const ownerJoin = await owner.join(parseInvitationLink(ownerInvitation ?? '')!.code, {
      displayName: 'Owner',
      deviceName: 'bench',
    });
    if (!ownerJoin.ok) throw new Error(`owner join: ${ownerJoin.error.code}`);
    const accountId = String(await server.ask({ kind: 'brand', ownerId: ownerJoin.value.memberId }));
    const experts = await inBatches(EXPERTS, 10, (n) => enrolExpert(url, owner, accountId, n));
    // Logins in batches: 200 at once on a loaded 2-core machine can overflow the server's accept queue.
    await inBatches(EXPERTS, 20, (i) => experts[i]!.client.session());

    const assignedAt = new Map<string, number>();
    const owners = new Map<string, Set<string>>();
    let caughtUp = 0;
    for (const expert of experts) {
      followers.push(
        followTeamFeed({
          client: expert.client,
          after: 0,
          onCaughtUp: () => (caughtUp += 1),
          apply: (change) => {
            if (change.entity !== 'conversation') return;
            const data = change.data as { id: string; ownerId: string | null; createdAt: number };
            if (data.ownerId === null) return;
            let seen = owners.get(data.id);
            if (!seen) owners.set(data.id, (seen = new Set()));
            seen.add(data.ownerId);
            // Shown on the owner's desktop: the change reached the owner's own socket.
            if (data.ownerId === expert.memberId && !assignedAt.has(data.id))
              assignedAt.set(data.id, Date.now() - data.createdAt);
          },
        }),
      );
    }
    while (caughtUp < EXPERTS) await pause(20);
    await inBatches(EXPERTS, 20, (i) =>
      must(experts[i]!.client, 'experts:setAvailability', { availability: 'available', awayReason: null }),
    );
    await pause(1_000);

    let n = 0;
    const next = (count: number) =>
      Array.from({ length: count }, () => {
        n += 1;
        return mention(`bench${n}`, `Question ${n}: where is my order? It has not arrived yet.`);
      });
    const burst: Promise<unknown>[] = [];
    for (let i = 0; i < BURST; i += PAGE)
      burst.push(server.ask({ kind: 'mentions', accountId, items: next(Math.min(PAGE, BURST - i)) }));
    await Promise.all(burst);
    const burstIds = new Set<string>();
    const waitFor = async (count: number, ms: number) => {
      const until = Date.now() + ms;
      while (assignedAt.size < count && Date.now() < until) await pause(20);
    };
    await waitFor(BURST, 30_000);
    for (const id of assignedAt.keys()) burstIds.add(id);
    const started = Date.now();
    for (let s = 0; s < STEADY_SECONDS; s++) {
      const wait = started + s * 1_000 - Date.now();
      if (wait > 0) await pause(wait);
      await server.ask({ kind: 'mentions', accountId, items: next(1) });
    }
    await waitFor(BURST + STEADY_SECONDS, 30_000);

    const all = [...assignedAt.values()];
    const burstLatencies = [...assignedAt].filter(([id]) => burstIds.has(id)).map(([, ms]) => ms);
    const steady = [...assignedAt].filter(([id]) => !burstIds.has(id)).map(([, ms]) => ms);
    return {
      experts: EXPERTS,
      inquiries: n,
      assigned: assignedAt.size,
      assignP50Ms: percentile(all, 50),
      assignP99Ms: percentile(all, 99),
      assignMaxMs: Math.max(0, ...all),
      burstAssignP99Ms: percentile(burstLatencies, 99),
      steadyAssignP99Ms: percentile(steady, 99),
      doubleAssignments: [...owners.values()].filter((set) => set.size > 1).length,
      intakeLockWaits: Number(await server.ask({ kind: 'retries' })),
      serverRoutingErrors: server.errors.filter((e) => /routing|desk/.test(e)).slice(0, 3),
    };
  } finally {
    await Promise.all(followers.map((f) => f.stop()));
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
