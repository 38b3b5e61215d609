// A two-post thread whose second post carries an image, published by the real outbox through the real
// Bluesky connector to the local Bluesky network: the first post has no embed, the reply carries the image
// with its alt text (in its PDS record and in the AppView's view) and answers the first post.
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

interface PostRecord {
  readonly text: string;
  readonly reply?: { parent: { uri: string }; root: { uri: string } };
  readonly embed?: {
    readonly $type: string;
    readonly images: { alt: string; image: { mimeType: string; size: number } }[];
  };
}

describe('a thread with an image on its second post, on the local Bluesky network', () => {
  it(
    'the reply carries the image and its alt text; the first post carries none',
    { timeout: 60_000 },
    async () => {
      const user = await sandbox.createAccount({ handlePrefix: 'thimg' });
      const { connector, account } = await signedInBlueskyAccount(info, user);
      const outbox = await startBlueskyOutbox(connector, account);
      cleanup = outbox.stop;
      const { media } = outbox;

      const { id } = media.put({ mimeType: 'image/png', dataBase64: PNG.toString('base64') });
      const marker = `thimg${Date.now().toString(36)}`;
      const alt = `${marker}: the Roost tray icon on the second post`;
      const post: OutgoingPost = {
        targets: [
          {
            accountId: account.id,
            network: 'bluesky',
            text: `${marker} 1/2`,
            contentWarning: null,
            media: [],
            visibility: null,
            language: 'en',
            followUps: [
              {
                text: `${marker} 2/2 with a picture`,
                contentWarning: null,
                media: [{ id, kind: 'image', mimeType: 'image/png', bytes: PNG.length, alt }],
              },
            ],
          },
        ],
        replyTo: null,
        quote: null,
        scheduledAt: null,
      };
      const jobs = await outbox.publishNow(post);
      expect(jobs).toHaveLength(2);
      const [head, reply] = jobs;
      expect([head!.state, reply!.state, reply!.lastError?.message ?? null]).toEqual(['sent', 'sent', null]);

      const agent = new AtpAgent({ service: info.pdsUrl });
      const recordOf = async (rkey: string) =>
        (
          await agent.com.atproto.repo.getRecord({
            repo: account.remoteId,
            collection: 'app.bsky.feed.post',
            rkey,
          })
        ).data.value as unknown as PostRecord;
      const first = await recordOf(head!.rkey!);
      expect(first.text).toBe(`${marker} 1/2`);
      expect(first.embed).toBeUndefined();
      const second = await recordOf(reply!.rkey!);
      expect(second.text).toBe(`${marker} 2/2 with a picture`);
      expect(second.reply?.parent.uri).toBe(head!.remoteId);
      expect(second.reply?.root.uri).toBe(head!.remoteId);
      expect(second.embed?.$type).toBe('app.bsky.embed.images');
      expect(
        second.embed?.images.map((i) => ({ alt: i.alt, mimeType: i.image.mimeType, size: i.image.size })),
      ).toEqual([{ alt, mimeType: 'image/png', size: PNG.length }]);

      // The AppView shows the reply with its image and alt text, under the first post.
      await sandbox.processAll();
      const appview = new AtpAgent({ service: info.appviewUrl });
      const views = await appview.app.bsky.feed.getPosts({ uris: [head!.remoteId!, reply!.remoteId!] });
      const byUri = new Map(views.data.posts.map((p) => [p.uri, p]));
      expect(byUri.get(head!.remoteId!)?.embed).toBeUndefined();
      const embed = byUri.get(reply!.remoteId!)?.embed as
        { $type?: string; images?: { alt: string }[] } | undefined;
      expect(embed?.$type).toBe('app.bsky.embed.images#view');
      expect(embed?.images?.map((i) => i.alt)).toEqual([alt]);
    },
  );
});
