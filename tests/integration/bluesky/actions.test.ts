// Acting on items and publishing through the Bluesky connector against the real local network: like/unlike,
// and through its publisher repost/unrepost, reply (root and parent refs, facets), quote and delete; thread,
// and idempotent publishing.
import { beforeAll, describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { newPostRkey } from '../../../src-shared/atproto/tid.ts';
import type { SendResult } from '../../../src-main/connectors/publisher.ts';
import { freshKeys, postToSend, refTo, subjectOf } from '../../support/publisher-inputs.ts';
import { avatarPng } from '../../sandbox/png.ts';
import { itemsOf, person, sandbox, uniqueWord } from './support/world.ts';
import type { Person } from './support/world.ts';

let me: Person;
let friend: Person;

beforeAll(async () => {
  [me, friend] = [await person('actor'), await person('pal')];
  await sandbox.follow(me.account.handle, friend.account.handle);
});

async function homeItem(uri: string): Promise<StreamItem> {
  const item = (await itemsOf(me, 'home')).find((i) => i.remoteId === uri && i.kind !== 'repost');
  if (!item) throw new Error(`${uri} is not on the home timeline`);
  return item;
}

/** The published post of a send that was not handed to a server-held schedule (Bluesky holds none). */
function published(result: SendResult): { remoteId: string } {
  if (result.kind !== 'published') throw new Error('Bluesky scheduled a post it should have published');
  return result;
}

async function record(who: Person, uri: string): Promise<Record<string, unknown>> {
  const [, repo, collection, rkey] = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri) as unknown as string[];
  const answer = await who.agent.com.atproto.repo.getRecord({
    repo: repo!,
    collection: collection!,
    rkey: rkey!,
  });
  return answer.data.value as Record<string, unknown>;
}

describe('Bluesky actions against the local network', () => {
  it('likes and unlikes, even when the item held no record of the like', async () => {
    const post = await sandbox.post({ handle: friend.account.handle, text: `Like me ${uniqueWord()}` });
    const item = await homeItem(post.uri);
    expect(item.viewer.liked).toBeNull();

    const { remoteId: like } = await me.connector.act({ kind: 'like', item });
    expect(like).toMatch(new RegExp(`^at://${me.account.did}/app.bsky.feed.like/`));
    await sandbox.processAll();
    const liked = await homeItem(post.uri);
    expect(liked.viewer.liked).toBe(like);
    expect(liked.counts.likes).toBe(1);

    // The stale item (no viewer.liked) still unlikes: the connector looks the like up.
    expect(await me.connector.act({ kind: 'unlike', item })).toEqual({ remoteId: like });
    await sandbox.processAll();
    const unliked = await homeItem(post.uri);
    expect(unliked.viewer.liked).toBeNull();
    expect(unliked.counts.likes).toBe(0);
  });

  it('reposts and unreposts', async () => {
    const post = await sandbox.post({ handle: friend.account.handle, text: `Repost me ${uniqueWord()}` });
    const { remoteId: repost } = await me.connector.publisher.repost(
      subjectOf(await homeItem(post.uri)),
      freshKeys(newPostRkey(Date.now())),
    );
    await sandbox.processAll();
    const reposted = await homeItem(post.uri);
    expect(reposted.viewer.reposted).toBe(repost);
    expect(reposted.counts.reposts).toBe(1);
    const mine = await itemsOf(me, 'author', me.account.handle);
    expect(mine.find((i) => i.kind === 'repost' && i.remoteId === post.uri)?.via?.id).toBe(me.account.did);

    await me.connector.publisher.unrepost(subjectOf(reposted), freshKeys());
    await sandbox.processAll();
    expect((await homeItem(post.uri)).counts.reposts).toBe(0);
  });

  it('replies deep in a thread with the thread root and the parent, and facets', async () => {
    const word = uniqueWord();
    const root = await sandbox.post({ handle: friend.account.handle, text: `Root ${word}` });
    const middle = await sandbox.post({
      handle: friend.account.handle,
      text: `Middle ${word}`,
      replyTo: root,
    });
    const { remoteId } = published(
      await me.connector.publisher.send(
        postToSend(`Agreed @${friend.account.handle} #${word} ✨`, {
          keys: freshKeys(newPostRkey(Date.now())),
          replyTo: refTo(await homeItem(middle.uri)),
        }),
      ),
    );
    const value = await record(me, remoteId as string);
    expect(value.reply).toEqual({
      root: { uri: root.uri, cid: root.cid },
      parent: { uri: middle.uri, cid: middle.cid },
    });
    const features = (value.facets as { features: { $type: string }[] }[]).map((f) => f.features[0]!.$type);
    expect(features).toEqual(['app.bsky.richtext.facet#mention', 'app.bsky.richtext.facet#tag']);

    await sandbox.processAll();
    const rootItem = await homeItem(root.uri);
    const thread = await me.connector.thread(rootItem);
    expect(thread.map((i) => i.remoteId)).toEqual([root.uri, middle.uri, remoteId]);
    // From the leaf: parents first, root at the top.
    const leaf = thread[2]!;
    expect((await me.connector.thread(leaf)).map((i) => i.remoteId)).toEqual([
      root.uri,
      middle.uri,
      remoteId,
    ]);
    expect(leaf.replyTo?.remoteId).toBe(middle.uri);
  });

  it('quotes a post', async () => {
    const post = await sandbox.post({ handle: friend.account.handle, text: `Quote me ${uniqueWord()}` });
    const { remoteId } = published(
      await me.connector.publisher.send(
        postToSend('Worth reading', {
          keys: freshKeys(newPostRkey(Date.now())),
          quote: refTo(await homeItem(post.uri)),
        }),
      ),
    );
    expect((await record(me, remoteId as string)).embed).toEqual({
      $type: 'app.bsky.embed.record',
      record: { uri: post.uri, cid: post.cid },
    });
    await sandbox.processAll();
    const quoted = (await itemsOf(me, 'author', me.account.did)).find((i) => i.remoteId === remoteId);
    expect(quoted?.quote?.remoteId).toBe(post.uri);
  });

  it('deletes its own post, and refuses to delete someone else’s', async () => {
    const rkey = newPostRkey(Date.now());
    const published = await me.connector.publishPost({ text: `Delete me ${uniqueWord()}`, rkey });
    await sandbox.processAll();
    const mine = (await itemsOf(me, 'author', me.account.did)).find((i) => i.remoteId === published.uri)!;
    await me.connector.publisher.deletePost(subjectOf(mine));
    expect(await me.connector.findPostByRkey(rkey)).toBeNull();

    const theirs = await sandbox.post({ handle: friend.account.handle, text: `Not yours ${uniqueWord()}` });
    const error = await me.connector.publisher
      .deletePost(subjectOf(await homeItem(theirs.uri)))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RoostError);
    expect((error as RoostError).code).toBe('forbidden');
    await sandbox.processAll();
    expect(await homeItem(theirs.uri)).toBeDefined();
  });

  it('publishes with a chosen record key exactly once, even when retried or raced', async () => {
    const word = uniqueWord();
    const rkey = newPostRkey(Date.now());
    const first = await me.connector.publishPost({ text: `Once ${word}`, rkey, langs: ['en'] });
    expect(first).toMatchObject({
      rkey,
      created: true,
      uri: `at://${me.account.did}/app.bsky.feed.post/${rkey}`,
    });
    const retry = await me.connector.publishPost({ text: `Once ${word}`, rkey, langs: ['en'] });
    expect(retry).toEqual({ ...first, created: false });

    const raceKey = newPostRkey(Date.now() + 1);
    const raced = await Promise.all([
      me.connector.publishPost({ text: `Raced ${word}`, rkey: raceKey }),
      me.connector.publishPost({ text: `Raced ${word}`, rkey: raceKey }),
    ]);
    expect(raced[0].uri).toBe(raced[1].uri);
    expect(raced.filter((r) => r.created)).toHaveLength(1);

    await sandbox.processAll();
    const found = await itemsOf(me, 'search', word);
    expect(found.map((i) => i.text).sort()).toEqual([`Once ${word}`, `Raced ${word}`]);
    expect(await me.connector.findPostByRkey(rkey)).toMatchObject({
      uri: first.uri,
      cid: first.cid,
      text: `Once ${word}`,
    });
    expect(await me.connector.findPostByRkey(newPostRkey(Date.now() + 5))).toBeNull();
  });

  it('publishes a reply with images and a quote (record with media), alt text included', async () => {
    const word = uniqueWord();
    const target = await sandbox.post({ handle: friend.account.handle, text: `Target ${word}` });
    const published = await me.connector.publishPost({
      text: `With media ${word}`,
      rkey: newPostRkey(Date.now()),
      replyTo: target,
      quote: target,
      images: [
        {
          data: avatarPng([10, 120, 200], 24),
          mimeType: 'image/png',
          alt: 'Blue square',
          width: 24,
          height: 24,
        },
      ],
    });
    await sandbox.processAll();
    const item = (await itemsOf(me, 'search', word)).find((i) => i.remoteId === published.uri)!;
    expect(item.kind).toBe('reply');
    expect(item.media).toMatchObject([{ kind: 'image', alt: 'Blue square', width: 24, height: 24 }]);
    expect(item.quote?.remoteId).toBe(target.uri);
  });

  it('refuses what Bluesky would refuse before sending it', async () => {
    const tooLong = 'é'.repeat(301);
    const rkey = newPostRkey(Date.now());
    const errors = await Promise.all([
      me.connector.publishPost({ text: tooLong, rkey }).catch((e: unknown) => e),
      me.connector.publishPost({ text: 'bad key', rkey: 'not-a-tid' }).catch((e: unknown) => e),
      // 300 graphemes, but 5,400 bytes: over the lexicon's 3,000-byte cap.
      me.connector.publishPost({ text: '👩‍👩‍👧'.repeat(300), rkey }).catch((e: unknown) => e),
    ]);
    expect(errors.map((e) => (e as RoostError).code)).toEqual([
      'invalid_input',
      'invalid_input',
      'invalid_input',
    ]);
    expect(await me.connector.findPostByRkey(rkey)).toBeNull();
    // Exactly 300 graphemes within 3,000 bytes is allowed.
    const ok = await me.connector.publishPost({ text: 'é'.repeat(150) + '🎉'.repeat(150), rkey });
    expect(ok.created).toBe(true);
  });
});
