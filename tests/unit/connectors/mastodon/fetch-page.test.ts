// fetchPage of the Mastodon connector against a loopback server that replays the official Mastodon API
// documentation's example responses (tests/support/mastodon-replay) — not a real Mastodon server.
import { afterEach, describe, expect, it } from 'vitest';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import { StreamItemSchema } from '../../../../src-shared/domain/stream-item.ts';
import { createMastodonConnector } from '../../../../src-main/connectors/mastodon/mastodon-connector.ts';
import { MastodonRateLimitError } from '../../../../src-main/connectors/mastodon/errors.ts';
import { REGENERATING_RETRY_MS } from '../../../../src-main/connectors/mastodon/timelines.ts';
import { connectorFor, source, useReplay } from './replay-harness.ts';

const h = useReplay({ statusesPerTimeline: 60 });

afterEach(() => {
  h.server.intercept = null;
  h.server.regenerating = false;
});

describe('capabilities', () => {
  it('come from GET /api/v2/instance', async () => {
    h.server.maxCharacters = 1_000;
    const fresh = connectorFor(h.server);
    const caps = await fresh.capabilities();
    expect(caps.limits.maxChars).toBe(1_000);
    expect(caps.limits.urlWeight).toBe(23);
    expect(caps.columnTypes).toEqual(
      expect.arrayContaining([
        'home',
        'mentions',
        'notifications',
        'hashtag',
        'list',
        'local',
        'federated',
        'search',
        'conversations',
      ]),
    );
    h.server.maxCharacters = 500;
  });
});

describe('fetchPage by column type', () => {
  it('reads the home timeline with Link-header cursors and rate-limit info', async () => {
    const page = await h.connector.fetchPage({
      source: source('home'),
      since: null,
      before: null,
      limit: 20,
    });
    expect(page.items).toHaveLength(20);
    for (const item of page.items) StreamItemSchema.parse(item);
    expect(page.items[0]?.kind).toBe('reply');
    expect(page.newest).toBe('109348699525106378');
    expect(page.older).toBe(page.items[19]?.actionRef);
    expect(page.gap).toBe(false);
    expect(page.rateLimit).toMatchObject({ limit: 300 });
    expect(page.rateLimit?.remaining).toBeLessThan(300);
    expect(page.retrySoonMs).toBeNull();
    const rest = await h.connector.fetchPage({
      source: source('home'),
      since: null,
      before: page.older,
      limit: 40,
    });
    expect(rest.items).toHaveLength(40);
    // A full page always carries rel="next" (as Mastodon does); the page after it is empty and final.
    const end = await h.connector.fetchPage({
      source: source('home'),
      since: null,
      before: rest.older,
      limit: 40,
    });
    expect(end.items).toEqual([]);
    expect(end.older).toBeNull();
    expect(rest.items.some((item) => item.kind === 'repost' && item.via !== null)).toBe(true);
    const request = h.server.requestsTo('GET', '/api/v1/timelines/home').at(0);
    expect(request?.headers.authorization).toBe(`Bearer ${h.server.token}`);
    expect(request?.query.get('limit')).toBe('20');
  });

  it('pages back with before (max_id) until nothing is older', async () => {
    const seen = new Set<string>();
    let before: string | null = null;
    let pages = 0;
    do {
      const page = await h.connector.fetchPage({
        source: source('federated'),
        since: null,
        before,
        limit: 25,
      });
      for (const item of page.items) seen.add(item.key);
      before = page.older;
      pages += 1;
    } while (before !== null && pages < 10);
    expect(seen.size).toBe(60);
    expect(pages).toBe(3);
    expect(h.server.requestsTo('GET', '/api/v1/timelines/public').at(-1)?.query.get('max_id')).not.toBeNull();
  });

  it('reports a gap when since is given and the page is full without reaching it', async () => {
    const list = h.server.timelines.get('list:1') ?? [];
    const old = String(list[50]?.id);
    const page = await h.connector.fetchPage({
      source: source('list', '1'),
      since: old,
      before: null,
      limit: 10,
    });
    expect(page.items).toHaveLength(10);
    expect(page.gap).toBe(true);
    expect(h.server.requestsTo('GET', '/api/v1/timelines/list/1').at(-1)?.query.get('since_id')).toBe(old);
  });

  it('reports no gap when the page reaches since', async () => {
    const list = h.server.timelines.get('list:1') ?? [];
    const recent = String(list[3]?.id);
    const page = await h.connector.fetchPage({
      source: source('list', '1'),
      since: recent,
      before: null,
      limit: 10,
    });
    expect(page.items.map((item) => item.actionRef)).toEqual(list.slice(0, 3).map((s) => s.id));
    expect(page.gap).toBe(false);
    expect(page.newest).toBe(String(list[0]?.id));
  });

  it('keeps the cursor when nothing is new', async () => {
    const list = h.server.timelines.get('list:1') ?? [];
    const newest = String(list[0]?.id);
    const page = await h.connector.fetchPage({
      source: source('list', '1'),
      since: newest,
      before: null,
      limit: 10,
    });
    expect(page.items).toEqual([]);
    expect(page.newest).toBe(newest);
    expect(page.gap).toBe(false);
  });

  it('reads mentions as notifications filtered to mention', async () => {
    const page = await h.connector.fetchPage({
      source: source('mentions'),
      since: null,
      before: null,
      limit: 5,
    });
    expect(page.items).toHaveLength(5);
    expect(page.items.every((item) => item.kind === 'mention')).toBe(true);
    expect(h.server.requestsTo('GET', '/api/v1/notifications').at(-1)?.query.getAll('types[]')).toEqual([
      'mention',
    ]);
  });

  it('reads all notifications, the documented favourite as a like', async () => {
    const page = await h.connector.fetchPage({
      source: source('notifications'),
      since: null,
      before: null,
      limit: 80,
    });
    expect(
      page.items.some((item) => item.kind === 'like' && item.author.handle === 'haskal@cybre.space'),
    ).toBe(true);
  });

  it('reads the documented #cats hashtag timeline', async () => {
    const page = await h.connector.fetchPage({
      source: source('hashtag', '#cats'),
      since: null,
      before: null,
      limit: 2,
    });
    expect(page.items.map((item) => item.actionRef)).toEqual(['103206185588894565', '103203659567597966']);
    expect(h.server.requestsTo('GET', '/api/v1/timelines/tag/cats')).toHaveLength(1);
  });

  it('reads local, search and conversations', async () => {
    const local = await h.connector.fetchPage({
      source: source('local'),
      since: null,
      before: null,
      limit: 3,
    });
    expect(h.server.requestsTo('GET', '/api/v1/timelines/public').at(-1)?.query.get('local')).toBe('true');
    expect(local.items[0]?.author.handle).toBe('gregpak@127.0.0.1:' + new URL(h.server.origin).port);

    const search = await h.connector.fetchPage({
      source: source('search', 'musicTuesday'),
      since: null,
      before: null,
      limit: 10,
    });
    expect(search.items.map((item) => item.actionRef)).toEqual(['109348684737626801']);
    expect(search.older).toBeNull();
    const again = await h.connector.fetchPage({
      source: source('search', 'musicTuesday'),
      since: '109348684737626801',
      before: null,
      limit: 10,
    });
    expect(again.items).toEqual([]);

    const dms = await h.connector.fetchPage({
      source: source('conversations'),
      since: null,
      before: null,
      limit: 40,
    });
    expect(dms.items.map((item) => item.kind)).toEqual(['dm', 'dm']);
  });

  it('refuses columns Mastodon does not have, or without their parameter', async () => {
    await expect(
      h.connector.fetchPage({ source: source('feed', 'x'), since: null, before: null, limit: 5 }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      h.connector.fetchPage({ source: source('hashtag'), since: null, before: null, limit: 5 }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('server answers that are not a plain 200', () => {
  it('returns what there is and asks to retry soon on 206 (home feed regenerating)', async () => {
    h.server.regenerating = true;
    const page = await h.connector.fetchPage({
      source: source('home'),
      since: null,
      before: null,
      limit: 20,
    });
    expect(page.items).toHaveLength(2);
    expect(page.retrySoonMs).toBe(REGENERATING_RETRY_MS);
  });

  it('maps 401 to auth_failed', async () => {
    const revoked = connectorFor(h.server, 'revoked-token');
    await expect(
      revoked.fetchPage({ source: source('home'), since: null, before: null, limit: 5 }),
    ).rejects.toMatchObject({
      code: 'auth_failed',
      message: expect.stringContaining('sign in'),
    });
  });

  it('maps 5xx to server_error and a dead server to network_unreachable', async () => {
    h.server.intercept = () => ({ status: 503, body: '<html>Service Unavailable</html>' });
    await expect(
      h.connector.fetchPage({ source: source('home'), since: null, before: null, limit: 5 }),
    ).rejects.toMatchObject({ code: 'server_error' });
    const dead = createMastodonConnector({
      accountId: 'acc-1',
      origin: 'http://127.0.0.1:9',
      accessToken: 't',
    });
    await expect(
      dead.fetchPage({ source: source('home'), since: null, before: null, limit: 5 }),
    ).rejects.toMatchObject({ code: 'network_unreachable' });
  });
});

describe('rate limits', () => {
  const limited = useReplay({ rateLimitBudget: 3 });

  it('turns 429 into a rate_limited error that says when to retry', async () => {
    const pages = [];
    for (let i = 0; i < 3; i += 1)
      pages.push(
        await limited.connector.fetchPage({ source: source('home'), since: null, before: null, limit: 5 }),
      );
    expect(pages.map((page) => page.rateLimit?.remaining)).toEqual([2, 1, 0]);
    const error = await limited.connector
      .fetchPage({ source: source('home'), since: null, before: null, limit: 5 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MastodonRateLimitError);
    expect(error).toBeInstanceOf(RoostError);
    const rateError = error as MastodonRateLimitError;
    expect(rateError.code).toBe('rate_limited');
    expect(rateError.rateLimit).toMatchObject({ limit: 3, remaining: 0 });
    expect(rateError.retryAfterMs).toBeGreaterThan(0);
    expect(rateError.retryAfterMs).toBeLessThanOrEqual(5 * 60 * 1000);
  });
});
