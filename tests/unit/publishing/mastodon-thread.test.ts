// A thread to Mastodon through the real connector gateway against the Mastodon replay server (responses from
// the official API docs; it honours Idempotency-Key): each status answers the one before it by
// in_reply_to_id, and carries the chosen visibility, language and content warning.
import { afterEach, describe, expect, it } from 'vitest';
import { createMastodonConnector } from '../../../src-main/connectors/mastodon/mastodon-connector.ts';
import { createConnectorGateway } from '../../../src-main/publishing/connector-gateway.ts';
import { MastodonReplayServer } from '../../support/mastodon-replay/server.ts';
import { account, createHarness, thread, type Harness } from './support/harness.ts';

let h: Harness | undefined;
let server: MastodonReplayServer | undefined;
afterEach(async () => {
  await h?.close();
  await server?.close();
  h = server = undefined;
});

const until = async (check: () => boolean, harness: Harness): Promise<void> => {
  for (let i = 0; i < 300 && !check(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await harness.time.advance(0);
  }
  expect(check()).toBe(true);
};

describe('a Mastodon thread on the replay server', () => {
  it('chains statuses by in_reply_to_id with visibility, language and content warning', async () => {
    let now = () => Date.now();
    server = await MastodonReplayServer.start({ now: () => now() });
    const connector = createMastodonConnector({
      accountId: 'masto-1',
      origin: server.origin,
      accessToken: server.token,
    });
    h = await createHarness({
      gateway: createConnectorGateway({
        publisher: () => Promise.resolve(connector.publisher),
      }),
      accounts: [account(9, { id: 'masto-1', network: 'mastodon', handle: 'brand@social.example' })],
    });
    now = h.now;
    const base = thread(['Fil 1/3', 'Fil 2/3', 'Fil 3/3'], ['masto-1'], {
      visibility: 'unlisted',
      language: 'fr',
    });
    const p = {
      ...base,
      targets: base.targets.map((t) => ({
        ...t,
        contentWarning: 'Spoilers',
        followUps: (t.followUps ?? []).map((f) => ({ ...f, contentWarning: 'Spoilers' })),
      })),
    };
    const { jobs } = h.module.service.submit({
      draftId: null,
      post: p,
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    });
    const replay = server;
    await until(() => jobs.every((j) => h!.module.repo.get(j.id)?.state === 'sent'), h);

    const posts = replay.requestsTo('POST', '/api/v1/statuses');
    expect(posts.map((r) => (r.body as { status: string }).status)).toEqual([
      'Fil 1/3',
      'Fil 2/3',
      'Fil 3/3',
    ]);
    const chain = jobs.map((j) => h!.module.repo.get(j.id)!);
    expect(posts.map((r) => (r.body as { in_reply_to_id?: string }).in_reply_to_id ?? null)).toEqual([
      null,
      chain[0]!.remoteId,
      chain[1]!.remoteId,
    ]);
    for (const request of posts) {
      expect(request.body).toEqual(
        expect.objectContaining({ visibility: 'unlisted', language: 'fr', spoiler_text: 'Spoilers' }),
      );
    }
    // Every post has its own Idempotency-Key, the one fixed when its job was created.
    expect(posts.map((r) => r.headers['idempotency-key'])).toEqual(chain.map((j) => j.idempotencyKey));
    // What the server now holds: a thread, each status answering the previous one.
    const statuses = [...replay.posted].reverse();
    expect(statuses.map((s) => s.in_reply_to_id)).toEqual([null, statuses[0]!.id, statuses[1]!.id]);
    expect(statuses.map((s) => [s.visibility, s.language])).toEqual(Array(3).fill(['unlisted', 'fr']));
  });
});
