// A post with an image and its alt text, published by the real outbox through the real Bluesky connector
// to the local Bluesky network: the image goes through the media store exactly as main keeps uploads, and
// the post's record and the AppView's view both carry it with the alt text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { OutgoingPost } from '../../../src-shared/compose/post.ts';
import { SandboxClient } from '../../support/sandbox-client.ts';
import { signedInBlueskyAccount } from './support/bluesky-account.ts';
import { startBlueskyOutbox } from './support/bluesky-outbox.ts';

const info = inject('sandbox');
const sandbox = new SandboxClient(info);
const PNG = readFileSync(join(import.meta.dirname, '../../../resources/tray.png'));

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

interface ImagesRecord {
  readonly text: string;
  readonly embed?: {
    readonly $type: string;
    readonly images: { alt: string; image: { mimeType: string; size: number } }[];
  };
}

describe('publishing an image with alt text to the local Bluesky network', () => {
  it('the post carries the image and its alt text', { timeout: 60_000 }, async () => {
    const user = await sandbox.createAccount({ handlePrefix: 'images' });
    const { connector, account } = await signedInBlueskyAccount(info, user);
    const outbox = await startBlueskyOutbox(connector, account);
    cleanup = outbox.stop;
    const { media } = outbox;

    // What media:upload does with the composer's base64.
    const { id } = media.put({ mimeType: 'image/png', dataBase64: PNG.toString('base64') });
    const marker = `images${Date.now().toString(36)}`;
    const alt = `${marker}: the Roost tray icon, a small bird on a branch`;
    const post: OutgoingPost = {
      targets: [
        {
          accountId: account.id,
          network: 'bluesky',
          text: `${marker} with a picture`,
          contentWarning: null,
          media: [{ id, kind: 'image', mimeType: 'image/png', bytes: PNG.length, alt }],
          visibility: null,
          language: 'en',
          followUps: [],
        },
      ],
      replyTo: null,
      quote: null,
      scheduledAt: null,
    };
    const [job] = await outbox.publishNow(post);
    if (!job) throw new Error('the job disappeared');
    expect([job.state, job.lastError?.message ?? null]).toEqual(['sent', null]);

    // The record on the PDS: one image, the PNG's size and type, the alt text.
    const agent = new AtpAgent({ service: info.pdsUrl });
    const answer = await agent.com.atproto.repo.getRecord({
      repo: account.remoteId,
      collection: 'app.bsky.feed.post',
      rkey: job.rkey!,
    });
    const record = answer.data.value as unknown as ImagesRecord;
    expect(record.text).toBe(`${marker} with a picture`);
    expect(record.embed?.$type).toBe('app.bsky.embed.images');
    expect(
      record.embed?.images.map((i) => ({ alt: i.alt, mimeType: i.image.mimeType, size: i.image.size })),
    ).toEqual([{ alt, mimeType: 'image/png', size: PNG.length }]);

    // The AppView shows the post with its image and the same alt text.
    await sandbox.processAll();
    const appview = new AtpAgent({ service: info.appviewUrl });
    const views = await appview.app.bsky.feed.getPosts({ uris: [job.remoteId!] });
    const embed = views.data.posts[0]?.embed as { $type?: string; images?: { alt: string }[] } | undefined;
    expect(embed?.$type).toBe('app.bsky.embed.images#view');
    expect(embed?.images?.map((i) => i.alt)).toEqual([alt]);
  });
});
