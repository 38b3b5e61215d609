// Images through the real outbox and connector gateway: the bytes come from the media store by id and
// reach Bluesky's publishPost with their type and alt text, and Mastodon (the replay server built from the
// official API docs) as uploaded media described by the alt text, then named in media_ids. An id the store
// does not hold stops the job for the person, with a message saying what to do.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingPost } from '../../../src-shared/compose/post.ts';
import {
  createBlueskyPublisher,
  type BlueskyRecords,
} from '../../../src-main/connectors/bluesky/bluesky-publisher.ts';
import type { PublishPostInput } from '../../../src-main/connectors/bluesky/publish.ts';
import { createMastodonConnector } from '../../../src-main/connectors/mastodon/mastodon-connector.ts';
import { createConnectorGateway } from '../../../src-main/publishing/connector-gateway.ts';
import { createMediaStore } from '../../../src-main/publishing/media-store.ts';
import { MastodonReplayServer } from '../../support/mastodon-replay/server.ts';
import { account, createHarness, post, type Harness } from './support/harness.ts';

const PNG = readFileSync(join(import.meta.dirname, '../../../resources/tray.png'));
const ALT = 'A small roost icon on a transparent background';

let h: Harness | undefined;
let server: MastodonReplayServer | undefined;
afterEach(async () => {
  await h?.close();
  await server?.close();
  h = server = undefined;
});

function withImage(base: OutgoingPost, id: string, alt = ALT): OutgoingPost {
  return {
    ...base,
    targets: base.targets.map((t) => ({
      ...t,
      media: [{ id, kind: 'image', mimeType: 'image/png', bytes: PNG.length, alt }],
    })),
  };
}

const until = async (check: () => boolean, harness: Harness): Promise<void> => {
  for (let i = 0; i < 300 && !check(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await harness.time.advance(0);
  }
  expect(check()).toBe(true);
};

/** The Bluesky side of the gateway's port: it records what publishPost is given (the connector itself is
 *  tested against the local network in tests/integration/publishing/images.test.ts). */
function recordingBluesky(calls: PublishPostInput[]): BlueskyRecords {
  const did = 'did:plc:user1';
  return {
    did,
    publishPost: (input: PublishPostInput) => {
      calls.push(input);
      return Promise.resolve({
        uri: `at://${did}/app.bsky.feed.post/${input.rkey}`,
        cid: 'bafyreigh2akiscaildc',
        rkey: input.rkey,
        created: true,
      });
    },
    findPostByRkey: () => Promise.resolve(null),
  } as unknown as BlueskyRecords;
}

async function submitAndSettle(harness: Harness, outgoing: OutgoingPost) {
  const { jobs } = harness.module.service.submit({
    draftId: null,
    post: outgoing,
    clearanceId: null,
    undoSeconds: 0,
    campaign: null,
  });
  const settled = () => jobs.map((j) => harness.module.repo.get(j.id)!);
  await until(() => settled().every((j) => j.state === 'sent' || j.state === 'needs_attention'), harness);
  return settled();
}

describe('the connector gateway with images', () => {
  it('passes each image’s bytes, type and alt text to Bluesky', async () => {
    const calls: PublishPostInput[] = [];
    h = await createHarness({
      gateway: createConnectorGateway({
        publisher: () => Promise.resolve(createBlueskyPublisher(recordingBluesky(calls))),
        // The store keeps nothing in memory: one on the harness's data folder sees what the test put there.
        media: (id) => createMediaStore(h!.dir).get(id),
      }),
    });
    const media = createMediaStore(h.dir);
    const { id } = media.put({ mimeType: 'image/png', dataBase64: PNG.toString('base64') });
    expect(id).toBe(createHash('sha256').update(PNG).digest('hex'));

    const [job] = await submitAndSettle(h, withImage(post('With a picture'), id));
    expect(job!.state).toBe('sent');
    expect(calls).toHaveLength(1);
    const images = calls[0]!.images ?? [];
    expect(images.map((i) => ({ mimeType: i.mimeType, alt: i.alt }))).toEqual([
      { mimeType: 'image/png', alt: ALT },
    ]);
    expect(Buffer.from(images[0]!.data).equals(PNG)).toBe(true);
    // The record key is the job's, as for a post without media: a retry still lands on the same record.
    expect(calls[0]!.rkey).toBe(job!.rkey);
  });

  it('uploads to Mastodon with the alt text as description, then posts with the media id', async () => {
    let now = () => Date.now();
    server = await MastodonReplayServer.start({ now: () => now() });
    const connector = createMastodonConnector({
      accountId: 'masto-1',
      origin: server.origin,
      accessToken: server.token,
      sleep: () => Promise.resolve(),
    });
    h = await createHarness({
      gateway: createConnectorGateway({
        publisher: () => Promise.resolve(connector.publisher),
        // The store keeps nothing in memory: one on the harness's data folder sees what the test put there.
        media: (id) => createMediaStore(h!.dir).get(id),
      }),
      accounts: [account(9, { id: 'masto-1', network: 'mastodon', handle: 'brand@social.example' })],
    });
    now = h.now;
    const media = createMediaStore(h.dir);
    const { id } = media.put({ mimeType: 'image/png', dataBase64: PNG.toString('base64') });

    const [job] = await submitAndSettle(h, withImage(post('Bonjour', ['masto-1']), id));
    expect([job!.state, job!.lastError?.message ?? null]).toEqual(['sent', null]);

    const uploads = server.requestsTo('POST', '/api/v2/media');
    expect(uploads).toHaveLength(1);
    const form = uploads[0]!.body as Buffer;
    expect(form.toString('utf8')).toContain(`name="description"\r\n\r\n${ALT}\r\n`);
    expect(form.toString('utf8')).toContain('Content-Type: image/png');
    expect(form.includes(PNG)).toBe(true);
    // The upload answered 202; the status was only posted once the replay server said it was processed.
    expect(server.requests.filter((r) => r.path.startsWith('/api/v1/media/')).length).toBeGreaterThan(0);

    const statuses = server.requestsTo('POST', '/api/v1/statuses');
    expect(statuses).toHaveLength(1);
    const uploadedId = (
      await connector.http.send('GET', `/api/v1/statuses/${job!.remoteId}`, { action: 't' })
    ).body as { media_attachments: { id: string; description: string | null }[] };
    expect((statuses[0]!.body as { media_ids?: string[] }).media_ids).toEqual([
      uploadedId.media_attachments[0]!.id,
    ]);
    expect(statuses[0]!.headers['idempotency-key']).toBe(job!.idempotencyKey);
  });

  it('stops for the person when an image is no longer in the media store', async () => {
    const calls: PublishPostInput[] = [];
    h = await createHarness({
      gateway: createConnectorGateway({
        publisher: () => Promise.resolve(createBlueskyPublisher(recordingBluesky(calls))),
        media: () => null,
      }),
    });
    const [job] = await submitAndSettle(h, withImage(post('Lost picture'), 'a'.repeat(64)));
    expect(job!.state).toBe('needs_attention');
    expect(job!.lastError?.message).toMatch(/Image 1 of this post is no longer stored/);
    expect(calls).toHaveLength(0);
  });
});
