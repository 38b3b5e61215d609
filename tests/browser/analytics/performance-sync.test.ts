// Account snapshots and post samples fetched from main into real IndexedDB: one audience read per account
// and day, sent posts with their engagement (campaign from the outbox, or from a link's utm_campaign),
// posts gone from the network skipped, an account main cannot read counted as a failure, and each post's
// clicks summed over its short links (fresh from the shortener, else main's last count).
import { afterEach, expect, test } from 'vitest';
import type { RoostClient } from '../../../src-renderer/bridge/client.ts';
import { openRoostDb, type RoostDb } from '../../../src-renderer/db/roost-db.ts';
import { syncPerformance } from '../../../src-renderer/features/analytics/model/performance-sync.ts';

let db: RoostDb | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

const NOW = Date.UTC(2026, 2, 1, 12);

function fakeClient(calls: string[], shortener: 'answers' | 'down' = 'answers'): RoostClient {
  const call = async (method: string, input: { accountId: string; codes?: string[] }) => {
    if (method === 'shortener:clicks') {
      calls.push(`${method} ${input.codes!.join(',')}`);
      if (shortener === 'down')
        return { ok: false, error: { code: 'network_unreachable', message: 'shortener down' } };
      return {
        ok: true,
        value: { counts: input.codes!.map((code) => ({ code, clicks: code === 'a' ? 5 : null })) },
      };
    }
    calls.push(`${method} ${input.accountId}`);
    if (input.accountId === 'gone')
      return { ok: false, error: { code: 'network_unreachable', message: 'offline' } };
    if (method === 'analytics:snapshot') {
      return {
        ok: true,
        value: {
          accountId: input.accountId,
          network: 'bluesky',
          followers: 10,
          following: 2,
          posts: 5,
          takenAt: new Date(NOW).toISOString(),
        },
      };
    }
    const post = (
      jobId: string,
      text: string,
      campaign: string | null,
      engagement: number | null,
      shortLinks: { code: string; clicks: number | null }[] = [],
    ) => ({
      jobId,
      accountId: input.accountId,
      network: 'bluesky',
      remoteId: `at://${jobId}`,
      sentAt: new Date(NOW - 86_400_000).toISOString(),
      text,
      campaign,
      engagement,
      readAt: new Date(NOW).toISOString(),
      shortLinks,
    });
    return {
      ok: true,
      value: [
        post('j1', 'Sale https://shop.example/?utm_source=bsky&utm_campaign=spring%20sale', null, 7),
        post('j2', 'Launch https://s.example/a https://s.example/b', 'launch', 3, [
          { code: 'a', clicks: 2 },
          { code: 'b', clicks: 4 },
        ]),
        post('j3', 'Deleted', null, null),
      ],
    };
  };
  return { call } as unknown as RoostClient;
}

test('stores one snapshot per account and day, and the sent posts with their campaign', async () => {
  db = await openRoostDb({ name: `sync-${crypto.randomUUID()}` });
  const calls: string[] = [];
  const client = fakeClient(calls);
  const first = await syncPerformance(client, db, ['acct-1', 'gone'], NOW);
  expect(first).toEqual({ snapshots: 1, samples: 2, failures: 2 });
  expect(await db.accountSnapshots.get(['acct-1', '2026-03-01'])).toMatchObject({
    followers: 10,
    following: 2,
    posts: 5,
  });
  const samples = await db.postSamples.toArray();
  expect(samples.map((s) => [s.postKey, s.engagement, s.utmCampaign]).sort()).toEqual([
    ['at://j1', 7, 'spring sale'],
    ['at://j2', 3, 'launch'],
  ]);
  // The same day again reads no second snapshot.
  calls.length = 0;
  await syncPerformance(client, db, ['acct-1'], NOW + 3_600_000);
  expect(calls).toEqual(['analytics:postPerformance acct-1', 'shortener:clicks a,b']);
});

test("a post's clicks are its short links' clicks: fresh where the shortener counts them, else main's", async () => {
  db = await openRoostDb({ name: `sync-${crypto.randomUUID()}` });
  await syncPerformance(fakeClient([]), db, ['acct-1'], NOW);
  const clicks = async () =>
    Object.fromEntries((await db!.postSamples.toArray()).map((s) => [s.postKey, s.clicks]));
  // a: 5 fresh; b: the shortener could not count it, so main's 4 stands; j1 carries no short link.
  expect(await clicks()).toEqual({ 'at://j1': 0, 'at://j2': 9 });
  await db.postSamples.clear();
  await syncPerformance(fakeClient([], 'down'), db, ['acct-1'], NOW);
  expect(await clicks()).toEqual({ 'at://j1': 0, 'at://j2': 6 });
});
