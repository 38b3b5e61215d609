// Retries never upload an image twice: against the Mastodon replay server (responses from the official API
// docs, honouring Idempotency-Key), a thread whose follow-up carries its own image loses the answer to its
// POST /api/v1/statuses after the status was created; the retry attaches the upload already on the server
// and the same key returns the first status. A remote id the server has since dropped (422) is uploaded again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComposeMedia, OutgoingPost } from '../../../src-shared/compose/post.ts';
import { createMastodonConnector } from '../../../src-main/connectors/mastodon/mastodon-connector.ts';
import { createConnectorGateway } from '../../../src-main/publishing/connector-gateway.ts';
import { createMediaStore } from '../../../src-main/publishing/media-store.ts';
import type { StoredJob } from '../../../src-main/publishing/outbox-job.ts';
import {
  createUploadedMediaRepository,
  type UploadedMediaRepository,
} from '../../../src-main/publishing/uploaded-media-repository.ts';
import { MastodonReplayServer, type RecordedRequest } from '../../support/mastodon-replay/server.ts';
import { account, createHarness, post, thread, type Harness } from './support/harness.ts';

const PNG = readFileSync(join(import.meta.dirname, '../../../resources/tray.png'));

let h: Harness | undefined;
let server: MastodonReplayServer | undefined;
afterEach(async () => {
  await h?.close();
  await server?.close();
  h = server = undefined;
});

const isStatusPost = (method: string | undefined, url: string): boolean =>
  method === 'POST' && new URL(url).pathname === '/api/v1/statuses';

/** A Mastodon account on the replay server whose fetch loses the answers to the status posts numbered in
 *  `lost` (1-based): the request reached the server, the response never reached Roost. */
async function setUp(lost: readonly number[]): Promise<{ harness: Harness; replay: MastodonReplayServer }> {
  let now = () => Date.now();
  const replay = await MastodonReplayServer.start({ now: () => now(), mediaPollsBeforeReady: 0 });
  let statusPosts = 0;
  const dropping: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (isStatusPost(init?.method, String(input)) && lost.includes(++statusPosts)) {
      await response.arrayBuffer();
      throw new TypeError('fetch failed: other side closed');
    }
    return response;
  };
  const connector = createMastodonConnector({
    accountId: 'masto-1',
    origin: replay.origin,
    accessToken: replay.token,
    fetch: dropping,
    sleep: () => Promise.resolve(),
  });
  // The harness's store is reopened on restart: always use the current one.
  const uploads: UploadedMediaRepository = {
    forJob: (id) => createUploadedMediaRepository(h!.store).forJob(id),
    remember: (id, upload) => createUploadedMediaRepository(h!.store).remember(id, upload),
    forget: (id) => createUploadedMediaRepository(h!.store).forget(id),
  };
  h = await createHarness({
    gateway: createConnectorGateway({
      publisher: () => Promise.resolve(connector.publisher),
      media: (id) => createMediaStore(h!.dir).get(id),
      uploads,
    }),
    accounts: [account(9, { id: 'masto-1', network: 'mastodon', handle: 'brand@social.example' })],
  });
  now = h.now;
  return { harness: h, replay };
}

function image(harness: Harness, alt: string): ComposeMedia {
  // Distinct bytes per image, so the content-addressed store gives each its own id.
  const data = Buffer.concat([PNG, Buffer.from(alt)]);
  const { id } = createMediaStore(harness.dir).put({
    mimeType: 'image/png',
    dataBase64: data.toString('base64'),
  });
  return { id, kind: 'image', mimeType: 'image/png', bytes: data.length, alt };
}

async function submitAndSettle(harness: Harness, outgoing: OutgoingPost): Promise<StoredJob[]> {
  const { jobs } = harness.module.service.submit({
    draftId: null,
    post: outgoing,
    clearanceId: null,
    undoSeconds: 0,
    campaign: null,
  });
  const settled = () => jobs.map((j) => harness.module.repo.get(j.id)!);
  const done = () => settled().every((j) => ['sent', 'needs_attention', 'failed'].includes(j.state));
  // Retries back off on the simulated clock: move it on until every job has settled.
  for (let i = 0; i < 400 && !done(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await harness.time.advance(1_000);
  }
  return settled();
}

const descriptionOf = (r: RecordedRequest): string | null =>
  /name="description"\r\n\r\n([^\r]*)\r\n/.exec((r.body as Buffer).toString('utf8'))?.[1] ?? null;
const mediaIdsOf = (r: RecordedRequest): string[] => {
  const ids = (r.body as { media_ids?: string[] } | null)?.media_ids;
  return ids ?? [];
};

describe('Mastodon uploads across retries', () => {
  it('uploads each image of a thread once although the follow-up’s status answer was lost', async () => {
    // Status posts: 1 = the first post, 2 = the follow-up (answer lost after the server created it), 3 = retry.
    const { harness, replay } = await setUp([2]);
    const first = image(harness, 'A heron on one leg');
    const second = image(harness, 'The heron taking off');
    const base = thread(['Herons 1/2', 'Herons 2/2'], ['masto-1']);
    const outgoing: OutgoingPost = {
      ...base,
      targets: base.targets.map((t) => ({
        ...t,
        media: [first],
        followUps: (t.followUps ?? []).map((f) => ({ ...f, media: [second] })),
      })),
    };

    const jobs = await submitAndSettle(harness, outgoing);
    expect(jobs.map((j) => [j.state, j.attempts])).toEqual([
      ['sent', 1],
      ['sent', 2],
    ]);
    const uploads = replay.requestsTo('POST', '/api/v2/media');
    expect(uploads.map(descriptionOf)).toEqual(['A heron on one leg', 'The heron taking off']);

    const statuses = replay.requestsTo('POST', '/api/v1/statuses');
    expect(statuses).toHaveLength(3);
    const [firstIds, lostIds, retryIds] = statuses.map(mediaIdsOf);
    expect(firstIds).toHaveLength(1);
    expect(lostIds).toHaveLength(1);
    expect(lostIds).not.toEqual(firstIds);
    // The retry names the upload of the lost attempt, under the same Idempotency-Key.
    expect(retryIds).toEqual(lostIds);
    expect(statuses[2]!.headers['idempotency-key']).toBe(statuses[1]!.headers['idempotency-key']);

    // One status per post: the reply carries its own image and answers the first post.
    expect(replay.posted).toHaveLength(2);
    const [reply, head] = replay.posted;
    expect(reply?.id).toBe(jobs[1]!.remoteId);
    expect(reply?.in_reply_to_id).toBe(jobs[0]!.remoteId);
    expect((reply?.media_attachments as { id: string }[]).map((m) => m.id)).toEqual(lostIds);
    expect((head?.media_attachments as { id: string }[]).map((m) => m.id)).toEqual(firstIds);
  });

  it('uploads again when the server no longer knows the media id an earlier attempt uploaded', async () => {
    const { harness, replay } = await setUp([]);
    const picture = image(harness, 'A kingfisher');
    const single = post('Kingfisher', ['masto-1']);
    const outgoing: OutgoingPost = {
      ...single,
      targets: single.targets.map((t) => ({ ...t, media: [picture] })),
    };
    let statusPosts = 0;
    replay.intercept = (request) => {
      if (request.method !== 'POST' || request.path !== '/api/v1/statuses') return undefined;
      statusPosts += 1;
      // 1: the server is down before creating anything; 2: by the retry, the unattached upload was deleted.
      if (statusPosts === 1) return { status: 503, body: { error: 'Service unavailable' } };
      if (statusPosts === 2) {
        return { status: 422, body: { error: 'Validation failed: Media attachments not found' } };
      }
      return undefined;
    };

    const [job] = await submitAndSettle(harness, outgoing);
    expect([job!.state, job!.lastError?.message ?? null]).toEqual(['sent', null]);
    const uploads = replay.requestsTo('POST', '/api/v2/media');
    expect(uploads.map(descriptionOf)).toEqual(['A kingfisher', 'A kingfisher']);
    const ids = replay.requestsTo('POST', '/api/v1/statuses').map(mediaIdsOf);
    expect(ids).toHaveLength(3);
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).not.toEqual(ids[1]);
    expect(replay.posted).toHaveLength(1);
    expect((replay.posted[0]?.media_attachments as { id: string }[]).map((m) => m.id)).toEqual(ids[2]);
  });
});
