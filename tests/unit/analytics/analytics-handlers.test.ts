// analytics:snapshot and analytics:postPerformance through main's real router (zod validation, result
// objects) over a real SQLite engagement table: counts come from the account's audience reader, unknown
// accounts and bad input get clear errors, and sent posts carry their text and campaign from the outbox and
// the short links Roost made that the text carries, with their last counted clicks (real shortener table).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { analyticsHandlers } from '../../../src-main/analytics/analytics-handlers.ts';
import { createRouter } from '../../../src-main/rpc/router.ts';
import { createEngagementRepository } from '../../../src-main/publishing/engagement-repository.ts';
import { createShortenerRepository } from '../../../src-main/shortener/shortener-repository.ts';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { PostPerformance } from '../../../src-shared/contract/analytics-contract.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import { withOtherMethodsRefused } from '../../support/partial-handlers.ts';

let dir = '';
let store: MainStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roost-analytics-'));
  store = openMainStore({ path: join(dir, 'main.sqlite') });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.UTC(2026, 2, 1, 12);
const account = { id: 'acct-1', network: 'bluesky', handle: 'brand.test' } as Account;
const ctx = { transport: 'browser', actor: { kind: 'local-user' } } as const;

function router(readAudience = async () => ({ followers: 120, following: 30, posts: 512 })) {
  const engagement = createEngagementRepository(store);
  engagement.put([
    {
      jobId: 'j1',
      accountId: 'acct-1',
      remoteId: 'at://x/1',
      sentMs: NOW - 86_400_000,
      engagement: 14,
      fetchedMs: NOW,
    },
    {
      jobId: 'j2',
      accountId: 'acct-1',
      remoteId: 'at://x/2',
      sentMs: NOW - 10 * 86_400_000,
      engagement: null,
      fetchedMs: NOW,
    },
  ]);
  const links = createShortenerRepository(store);
  links.remember('https://s.example', 'shlink', {
    code: 'sp1',
    shortUrl: 'https://s.example/sp1',
    longUrl: 'https://shop.example/spring',
  });
  links.recordClicks('https://s.example', 'sp1', 9);
  links.remember('https://s.example', 'shlink', {
    code: 'new',
    shortUrl: 'https://s.example/new',
    longUrl: 'https://shop.example/new',
  });
  const jobs = new Map([
    [
      'j1',
      {
        text: 'Spring is here: https://s.example/sp1. Also https://s.example/new and https://other.example/x',
        campaign: 'spring',
      },
    ],
  ]);
  return createRouter(
    withOtherMethodsRefused(
      analyticsHandlers({
        accounts: () => [account],
        readAudience: (id) => (id === 'acct-1' ? readAudience() : Promise.reject(new Error('unexpected'))),
        engagement,
        outbox: { get: (id) => (jobs.get(id) as never) ?? null },
        findShortLink: links.findByShortUrl,
        now: () => NOW,
      }),
    ),
  );
}

test('a snapshot carries the audience counts of the account and when they were read', async () => {
  expect(await router().dispatch('analytics:snapshot', { accountId: 'acct-1' }, ctx)).toEqual({
    ok: true,
    value: {
      accountId: 'acct-1',
      network: 'bluesky',
      followers: 120,
      following: 30,
      posts: 512,
      takenAt: new Date(NOW).toISOString(),
    },
  });
});

test('unknown accounts, bad input and network refusals are clear errors', async () => {
  const r = router(() => Promise.reject(new RoostError('rate_limited', 'Slow down')));
  expect(await r.dispatch('analytics:snapshot', { accountId: 'nobody' }, ctx)).toMatchObject({
    ok: false,
    error: { code: 'not_found' },
  });
  expect(await r.dispatch('analytics:snapshot', { accountId: '' }, ctx)).toMatchObject({
    ok: false,
    error: { code: 'invalid_input' },
  });
  expect(
    await r.dispatch('analytics:postPerformance', { accountId: 'acct-1', since: 'yesterday' }, ctx),
  ).toMatchObject({
    ok: false,
    error: { code: 'invalid_input' },
  });
  expect(await r.dispatch('analytics:snapshot', { accountId: 'acct-1' }, ctx)).toMatchObject({
    ok: false,
    error: { code: 'rate_limited' },
  });
});

test('post performance lists sent posts since a time, with text and campaign from the outbox', async () => {
  const since = new Date(NOW - 5 * 86_400_000).toISOString();
  const result = await router().dispatch('analytics:postPerformance', { accountId: 'acct-1', since }, ctx);
  expect(result).toEqual({
    ok: true,
    value: [
      {
        jobId: 'j1',
        accountId: 'acct-1',
        network: 'bluesky',
        remoteId: 'at://x/1',
        sentAt: new Date(NOW - 86_400_000).toISOString(),
        text: 'Spring is here: https://s.example/sp1. Also https://s.example/new and https://other.example/x',
        campaign: 'spring',
        engagement: 14,
        readAt: new Date(NOW).toISOString(),
        // The sentence's full stop is not part of the address; a link never counted has null clicks.
        shortLinks: [
          { code: 'sp1', clicks: 9 },
          { code: 'new', clicks: null },
        ],
      },
    ],
  });
  const all = await router().dispatch(
    'analytics:postPerformance',
    { accountId: 'acct-1', since: new Date(0).toISOString() },
    ctx,
  );
  const posts = (all.ok ? all.value : []) as PostPerformance[];
  expect(posts.map((p) => [p.jobId, p.engagement, p.text])).toEqual([
    ['j2', null, ''],
    [
      'j1',
      14,
      'Spring is here: https://s.example/sp1. Also https://s.example/new and https://other.example/x',
    ],
  ]);
});
