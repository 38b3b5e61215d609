// Reading the engagement of the account's own statuses (GET /api/v1/statuses/:id) against a loopback server
// that replays the official Mastodon API documentation's Status entity — not a real Mastodon server.
import { afterEach, describe, expect, it } from 'vitest';
import type { RoostError } from '../../../../src-shared/contract/errors.ts';
import { ENGAGEMENT_RESERVE } from '../../../../src-main/connectors/mastodon/engagement.ts';
import { MastodonRateLimitError } from '../../../../src-main/connectors/mastodon/errors.ts';
import type { MastodonConnector } from '../../../../src-main/connectors/mastodon/mastodon-connector.ts';
import { MastodonReplayServer, type ReplayOptions } from '../../../support/mastodon-replay/server.ts';
import { connectorFor } from './replay-harness.ts';

let server: MastodonReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(
  options: ReplayOptions = {},
): Promise<{ s: MastodonReplayServer; c: MastodonConnector }> {
  server = await MastodonReplayServer.start(options);
  return { s: server, c: connectorFor(server) };
}

async function publish(c: MastodonConnector, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push((await c.publishStatus({ text: `post ${i}`, idempotencyKey: `k-${i}-${Math.random()}` })).id);
  }
  return ids;
}

describe('Mastodon engagement', () => {
  it('sums favourites, boosts and replies per status, one GET each', async () => {
    const { s, c } = await start();
    const [a, b] = await publish(c, 2);
    s.setEngagement(a!, { favourites: 11, reblogs: 6, replies: 5 });
    const read = await c.readEngagement([a!, b!, a!]);
    expect([...read.counts]).toEqual([
      [a, 22],
      [b, 0],
    ]);
    expect(read.absent).toEqual([]);
    expect(s.requestsTo('GET', `/api/v1/statuses/${a}`)).toHaveLength(1);
    expect(s.requestsTo('GET', `/api/v1/statuses/${a}`)[0]?.headers.authorization).toBe(`Bearer ${s.token}`);
  });

  it('reports a deleted status (404) as absent and goes on with the others', async () => {
    const { s, c } = await start();
    const [gone, kept] = await publish(c, 2);
    s.setEngagement(kept!, { favourites: 3 });
    await c.http.send('DELETE', `/api/v1/statuses/${gone}`, { action: 'Delete' });
    const read = await c.readEngagement([gone!, kept!]);
    expect(read.absent).toEqual([gone]);
    expect([...read.counts]).toEqual([[kept, 3]]);
  });

  it('throws rate_limited when the very first read is refused with 429', async () => {
    const { s, c } = await start();
    const [id] = await publish(c, 1);
    s.intercept = (request) =>
      request.method === 'GET'
        ? { status: 429, headers: { 'retry-after': '120' }, body: { error: 'Too many requests' } }
        : undefined;
    const error = await c.readEngagement([id!]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MastodonRateLimitError);
    expect((error as RoostError).code).toBe('rate_limited');
  });

  it('keeps what it read when a 429 arrives part way, without throwing', async () => {
    const { s, c } = await start();
    const ids = await publish(c, 3);
    let gets = 0;
    s.intercept = (request) =>
      request.method === 'GET' && ++gets > 1
        ? { status: 429, body: { error: 'Too many requests' } }
        : undefined;
    const read = await c.readEngagement(ids);
    expect([...read.counts.keys()]).toEqual([ids[0]]);
    expect(read.absent).toEqual([]);
  });

  it('stops once the rate budget left falls under the reserve kept for streams and posting', async () => {
    const budget = ENGAGEMENT_RESERVE + 8;
    const { s, c } = await start({ rateLimitBudget: budget });
    const ids = await publish(c, 5); // 5 requests spent
    const read = await c.readEngagement(ids);
    // remaining after each GET: budget-6, budget-7, budget-8 = reserve → the next one would dip below it.
    expect(read.counts.size).toBe(4);
    expect(s.requests.filter((r) => r.method === 'GET')).toHaveLength(4);
  });

  it('says auth_failed for a revoked token', async () => {
    const { s, c } = await start();
    const [id] = await publish(c, 1);
    s.revokeToken(s.token);
    await expect(c.readEngagement([id!])).rejects.toMatchObject({ code: 'auth_failed' });
  });
});
