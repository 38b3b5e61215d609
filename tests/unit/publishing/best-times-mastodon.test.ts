// Best times from a Mastodon account's own history, end to end: posts go out through the real outbox and
// connector to a loopback server replaying the official Mastodon API docs (not a real Mastodon), their sent
// times placed at chosen hours of the week by the clock; counts are read back with GET /api/v1/statuses/:id.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingPost } from '../../../src-shared/compose/post.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import { createMastodonConnector } from '../../../src-main/connectors/mastodon/mastodon-connector.ts';
import { MIN_HISTORY } from '../../../src-main/publishing/best-times.ts';
import { createConnectorGateway } from '../../../src-main/publishing/connector-gateway.ts';
import {
  createPublishingModule,
  type PublishingModule,
} from '../../../src-main/publishing/publishing-module.ts';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { MastodonReplayServer } from '../../support/mastodon-replay/server.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A Monday, 09:00 UTC.
const NOW = Date.parse('2025-06-02T09:00:00.000Z');

const account: Account = {
  id: 'masto-1',
  network: 'mastodon',
  service: 'https://social.example',
  remoteId: '14715',
  handle: 'brand@social.example',
  displayName: 'Brand',
  avatarUrl: null,
  status: 'active',
  protected: false,
  createdAt: '2025-01-01T00:00:00.000Z',
};

function post(text: string): OutgoingPost {
  return {
    targets: [
      { accountId: account.id, network: 'mastodon', text, contentWarning: null, media: [], followUps: [] },
    ],
    replyTo: null,
    quote: null,
    scheduledAt: null,
  };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setUp(): Promise<{
  server: MastodonReplayServer;
  module: PublishingModule;
  clock: { now: number };
  errors: unknown[];
}> {
  const server = await MastodonReplayServer.start();
  const connector = createMastodonConnector({
    accountId: account.id,
    origin: server.origin,
    accessToken: server.token,
  });
  const dir = mkdtempSync(join(tmpdir(), 'roost-best-times-'));
  const store: MainStore = openMainStore({ path: join(dir, 'main.sqlite') });
  const clock = { now: NOW };
  const errors: unknown[] = [];
  const module = createPublishingModule({
    store,
    dataDir: dir,
    accounts: () => [account],
    gateway: createConnectorGateway({
      publisher: () => Promise.resolve(connector.publisher),
    }),
    clock: { now: () => clock.now },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    random: Math.random,
    onChanged: () => undefined,
    onError: (error) => errors.push(error),
    settings: () => ({
      orgDomains: [],
      blockedTerms: [],
      quietHours: {},
      levels: {},
      timeZone: 'UTC',
      graceMinutes: 15,
      clearanceMinutes: 5,
    }),
    readEngagement: (_accountId, _network, ids) => connector.readEngagement(ids),
    actor: 'tester',
  });
  await module.engine.start();
  cleanup = async () => {
    await module.engine.stop();
    store.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { server, module, clock, errors };
}

/** Sends one post with the clock at `atMs` and returns its status id once the outbox has it sent. */
async function sendAt(module: PublishingModule, clock: { now: number }, atMs: number, text: string) {
  clock.now = atMs;
  const { jobs } = module.service.submit({
    draftId: null,
    post: post(text),
    clearanceId: null,
    undoSeconds: 0,
    campaign: null,
  });
  const id = jobs[0]!.id;
  for (let i = 0; i < 400 && module.repo.get(id)?.state !== 'sent'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const job = module.repo.get(id)!;
  expect([job.state, job.sentAt]).toEqual(['sent', new Date(atMs).toISOString()]);
  return job.remoteId!;
}

describe('best times from Mastodon history', () => {
  it('ranks the hours whose posts were favourited and boosted first, and drops deleted posts', async () => {
    const { server, module, clock, errors } = await setUp();
    expect((await module.service.bestTimes(account.id)).basis).toBe('default');

    // Eight posts over the last four weeks, each at a different hour of the week (UTC).
    const hours = [
      27 * DAY + 9 * HOUR,
      24 * DAY + 2 * HOUR,
      20 * DAY + 5 * HOUR,
      17 * DAY + HOUR,
      13 * DAY + 7 * HOUR,
      10 * DAY + 3 * HOUR,
      6 * DAY + 4 * HOUR,
      3 * DAY + 6 * HOUR,
    ].map((ago) => NOW - ago);
    const ids: string[] = [];
    for (const [i, at] of hours.entries()) ids.push(await sendAt(module, clock, at, `history post ${i}`));
    expect(ids).toHaveLength(MIN_HISTORY);

    // Other people react: the posts at hours[5] and hours[2] do best, in that order.
    server.setEngagement(ids[5]!, { favourites: 30, reblogs: 9, replies: 4 });
    server.setEngagement(ids[2]!, { favourites: 12, reblogs: 2, replies: 1 });
    server.setEngagement(ids[0]!, { favourites: 1 });

    clock.now = NOW;
    const best = await module.service.bestTimes(account.id);
    expect(best.basis).toBe('history');
    const hourOfWeek = (ms: number) => new Date(ms).getUTCDay() * 24 + new Date(ms).getUTCHours();
    expect(best.slots.slice(0, 3).map((s) => hourOfWeek(Date.parse(s.at)))).toEqual(
      [5, 2, 0].map((i) => hourOfWeek(hours[i]!)),
    );
    expect(best.slots[0]?.reason).toContain('43.0 interactions');
    expect(
      server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/statuses/')),
    ).toHaveLength(8);

    // Asking again within the freshness window costs no request.
    await module.service.bestTimes(account.id);
    expect(
      server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/statuses/')),
    ).toHaveLength(8);

    // The best post is deleted. Its count was read once it had settled, so it is kept for a week; after that it
    // is read again, comes back absent and drops out: history falls under the minimum.
    await connectorDelete(server, ids[5]!);
    clock.now = NOW + 6 * DAY;
    expect((await module.service.bestTimes(account.id)).basis).toBe('history');
    clock.now = NOW + 7 * DAY;
    const after = await module.service.bestTimes(account.id);
    expect(after.basis).toBe('default');
    expect(server.requestsTo('GET', `/api/v1/statuses/${ids[5]}`)).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('keeps the cached history when the server answers 429, and never fails bestTimes', async () => {
    const { server, module, clock, errors } = await setUp();
    const ids: string[] = [];
    for (let i = 0; i < MIN_HISTORY; i++)
      ids.push(await sendAt(module, clock, NOW - (i + 1) * 7 * HOUR, `p${i}`));
    server.setEngagement(ids[3]!, { favourites: 8 });
    clock.now = NOW;
    const first = await module.service.bestTimes(account.id);
    expect(first.basis).toBe('history');

    server.intercept = (request) =>
      request.method === 'GET' ? { status: 429, body: { error: 'Too many requests' } } : undefined;
    clock.now = NOW + 4 * HOUR;
    const limited = await module.service.bestTimes(account.id);
    expect(limited.basis).toBe('history');
    expect(limited.slots[0]?.at).toBe(first.slots.find((s) => Date.parse(s.at) > clock.now)?.at);
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['rate_limited']);

    server.intercept = () => ({ status: 401, body: { error: 'The access token was revoked' } });
    clock.now = NOW + 8 * HOUR;
    await expect(module.service.bestTimes(account.id)).resolves.toMatchObject({ basis: 'history' });
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['rate_limited', 'auth_failed']);
  });
});

async function connectorDelete(server: MastodonReplayServer, id: string): Promise<void> {
  const response = await fetch(new URL(`/api/v1/statuses/${id}`, server.origin), {
    method: 'DELETE',
    headers: { authorization: `Bearer ${server.token}` },
  });
  expect(response.status).toBe(200);
}
