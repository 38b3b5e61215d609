// Server-side scheduling against the Mastodon replay server (responses from the official API docs; it honours
// Idempotency-Key): ≥ 5 minutes ahead the server holds the schedule, and reschedule/cancel reach it.
import { afterEach, describe, expect, it } from 'vitest';
import { createMastodonConnector } from '../../../src-main/connectors/mastodon/mastodon-connector.ts';
import { createConnectorGateway } from '../../../src-main/publishing/connector-gateway.ts';
import { MastodonReplayServer, type RecordedRequest } from '../../support/mastodon-replay/server.ts';
import { account, createHarness, post, type Harness } from './support/harness.ts';

const MIN = 60_000;
let h: Harness | undefined;
let server: MastodonReplayServer | undefined;
afterEach(async () => {
  await h?.close();
  await server?.close();
  h = server = undefined;
});

/** The replay server has no scheduled_statuses routes; these follow the documented PUT/DELETE answers. */
function scheduledStatusRoutes(replay: MastodonReplayServer) {
  return (request: RecordedRequest) => {
    const match = /^\/api\/v1\/scheduled_statuses\/([^/]+)$/.exec(request.path);
    if (!match) return undefined;
    const index = replay.scheduled.findIndex((s) => s.id === match[1]);
    if (index < 0) return { status: 404, body: { error: 'Record not found' } };
    if (request.method === 'DELETE') {
      replay.scheduled.splice(index, 1);
      return { status: 200, body: {} };
    }
    const at = (request.body as { scheduled_at?: string }).scheduled_at ?? '';
    const entry = replay.scheduled[index]!;
    entry.scheduled_at = new Date(at).toISOString();
    return { status: 200, body: entry };
  };
}

async function setup(): Promise<{ harness: Harness; replay: MastodonReplayServer }> {
  let now = () => Date.now();
  const replay = await MastodonReplayServer.start({ now: () => now() });
  replay.intercept = scheduledStatusRoutes(replay);
  const connector = createMastodonConnector({
    accountId: 'masto-1',
    origin: replay.origin,
    accessToken: replay.token,
  });
  const gateway = createConnectorGateway({
    publisher: () => Promise.resolve(connector.publisher),
  });
  const harness = await createHarness({
    gateway,
    accounts: [account(9, { id: 'masto-1', network: 'mastodon', handle: 'brand@social.example' })],
  });
  now = harness.now;
  return { harness, replay };
}

const until = async (check: () => boolean, harness: Harness): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await harness.time.advance(0);
  }
  expect(check()).toBe(true);
};

describe('Mastodon server-side scheduling', () => {
  it('hands a post an hour ahead to the server, keeps reschedule and cancel in sync', async () => {
    ({ harness: h, replay: server } = await setup());
    const at = new Date(h.now() + 60 * MIN).toISOString();
    const [job] = h.module.service.submit({
      draftId: null,
      post: post('Scheduled on the server', ['masto-1'], at),
      clearanceId: null,
      undoSeconds: 5,
      campaign: null,
    }).jobs;
    expect(job!.scheduledBy).toBe('server');
    await h.time.advance(5_000);
    await until(() => h!.module.repo.get(job!.id)?.serverScheduleId !== null, h);
    const stored = h.module.repo.get(job!.id)!;
    expect(stored.state).toBe('queued');
    expect(server.scheduled).toHaveLength(1);
    expect(server.scheduled[0]!.scheduled_at).toBe(at);
    const posts = server.requestsTo('POST', '/api/v1/statuses');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers['idempotency-key']).toBe(stored.idempotencyKey);

    const later = new Date(h.now() + 90 * MIN).toISOString();
    await h.module.service.reschedule(job!.id, later);
    expect(server.scheduled[0]!.scheduled_at).toBe(later);
    expect(server.requestsTo('PUT', `/api/v1/scheduled_statuses/${stored.serverScheduleId}`)).toHaveLength(1);

    expect(await h.module.service.cancel(job!.id)).toEqual({ cancelled: true });
    expect(server.scheduled).toHaveLength(0);
    expect(server.posted).toHaveLength(0);
  });

  it('takes the schedule back when rescheduled to less than 5 minutes ahead, and publishes itself', async () => {
    ({ harness: h, replay: server } = await setup());
    const at = new Date(h.now() + 30 * MIN).toISOString();
    const [job] = h.module.service.submit({
      draftId: null,
      post: post('Moved close', ['masto-1'], at),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs;
    await until(() => h!.module.repo.get(job!.id)?.serverScheduleId !== null, h);
    const moved = await h.module.service.reschedule(job!.id, new Date(h.now() + 2 * MIN).toISOString());
    expect(moved.scheduledBy).toBe('roost');
    expect(server.scheduled).toHaveLength(0);
    await h.time.advance(2 * MIN);
    await until(() => h!.module.repo.get(job!.id)?.state === 'sent', h);
    expect(server.posted).toHaveLength(1);
    expect(h.module.repo.get(job!.id)!.remoteId).toBe(server.posted[0]!.id);
  });

  it('schedules in Roost when less than 5 minutes ahead, and the Idempotency-Key makes a resend harmless', async () => {
    ({ harness: h, replay: server } = await setup());
    const at = new Date(h.now() + 3 * MIN).toISOString();
    const [job] = h.module.service.submit({
      draftId: null,
      post: post('Soon', ['masto-1'], at),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs;
    expect(job!.scheduledBy).toBe('roost');
    await h.time.advance(3 * MIN);
    await until(() => h!.module.repo.get(job!.id)?.state === 'sent', h);
    // A crash between the server's answer and the commit: the same key returns the same status.
    const stored = h.module.repo.get(job!.id)!;
    const again = await createConnectorGateway({
      publisher: () =>
        Promise.resolve(
          createMastodonConnector({
            accountId: 'masto-1',
            origin: server!.origin,
            accessToken: server!.token,
          }).publisher,
        ),
    }).send(stored, null);
    expect(again).toMatchObject({ kind: 'published', remoteId: stored.remoteId });
    expect(server.posted).toHaveLength(1);
  });
});
