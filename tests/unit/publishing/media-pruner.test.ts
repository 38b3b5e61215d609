// Media pruning on real files in a temporary folder and a real outbox on SQLite, with simulated time: images
// go after 30 days unless an unfinished job needs them or they were stored again, crashed writes' temp files
// go, foreign files stay, and a post whose image was pruned stops for the person with nothing published.
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { OutgoingPost } from '../../../src-shared/compose/post.ts';
import {
  createBlueskyPublisher,
  type BlueskyRecords,
} from '../../../src-main/connectors/bluesky/bluesky-publisher.ts';
import type { PublishPostInput } from '../../../src-main/connectors/bluesky/publish.ts';
import { createConnectorGateway } from '../../../src-main/publishing/connector-gateway.ts';
import {
  createMediaPruner,
  MEDIA_RETENTION_MS,
  mediaInUse,
  PRUNE_INTERVAL_MS,
  TEMP_GRACE_MS,
} from '../../../src-main/publishing/media-pruner.ts';
import {
  createMediaStore,
  type MediaStore,
  type PruneResult,
} from '../../../src-main/publishing/media-store.ts';
import { createHarness, post, type Harness } from './support/harness.ts';

const PNG = readFileSync(join(import.meta.dirname, '../../../resources/tray.png'));
const DAY = 24 * 60 * 60 * 1000;
const GIF = (n: number) => Buffer.from(`GIF89a\x01\x00\x01\x00\x00\x00${String.fromCharCode(n)};`, 'latin1');

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A harness (real SQLite outbox, simulated time) with a media store and pruner on its data folder. */
async function setUp(gateway?: Parameters<typeof createHarness>[0]) {
  h = await createHarness(gateway);
  const harness = h;
  const media = createMediaStore(harness.dir, { now: () => harness.now() });
  const pruner = createMediaPruner({
    media,
    inUse: () => mediaInUse(harness.module.repo),
    clock: { now: () => harness.now() },
    timers: harness.time.timers,
  });
  const files = (): string[] => readdirSync(join(harness.dir, 'media')).sort();
  return { harness, media, pruner, files };
}

const putGif = (media: MediaStore, n: number) =>
  media.put({ mimeType: 'image/gif', dataBase64: GIF(n).toString('base64') }).id;

function withImage(base: OutgoingPost, id: string): OutgoingPost {
  return {
    ...base,
    targets: base.targets.map((t) => ({
      ...t,
      media: [{ id, kind: 'image', mimeType: 'image/png', bytes: PNG.length, alt: 'The roost icon' }],
    })),
  };
}

function submit(harness: Harness, outgoing: OutgoingPost) {
  return harness.module.service.submit({
    draftId: null,
    post: outgoing,
    clearanceId: null,
    undoSeconds: 0,
    campaign: null,
  }).jobs;
}

describe('media pruning', () => {
  it('keeps an image for the retention period after it was stored, then removes it', async () => {
    const { harness, media, pruner, files } = await setUp();
    const id = putGif(media, 1);
    await harness.time.advance(MEDIA_RETENTION_MS - DAY);
    expect(pruner.pruneNow()).toEqual({ removed: [], tempsRemoved: 0, remaining: 1 });
    expect(files()).toEqual([`${id}.gif`]);

    await harness.time.advance(2 * DAY);
    expect(pruner.pruneNow()).toEqual({ removed: [id], tempsRemoved: 0, remaining: 0 });
    expect(files()).toEqual([]);
    expect(media.get(id)).toBeNull();
  });

  it('starts the retention over when the same bytes are stored again', async () => {
    const { harness, media, pruner, files } = await setUp();
    const id = putGif(media, 2);
    await harness.time.advance(20 * DAY);
    expect(putGif(media, 2)).toBe(id);
    expect(statSync(join(harness.dir, 'media', `${id}.gif`)).mtimeMs).toBe(harness.now());

    await harness.time.advance(20 * DAY); // 40 days after the first upload, 20 after the second
    expect(pruner.pruneNow().removed).toEqual([]);
    expect(files()).toEqual([`${id}.gif`]);
    await harness.time.advance(11 * DAY);
    expect(pruner.pruneNow().removed).toEqual([id]);
  });

  it('keeps what an unfinished job needs whatever its age, and lets it go once the job is sent or cancelled', async () => {
    const { harness, media, pruner } = await setUp();
    const scheduled = media.put({ mimeType: 'image/png', dataBase64: PNG.toString('base64') }).id;
    const troubled = putGif(media, 3);
    const sent = putGif(media, 4);
    const orphan = putGif(media, 5);

    // Scheduled far ahead: queued for months.
    const inAYear = new Date(harness.now() + 365 * DAY).toISOString();
    const [queuedJob] = submit(harness, withImage(post('Later', ['acct-1'], inAYear), scheduled));
    // A permanent refusal leaves the job waiting for the person: still unfinished.
    harness.network.script.push(new RoostError('invalid_input', 'Refused.'));
    const [attentionJob] = submit(harness, withImage(post('Refused'), troubled));
    const [sentJob] = submit(harness, withImage(post('Out'), sent));
    await harness.time.advance(1_000);
    expect(harness.module.repo.get(queuedJob!.id)?.state).toBe('queued');
    expect(harness.module.repo.get(attentionJob!.id)?.state).toBe('needs_attention');
    expect(harness.module.repo.get(sentJob!.id)?.state).toBe('sent');
    expect(mediaInUse(harness.module.repo)).toEqual(new Set([scheduled, troubled]));

    await harness.time.advance(MEDIA_RETENTION_MS + DAY);
    expect(new Set(pruner.pruneNow().removed)).toEqual(new Set([sent, orphan]));
    expect(media.get(scheduled)).not.toBeNull();
    expect(media.get(troubled)).not.toBeNull();

    expect(await harness.module.service.cancel(queuedJob!.id)).toEqual({ cancelled: true });
    expect(await harness.module.service.cancel(attentionJob!.id)).toEqual({ cancelled: true });
    expect(new Set(pruner.pruneNow().removed)).toEqual(new Set([scheduled, troubled]));
  });

  it('removes temp files a crashed write left once they are old, and never touches foreign files', async () => {
    const { harness, media, pruner, files } = await setUp();
    const id = putGif(media, 6);
    const dir = join(harness.dir, 'media');
    const stale = `.${id}.0b7e6a1c-1f2d-4e3a-9b8c-7d6e5f4a3b2c.tmp`;
    const fresh = `.${id}.1c8f7b2d-2a3e-4f4b-8c9d-8e7f6a5b4c3d.tmp`;
    const foreign = ['notes.txt', `${id}.bmp`, 'abc.png'];
    for (const name of [stale, fresh, ...foreign]) writeFileSync(join(dir, name), 'partial');
    const old = (harness.now() - TEMP_GRACE_MS - 1_000) / 1000;
    const ancient = (harness.now() - 365 * DAY) / 1000;
    utimesSync(join(dir, stale), old, old);
    utimesSync(join(dir, fresh), harness.now() / 1000, harness.now() / 1000);
    for (const name of foreign) utimesSync(join(dir, name), ancient, ancient);

    expect(pruner.pruneNow()).toEqual({ removed: [], tempsRemoved: 1, remaining: 1 });
    expect(files()).toEqual([fresh, `${id}.bmp`, `${id}.gif`, 'abc.png', 'notes.txt'].sort());
  });

  it('has nothing to do before any image was stored', async () => {
    const { pruner } = await setUp();
    expect(pruner.pruneNow()).toEqual({ removed: [], tempsRemoved: 0, remaining: 0 });
  });

  it('runs at start-up and then once a day until stopped, surviving a failed pass', async () => {
    h = await createHarness();
    const harness = h;
    const runs: number[] = [];
    const errors: unknown[] = [];
    let failNext = false;
    const pruner = createMediaPruner({
      media: {
        prune(request) {
          runs.push(harness.now());
          expect(request.storedBefore).toBe(harness.now() - MEDIA_RETENTION_MS);
          if (failNext) {
            failNext = false;
            throw new Error('disk busy');
          }
          return { removed: [], tempsRemoved: 0, remaining: 0 } satisfies PruneResult;
        },
      },
      inUse: () => new Set(),
      clock: { now: () => harness.now() },
      timers: harness.time.timers,
      onError: (error) => errors.push(error),
    });
    const start = harness.now();
    const stop = pruner.start();
    expect(errors).toEqual([]);
    expect(runs).toEqual([start]);
    failNext = true;
    await harness.time.advance(PRUNE_INTERVAL_MS);
    await harness.time.advance(PRUNE_INTERVAL_MS);
    expect(runs).toEqual([start, start + PRUNE_INTERVAL_MS, start + 2 * PRUNE_INTERVAL_MS]);
    expect(errors).toHaveLength(1);
    stop();
    await harness.time.advance(3 * PRUNE_INTERVAL_MS);
    expect(runs).toHaveLength(3);
  });

  it('a post whose image was pruned stops for the person, naming the image, and nothing is published', async () => {
    const calls: PublishPostInput[] = [];
    const bluesky = {
      did: 'did:plc:user1',
      publishPost: (input: PublishPostInput) => {
        calls.push(input);
        return Promise.reject(new Error('must not be called'));
      },
      findPostByRkey: () => Promise.resolve(null),
    } as unknown as BlueskyRecords;
    const { harness, media, pruner } = await setUp({
      gateway: createConnectorGateway({
        publisher: () => Promise.resolve(createBlueskyPublisher(bluesky)),
        // The store keeps nothing in memory: one on the harness's folder sees what the pruner left.
        media: (id) => createMediaStore(h!.dir).get(id),
      }),
    });
    // Uploaded for a draft that then stayed unsent for longer than the retention period.
    const id = media.put({ mimeType: 'image/png', dataBase64: PNG.toString('base64') }).id;
    await harness.time.advance(MEDIA_RETENTION_MS + DAY);
    expect(pruner.pruneNow().removed).toEqual([id]);

    const [job] = submit(harness, withImage(post('Reopened draft'), id));
    for (let i = 0; i < 50 && harness.module.repo.get(job!.id)?.state !== 'needs_attention'; i++) {
      await harness.time.advance(1_000);
    }
    const settled = harness.module.repo.get(job!.id);
    expect(settled?.state).toBe('needs_attention');
    expect(settled?.lastError?.message).toMatch(/Image 1 of this post is no longer stored/);
    expect(calls).toHaveLength(0);
  });
});
