// The connector over real HTTP against a loopback replay server: rate-limit headers, 429 with a retry hint,
// server failures, and answers that break the lexicon or Roost's own schemas all become RoostErrors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import { createBlueskyConnector } from '../../../../src-main/connectors/bluesky/bluesky-connector.ts';
import type {
  BlueskyConnector,
  BlueskySession,
} from '../../../../src-main/connectors/bluesky/bluesky-connector.ts';
import { RateLimitedError } from '../../../../src-main/connectors/bluesky/connector-errors.ts';
import { alice, postView } from './fixtures.ts';
import { startReplayPds } from './replay-pds.ts';
import type { ReplayPds } from './replay-pds.ts';

const NOW_MS = Date.parse('2026-03-01T10:00:00.000Z');
let pds: ReplayPds;
let connector: BlueskyConnector;
const updates: BlueskySession[] = [];
const home = {
  source: { type: 'home' as const, accountId: 'acct-1', param: null },
  since: null,
  before: null,
  limit: 30,
};

async function failure(): Promise<RoostError> {
  const error = await connector.fetchPage(home).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RoostError);
  return error as RoostError;
}

beforeAll(async () => {
  pds = await startReplayPds(alice.did, alice.handle);
  connector = await createBlueskyConnector({
    service: pds.url,
    session: { did: alice.did, handle: alice.handle, accessJwt: 'access-0', refreshJwt: 'refresh-0' },
    onSessionUpdate: (s) => void updates.push(s),
    now: () => NOW_MS,
  });
});

afterAll(() => pds.close());

describe('Bluesky connector over HTTP', () => {
  it('resumed by refreshing, and reported the new tokens', () => {
    expect(pds.calls).not.toContain('com.atproto.server.createSession');
    expect(updates.at(-1)).toEqual({
      did: alice.did,
      handle: alice.handle,
      accessJwt: 'access-1',
      refreshJwt: 'refresh-1',
    });
  });

  it('reads rate-limit headers into the page', async () => {
    const reset = NOW_MS / 1000 + 300;
    pds.answer('app.bsky.feed.getTimeline', {
      status: 200,
      body: { cursor: 'c1', feed: [{ post: postView() }] },
      headers: {
        'ratelimit-limit': '3000',
        'ratelimit-remaining': '2999',
        'ratelimit-reset': String(reset),
        'ratelimit-policy': '3000;w=300',
      },
    });
    const page = await connector.fetchPage(home);
    expect(page.items).toHaveLength(1);
    expect(page.rateLimit).toEqual({ limit: 3000, remaining: 2999, resetAt: reset * 1000 });
    expect(page.older).toBe('c1');
  });

  it('turns 429 into rate_limited with when to retry', async () => {
    pds.answer('app.bsky.feed.getTimeline', {
      status: 429,
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      headers: {
        'ratelimit-limit': '3000',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(NOW_MS / 1000 + 42),
      },
    });
    const error = await failure();
    expect(error.code).toBe('rate_limited');
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(42_000);
  });

  it('turns a 5xx into server_error', async () => {
    pds.answer('app.bsky.feed.getTimeline', {
      status: 502,
      body: { error: 'UpstreamFailure', message: 'AppView down' },
    });
    expect((await failure()).code).toBe('server_error');
  });

  it('turns answers that break the lexicon into server_error', async () => {
    pds.answer('app.bsky.feed.getTimeline', { status: 200, body: { feed: 'not a list' } });
    expect((await failure()).code).toBe('server_error');
  });

  it('skips posts that pass the lexicon but not Roost’s schemas, and fails a page made only of them', async () => {
    const bad = postView({ rkey: '3lbadbadbad22' }, { text: 12345 });
    pds.answer('app.bsky.feed.getTimeline', {
      status: 200,
      body: { feed: [{ post: bad }, { post: postView() }] },
    });
    expect((await connector.fetchPage(home)).items.map((i) => i.text)).toEqual(['Hello world']);

    pds.answer('app.bsky.feed.getTimeline', { status: 200, body: { feed: [{ post: bad }] } });
    const error = await failure();
    expect(error.code).toBe('server_error');
    expect(error.message).not.toMatch(/access-|refresh-/);
  });

  it('turns a 401 that a refresh cannot cure into auth_failed', async () => {
    pds.answer('app.bsky.feed.getTimeline', {
      status: 401,
      body: { error: 'AuthenticationRequired', message: 'Bad token' },
    });
    pds.answer('com.atproto.server.refreshSession', {
      status: 400,
      body: { error: 'ExpiredToken', message: 'Token has been revoked' },
    });
    expect((await failure()).code).toBe('auth_failed');
  });
});

describe('Bluesky session saves', () => {
  it('store refreshed tokens in order even when an earlier save is slower', async () => {
    const replay = await startReplayPds(alice.did, alice.handle);
    const saved: string[] = [];
    let release: () => void = () => undefined;
    const firstSaveHeld = new Promise<void>((resolve) => (release = resolve));
    const failures: unknown[] = [];
    const live = await createBlueskyConnector({
      service: replay.url,
      session: { did: alice.did, handle: alice.handle, accessJwt: 'access-0', refreshJwt: 'refresh-0' },
      onSessionUpdate: async (s) => {
        if (s.refreshJwt === 'refresh-1') await firstSaveHeld;
        saved.push(s.refreshJwt);
        if (s.refreshJwt === 'refresh-2') throw new Error('keychain locked');
      },
      onSessionUpdateError: (error) => void failures.push(error),
    });
    // An expired access token makes the client refresh again (refresh-2) while refresh-1 is still saving.
    replay.answer('app.bsky.feed.getTimeline', {
      status: 400,
      body: { error: 'ExpiredToken', message: 'expired' },
    });
    await live.fetchPage(home).catch(() => undefined);
    release();
    await expect.poll(() => saved).toEqual(['refresh-1', 'refresh-2']);
    await expect.poll(() => failures.length).toBe(1);
    await replay.close();
  });
});
