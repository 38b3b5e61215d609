// The engagement refresher on a real SQLite store: which cached counts are stale, how many posts one refresh
// reads and in what order, and that failures leave the cached counts in place instead of throwing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import {
  createEngagementRefresher,
  DEFAULT_REFRESH_POLICY,
  isStale,
} from '../../../src-main/publishing/engagement-refresher.ts';
import type { EngagementRead } from '../../../src-main/connectors/publisher.ts';
import type { StoredJob } from '../../../src-main/publishing/outbox-job.ts';
import {
  createEngagementRepository,
  type EngagementRepository,
} from '../../../src-main/publishing/engagement-repository.ts';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2025-06-02T08:00:00.000Z');

function sentJob(id: string, sentMs: number, overrides: Partial<StoredJob> = {}): StoredJob {
  const at = new Date(sentMs).toISOString();
  return {
    id,
    batchId: id,
    draftId: null,
    accountId: 'acct-1',
    network: 'bluesky',
    state: 'sent',
    text: id,
    scheduledAt: null,
    holdUntil: null,
    scheduledBy: 'roost',
    attempts: 1,
    lastError: null,
    remoteId: `at://did:plc:me/app.bsky.feed.post/${id}`,
    url: null,
    campaign: null,
    guardRecords: [],
    createdAt: at,
    updatedAt: at,
    sentAt: at,
    payload: {
      target: {
        accountId: 'acct-1',
        network: 'bluesky',
        text: id,
        contentWarning: null,
        media: [],
        followUps: [],
      },
      replyTo: null,
      quote: null,
    },
    digest: 'd',
    dueMs: sentMs,
    wakeMs: null,
    rkey: id,
    idempotencyKey: `key-${id}`,
    serverScheduleId: null,
    threadId: null,
    threadIndex: 0,
    remoteCid: null,
    ...overrides,
  };
}

/** A network that answers from a table of counts and records each call; `fail` makes the next calls throw. */
class ScriptedNetwork {
  readonly calls: string[][] = [];
  readonly counts = new Map<string, number>();
  readonly deleted = new Set<string>();
  fail: Error | null = null;
  /** Answer only this many ids of a batch, as a connector does when the rate budget runs low. */
  answerAtMost = Infinity;
  read = async (_accountId: string, _network: string, ids: readonly string[]): Promise<EngagementRead> => {
    this.calls.push([...ids]);
    if (this.fail) throw this.fail;
    const counts = new Map<string, number>();
    const absent: string[] = [];
    for (const id of ids.slice(0, this.answerAtMost)) {
      if (this.deleted.has(id)) absent.push(id);
      else counts.set(id, this.counts.get(id) ?? 0);
    }
    return { counts, absent };
  };
}

let dir: string;
let store: MainStore;
let repo: EngagementRepository;
let now: number;
let network: ScriptedNetwork;
const errors: unknown[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roost-engagement-'));
  store = openMainStore({ path: join(dir, 'main.sqlite') });
  repo = createEngagementRepository(store);
  now = START;
  network = new ScriptedNetwork();
  errors.length = 0;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const refresher = (policy = {}) =>
  createEngagementRefresher({
    repo,
    read: network.read,
    now: () => now,
    policy,
    onError: (_account, error) => errors.push(error),
  });

describe('isStale', () => {
  const sent = START - 10 * DAY;
  it.each([
    ['never read', undefined, START, true],
    ['read while young, 2 h ago', { fetchedMs: sent + HOUR }, sent + 3 * HOUR, false],
    ['read while young, 3 h ago', { fetchedMs: sent + HOUR }, sent + 4 * HOUR, true],
    ['read once settled, 6 days ago', { fetchedMs: sent + 3 * DAY }, sent + 9 * DAY, false],
    ['read once settled, 7 days ago', { fetchedMs: sent + 3 * DAY }, sent + 10 * DAY, true],
  ])('%s → %s', (_label, cached, at, expected) => {
    expect(isStale(cached, sent, at, DEFAULT_REFRESH_POLICY)).toBe(expected);
  });
});

describe('engagement refresher', () => {
  it('reads at most maxBatches batches per refresh, never-read posts first, and only what is stale', async () => {
    const jobs = Array.from({ length: 60 }, (_, i) =>
      sentJob(`p${String(i).padStart(2, '0')}`, START - i * HOUR),
    );
    jobs.forEach((job, i) => network.counts.set(job.remoteId!, i));
    const r = refresher({ maxBatches: 2 });

    const first = await r.samples(jobs);
    expect(network.calls.map((c) => c.length)).toEqual([25, 25]);
    expect(first).toHaveLength(50);

    // Still fresh: only the ten never read are read now.
    now += HOUR;
    const second = await r.samples(jobs);
    expect(network.calls.slice(2)).toEqual([jobs.slice(50).map((j) => j.remoteId)]);
    expect(second).toHaveLength(60);
    expect(second.find((s) => s.atMs === START - 7 * HOUR)?.engagement).toBe(7);

    // Nothing stale an hour later: no call at all.
    now += HOUR;
    await r.samples(jobs);
    expect(network.calls).toHaveLength(3);

    // Three hours after the first read, the posts read while under two days old are stale again; those read
    // at two days or older (p48 and beyond) are settled and wait a week.
    now = START + 3 * HOUR;
    network.calls.length = 0;
    await r.samples(jobs);
    expect(network.calls.flat().sort()).toEqual(
      jobs
        .slice(0, 48)
        .map((j) => j.remoteId)
        .sort(),
    );
  });

  it('leaves settled posts alone for a week', async () => {
    const old = sentJob('old', START - 20 * DAY);
    const r = refresher();
    await r.samples([old]);
    now += 6 * DAY;
    await r.samples([old]);
    expect(network.calls).toHaveLength(1);
    now += DAY;
    await r.samples([old]);
    expect(network.calls).toHaveLength(2);
  });

  it('counts only sent first posts of the last 90 days', async () => {
    const jobs = [
      sentJob('a', START - HOUR),
      sentJob('b', START - 91 * DAY),
      sentJob('c', START - HOUR, { threadId: 'a', threadIndex: 1 }),
      sentJob('d', START, { state: 'queued', sentAt: null }),
      sentJob('e', START - HOUR, { remoteId: null }),
    ];
    const samples = await refresher().samples(jobs);
    expect(network.calls).toEqual([[jobs[0]!.remoteId]]);
    expect(samples).toEqual([{ atMs: START - HOUR, engagement: 0 }]);
  });

  it('keeps cached counts and does not throw when the network fails', async () => {
    const jobs = [sentJob('a', START - HOUR), sentJob('b', START - 2 * HOUR)];
    network.counts.set(jobs[0]!.remoteId!, 4);
    network.counts.set(jobs[1]!.remoteId!, 2);
    const r = refresher();
    await r.samples(jobs);

    now += 4 * HOUR;
    network.counts.set(jobs[0]!.remoteId!, 40);
    for (const failure of [
      new RoostError('network_unreachable', 'offline'),
      new RoostError('auth_failed', 'revoked'),
      new RoostError('rate_limited', 'slow down'),
    ]) {
      network.fail = failure;
      await expect(r.samples(jobs)).resolves.toEqual([
        { atMs: START - 2 * HOUR, engagement: 2 },
        { atMs: START - HOUR, engagement: 4 },
      ]);
    }
    expect(errors).toHaveLength(3);
    network.fail = null;
    const fresh = await r.samples(jobs);
    expect(fresh.find((s) => s.atMs === START - HOUR)?.engagement).toBe(40);
  });

  it('drops a deleted post from the samples and stops after a partial answer', async () => {
    const jobs = Array.from({ length: 6 }, (_, i) => sentJob(`p${i}`, START - i * HOUR));
    network.deleted.add(jobs[0]!.remoteId!);
    const r = refresher({ batchSize: { bluesky: 2, mastodon: 2 } });
    network.answerAtMost = 1;
    await r.samples(jobs);
    // The first batch came back half read: the refresh stops there instead of pressing on.
    expect(network.calls).toHaveLength(1);
    expect(repo.forAccount('acct-1', 0).map((row) => [row.jobId, row.engagement])).toEqual([['p0', null]]);

    network.answerAtMost = Infinity;
    const samples = await r.samples(jobs);
    expect(samples).toHaveLength(5);
    expect(samples.map((s) => s.atMs)).not.toContain(START);
  });

  it('shares one refresh between overlapping requests for the same account', async () => {
    const jobs = [sentJob('a', START - HOUR)];
    const r = refresher();
    const [one, two] = await Promise.all([r.samples(jobs), r.samples(jobs)]);
    expect(network.calls).toHaveLength(1);
    expect(one).toEqual(two);
  });

  it('answers from stored counts when a refresh outlasts maxWait, and the refresh still lands', async () => {
    const jobs = [sentJob('a', START - 3 * DAY), sentJob('b', START - 4 * DAY)];
    network.counts.set(jobs[0]!.remoteId!, 5);
    network.counts.set(jobs[1]!.remoteId!, 9);
    await refresher().samples(jobs);
    now += 8 * DAY;
    network.counts.set(jobs[0]!.remoteId!, 50);
    // The network now hangs until released; a manual timer stands in for the clock.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowRead = network.read;
    const timers: { callback: () => void; ms: number }[] = [];
    const r = createEngagementRefresher({
      repo,
      read: async (...args) => {
        await gate;
        return slowRead(...args);
      },
      now: () => now,
      maxWait: {
        ms: 2_000,
        timers: {
          setTimeout: (callback, ms) => timers.push({ callback, ms }),
          clearTimeout: () => undefined,
        },
      },
    });
    const answer = r.samples(jobs);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timers.map((t) => t.ms)).toEqual([2_000]);
    timers[0]!.callback();
    expect((await answer).map((s) => s.engagement).sort((x, y) => x - y)).toEqual([5, 9]);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const later = await r.samples(jobs);
    expect(later.map((s) => s.engagement).sort((x, y) => x - y)).toEqual([9, 50]);
  });
});
