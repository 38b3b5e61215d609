// Every Bluesky column type read through the connector from a real local network (PDS + AppView): fresh
// random accounts, unique keywords, and the AppView caught up through the sandbox's process-all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { StreamItemSchema } from '../../../src-shared/domain/stream-item.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { avatarPng } from '../../sandbox/png.ts';
import { startFeedGenerator } from './support/feed-generator.ts';
import type { FeedGenerator } from './support/feed-generator.ts';
import { firstPage, itemsOf, person, sandbox, uniqueWord } from './support/world.ts';
import type { Person } from './support/world.ts';

let me: Person;
let friend: Person;
let stranger: Person;
const word = uniqueWord();
const tag = uniqueWord('tag');
const refs: Record<string, { uri: string; cid: string }> = {};
let listUri = '';
let generator: FeedGenerator;
let feedUri = '';

const byRemoteId = (items: readonly StreamItem[], uri: string): StreamItem | undefined =>
  items.find((i) => i.remoteId === uri);

beforeAll(async () => {
  [me, friend, stranger] = [await person('me'), await person('friend'), await person('stranger')];
  await sandbox.follow(me.account.handle, friend.account.handle);

  refs.friendPost = await sandbox.post({ handle: friend.account.handle, text: `Plain post ${word}` });
  refs.tagged = await sandbox.post({ handle: friend.account.handle, text: `Tagged post #${tag} ${word}` });
  refs.strangerPost = await sandbox.post({
    handle: stranger.account.handle,
    text: `Stranger speaking ${word}`,
  });
  await sandbox.repost(friend.account.handle, refs.strangerPost);

  // Rich text: accents and emoji before the facets move UTF-8 byte offsets away from UTF-16 ones.
  refs.rich = await sandbox.post({
    handle: friend.account.handle,
    text: `Café 🎉👩‍👩‍👧 déjà vu @${me.account.handle} see https://example.com/été #${tag} ${word}`,
  });
  const image = await friend.agent.uploadBlob(avatarPng([200, 30, 30], 32), { encoding: 'image/png' });
  refs.withImage = await friend.agent.post({
    text: `Picture ${word}`,
    embed: {
      $type: 'app.bsky.embed.images',
      images: [
        {
          image: image.data.blob,
          alt: 'A red square, slightly lighter bottom-right',
          aspectRatio: { width: 32, height: 32 },
        },
      ],
    },
  });
  refs.withCard = await friend.agent.post({
    text: `Card ${word}`,
    embed: {
      $type: 'app.bsky.embed.external',
      external: { uri: 'https://example.com/article', title: 'An article', description: 'What it is about' },
    },
  });

  // Towards me: a mention, a reply, a quote, a like and a follow.
  refs.myPost = await sandbox.post({ handle: me.account.handle, text: `My own post ${word}` });
  refs.mention = await sandbox.post({
    handle: stranger.account.handle,
    text: `Hello @${me.account.handle} ${word}`,
  });
  refs.reply = await sandbox.post({
    handle: stranger.account.handle,
    text: `Replying ${word}`,
    replyTo: refs.myPost,
  });
  refs.quote = await stranger.agent.post({
    text: `Quoting ${word}`,
    embed: { $type: 'app.bsky.embed.record', record: refs.myPost },
  });
  refs.like = await sandbox.like(stranger.account.handle, refs.myPost);
  refs.follow = await sandbox.follow(stranger.account.handle, me.account.handle);

  // A list of mine with the stranger in it.
  const list = await me.agent.com.atproto.repo.createRecord({
    repo: me.account.did,
    collection: 'app.bsky.graph.list',
    record: {
      $type: 'app.bsky.graph.list',
      purpose: 'app.bsky.graph.defs#curatelist',
      name: `List ${word}`,
      createdAt: new Date().toISOString(),
    },
  });
  listUri = list.data.uri;
  await me.agent.com.atproto.repo.createRecord({
    repo: me.account.did,
    collection: 'app.bsky.graph.listitem',
    record: {
      $type: 'app.bsky.graph.listitem',
      subject: stranger.account.did,
      list: listUri,
      createdAt: new Date().toISOString(),
    },
  });

  // A custom feed served by a generator of our own, declared in my repo.
  generator = await startFeedGenerator();
  generator.posts = [refs.strangerPost.uri, refs.friendPost.uri];
  const feed = await me.agent.com.atproto.repo.createRecord({
    repo: me.account.did,
    collection: 'app.bsky.feed.generator',
    rkey: word.slice(0, 15),
    record: {
      $type: 'app.bsky.feed.generator',
      did: generator.did,
      displayName: 'Test feed',
      createdAt: new Date().toISOString(),
    },
  });
  feedUri = feed.data.uri;
  await sandbox.processAll();
});

afterAll(async () => {
  await generator?.close();
});

describe('Bluesky columns against the local network', () => {
  it('home: followed posts, reposts with `via`, and items that satisfy the shared schema', async () => {
    const page = await firstPage(me, 'home');
    const items = page.items;
    for (const item of items) expect(StreamItemSchema.safeParse(item).success).toBe(true);
    const plain = byRemoteId(items, refs.friendPost!.uri);
    expect(plain).toMatchObject({
      kind: 'post',
      key: `bluesky:${refs.friendPost!.uri}`,
      actionRef: refs.friendPost!.cid,
      text: `Plain post ${word}`,
      accountId: 'acct-test',
      author: { id: friend.account.did, handle: friend.account.handle },
    });
    const repost = items.find((i) => i.kind === 'repost' && i.remoteId === refs.strangerPost!.uri);
    expect(repost?.via?.id).toBe(friend.account.did);
    expect(repost?.author.id).toBe(stranger.account.did);
    expect(repost?.key).not.toBe(`bluesky:${refs.strangerPost!.uri}`);
    // The stranger is not followed: only the repost brought the post in.
    expect(items.filter((i) => i.remoteId === refs.strangerPost!.uri)).toHaveLength(1);
    expect(page.newest).toContain(items[0]!.key);
  });

  it('normalises facets to UTF-16 offsets, images with alt text and link cards', async () => {
    const items = await itemsOf(me, 'home');
    const rich = byRemoteId(items, refs.rich!.uri)!;
    const slices = rich.facets.map((f) => [f.kind, rich.text.slice(f.start, f.end), f.value]);
    expect(slices).toEqual([
      ['mention', `@${me.account.handle}`, me.account.did],
      ['link', 'https://example.com/été', 'https://example.com/été'],
      ['hashtag', `#${tag}`, tag],
    ]);
    const image = byRemoteId(items, refs.withImage!.uri)!;
    expect(image.media).toHaveLength(1);
    expect(image.media[0]).toMatchObject({
      kind: 'image',
      alt: 'A red square, slightly lighter bottom-right',
      width: 32,
      height: 32,
    });
    expect(image.media[0]!.url).toMatch(/^http:\/\/localhost:\d+\/img\//);
    const card = byRemoteId(items, refs.withCard!.uri)!;
    expect(card.title).toBe('An article');
    expect(card.media[0]).toMatchObject({
      kind: 'unknown',
      url: 'https://example.com/article',
      alt: 'What it is about',
    });
  });

  it('author: by handle and by DID, replies included', async () => {
    for (const actor of [friend.account.handle, friend.account.did]) {
      const items = await itemsOf(me, 'author', actor);
      expect(items.length).toBeGreaterThanOrEqual(5);
      expect(items.every((i) => i.author.id === friend.account.did || i.via?.id === friend.account.did)).toBe(
        true,
      );
      expect(byRemoteId(items, refs.tagged!.uri)).toBeDefined();
    }
    const strangerItems = await itemsOf(me, 'author', stranger.account.handle);
    expect(byRemoteId(strangerItems, refs.reply!.uri)).toMatchObject({
      kind: 'reply',
      replyTo: { remoteId: refs.myPost!.uri, authorHandle: me.account.handle },
    });
    const quote = byRemoteId(strangerItems, refs.quote!.uri)!;
    expect(quote.quote).toMatchObject({
      remoteId: refs.myPost!.uri,
      text: `My own post ${word}`,
      author: { id: me.account.did },
    });
  });

  it('search and hashtag: searchPosts finds exactly the posts with the word or the tag', async () => {
    const search = await itemsOf(stranger, 'search', word);
    expect(new Set(search.map((i) => i.remoteId))).toEqual(
      new Set(
        [
          refs.friendPost,
          refs.tagged,
          refs.strangerPost,
          refs.rich,
          refs.withImage,
          refs.withCard,
          refs.myPost,
          refs.mention,
          refs.reply,
          refs.quote,
        ].map((r) => r!.uri),
      ),
    );
    for (const param of [tag, `#${tag}`]) {
      const tagged = await itemsOf(stranger, 'hashtag', param);
      expect(tagged.map((i) => i.remoteId).sort()).toEqual([refs.tagged!.uri, refs.rich!.uri].sort());
    }
  });

  it('mentions: mentions, replies and quotes of me, as posts with counts, and nothing else', async () => {
    const items = await itemsOf(me, 'mentions');
    expect(items.map((i) => [i.kind, i.remoteId]).sort()).toEqual(
      [
        ['mention', refs.mention!.uri],
        ['mention', refs.rich!.uri],
        ['reply', refs.reply!.uri],
        ['quote', refs.quote!.uri],
      ].sort(),
    );
    const reply = items.find((i) => i.kind === 'reply')!;
    expect(reply).toMatchObject({
      text: `Replying ${word}`,
      actionRef: refs.reply!.cid,
      author: { id: stranger.account.did },
    });
    expect(reply.replyTo?.remoteId).toBe(refs.myPost!.uri);
  });

  it('notifications: like (with the post it is about) and follow on top of the mentions', async () => {
    const items = await itemsOf(me, 'notifications');
    const kinds = items.map((i) => i.kind).sort();
    expect(kinds).toEqual(['follow', 'like', 'mention', 'mention', 'quote', 'reply']);
    const like = items.find((i) => i.kind === 'like')!;
    expect(like).toMatchObject({ remoteId: refs.like!.uri, author: { id: stranger.account.did } });
    expect(like.quote).toMatchObject({ remoteId: refs.myPost!.uri, text: `My own post ${word}` });
    expect(items.find((i) => i.kind === 'follow')?.remoteId).toBe(refs.follow!.uri);
  });

  it('list: the feed of a list I made holds its member’s posts only', async () => {
    const items = await itemsOf(me, 'list', listUri);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((i) => i.author.id === stranger.account.did)).toBe(true);
    expect(byRemoteId(items, refs.strangerPost!.uri)).toBeDefined();
  });

  it('feed: a custom feed is hydrated from what its generator serves, in its order', async () => {
    const before = generator.requests();
    const items = await itemsOf(me, 'feed', feedUri);
    expect(items.map((i) => i.remoteId)).toEqual([refs.strangerPost!.uri, refs.friendPost!.uri]);
    expect(generator.requests()).toBeGreaterThan(before);
  });

  it('feed: an unknown feed URI is a not_found RoostError, not a crash', async () => {
    const error = await firstPage(
      me,
      'feed',
      `at://${me.account.did}/app.bsky.feed.generator/${uniqueWord('nofeed')}`,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RoostError);
    expect((error as RoostError).code).toBe('not_found');
  });

  it('a column without its parameter is invalid_input', async () => {
    const error = await firstPage(me, 'search', '  ').catch((e: unknown) => e);
    expect((error as RoostError).code).toBe('invalid_input');
  });
});
