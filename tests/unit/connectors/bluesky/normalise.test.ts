// Normalisation of recorded-shape Bluesky answers into StreamItems, including what happens to odd data.
import { describe, expect, it } from 'vitest';
import { StreamItemSchema } from '../../../../src-shared/domain/stream-item.ts';
import {
  feedViewPostToEntry,
  postViewToEntry,
} from '../../../../src-main/connectors/bluesky/normalise-feed.ts';
import {
  notificationToEntry,
  parseNotifications,
  postsToHydrate,
} from '../../../../src-main/connectors/bluesky/normalise-notification.ts';
import { PostViewSchema } from '../../../../src-main/connectors/bluesky/schemas.ts';
import { flattenThread } from '../../../../src-main/connectors/bluesky/thread.ts';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import {
  alice,
  bob,
  cidOf,
  externalEmbed,
  imagesEmbed,
  normaliseContext as ctx,
  notification,
  postView,
  recordEmbed,
  recordWithMediaEmbed,
} from './fixtures.ts';

describe('feed posts', () => {
  it('normalise a plain post with counts, author, links and the shared schema', () => {
    const entry = feedViewPostToEntry({ post: postView() }, ctx)!;
    expect(StreamItemSchema.parse(entry.item)).toEqual(entry.item);
    expect(entry.item).toMatchObject({
      key: `bluesky:at://${alice.did}/app.bsky.feed.post/3lxyzabcdef22`,
      network: 'bluesky',
      accountId: 'acct-1',
      kind: 'post',
      actionRef: cidOf('3lxyzabcdef22'),
      url: 'https://bsky.app/profile/alice.test/post/3lxyzabcdef22',
      text: 'Hello world',
      lang: 'en',
      html: null,
      counts: { replies: 2, reposts: 3, likes: 5, quotes: 1 },
      viewer: { liked: null, reposted: null },
      author: {
        id: alice.did,
        handle: 'alice.test',
        displayName: 'Alice Martin',
        profileUrl: 'https://bsky.app/profile/alice.test',
      },
    });
    expect(entry.sortAt).toBe('2026-03-01T10:00:00.000Z');
  });

  it('keep images with alt text and drop non-http media URLs', () => {
    const item = feedViewPostToEntry({ post: postView({ embed: imagesEmbed }) }, ctx)!.item;
    expect(item.media).toEqual([
      {
        kind: 'image',
        url: imagesEmbed.images[0]!.fullsize,
        thumbUrl: imagesEmbed.images[0]!.thumb,
        alt: 'A cat on a bike',
        width: 1200,
        height: 800,
      },
    ]);
  });

  it('turn a link card into a title and a link entry', () => {
    const item = feedViewPostToEntry({ post: postView({ embed: externalEmbed }) }, ctx)!.item;
    expect(item.title).toBe('Big news');
    expect(item.media).toEqual([
      {
        kind: 'unknown',
        url: 'https://example.com/news',
        thumbUrl: externalEmbed.external.thumb,
        alt: 'Something happened',
        width: null,
        height: null,
      },
    ]);
  });

  it('carry a quote, alone or with media', () => {
    const quoted = feedViewPostToEntry({ post: postView({ embed: recordEmbed() }) }, ctx)!.item;
    expect(quoted.quote).toEqual({
      remoteId: `at://${bob.did}/app.bsky.feed.post/3lquoted22222`,
      url: 'https://bsky.app/profile/bob.test/post/3lquoted22222',
      author: expect.objectContaining({ id: bob.did, displayName: 'bob.test' }),
      text: 'Quoted text',
    });
    const both = feedViewPostToEntry({ post: postView({ embed: recordWithMediaEmbed }) }, ctx)!.item;
    expect(both.quote?.text).toBe('Quoted text');
    expect(both.media.map((m) => m.alt)).toEqual(['A cat on a bike']);
    const gone = postView({
      embed: {
        $type: 'app.bsky.embed.record#view',
        record: { $type: 'app.bsky.embed.record#viewNotFound', uri: 'at://x/y/z', notFound: true },
      },
    });
    expect(feedViewPostToEntry({ post: gone }, ctx)!.item.quote).toBeNull();
  });

  it('make a repost its own item with `via`, ordered by when it was reposted', () => {
    const entry = feedViewPostToEntry(
      {
        post: postView(),
        reason: {
          $type: 'app.bsky.feed.defs#reasonRepost',
          by: bob,
          uri: `at://${bob.did}/app.bsky.feed.repost/3lrepost2222`,
          cid: cidOf('repost'),
          indexedAt: '2026-03-02T09:00:00.000Z',
        },
      },
      ctx,
    )!;
    expect(entry.item).toMatchObject({
      kind: 'repost',
      key: `bluesky:at://${bob.did}/app.bsky.feed.repost/3lrepost2222`,
      remoteId: `at://${alice.did}/app.bsky.feed.post/3lxyzabcdef22`,
      via: { id: bob.did },
      author: { id: alice.did },
    });
    expect(entry.sortAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('mark replies with their parent and its author, and self-labels as a content warning', () => {
    const parentUri = `at://${bob.did}/app.bsky.feed.post/3lparent22222`;
    const ref = { uri: parentUri, cid: cidOf('parent') };
    const entry = feedViewPostToEntry(
      {
        post: postView(
          {
            labels: [
              { src: 'did:plc:mod', uri: 'at://x', val: 'graphic-media', cts: '2026-01-01T00:00:00Z' },
            ],
          },
          {
            reply: { root: ref, parent: ref },
            labels: { $type: 'com.atproto.label.defs#selfLabels', values: [{ val: 'nudity' }] },
          },
        ),
        reply: { root: postView({ author: bob }), parent: postView({ author: bob }) },
      },
      ctx,
    )!;
    expect(entry.item.kind).toBe('reply');
    expect(entry.item.replyTo).toEqual({ remoteId: parentUri, authorHandle: 'bob.test' });
    expect(entry.item.contentWarning).toBe('graphic-media, nudity');
  });

  it('record the viewer’s own like and repost for undo', () => {
    const item = postViewToEntry(
      postView({
        viewer: { like: 'at://me/app.bsky.feed.like/1', repost: 'at://me/app.bsky.feed.repost/2' },
      }),
      ctx,
    )!.item;
    expect(item.viewer).toEqual({
      liked: 'at://me/app.bsky.feed.like/1',
      reposted: 'at://me/app.bsky.feed.repost/2',
    });
  });

  it('skip malformed posts instead of throwing', () => {
    expect(feedViewPostToEntry({ post: postView({}, { text: 42 }) }, ctx)).toBeNull();
    expect(feedViewPostToEntry({ post: { ...postView(), author: null } }, ctx)).toBeNull();
    expect(feedViewPostToEntry({ post: postView({ likeCount: -1 }) }, ctx)).toBeNull();
    expect(feedViewPostToEntry('not an object', ctx)).toBeNull();
    expect(postViewToEntry({ ...postView(), uri: 7 }, ctx)).toBeNull();
    // An unknown embed type is ignored, the post kept.
    expect(
      feedViewPostToEntry({ post: postView({ embed: { $type: 'app.bsky.embed.hologram#view' } }) }, ctx)?.item
        .media,
    ).toEqual([]);
  });

  it('do not trust a javascript: avatar', () => {
    const item = postViewToEntry(
      postView({ author: { ...alice, avatar: 'javascript:alert(1)' } }),
      ctx,
    )!.item;
    expect(item.author.avatarUrl).toBeNull();
  });
});

describe('notifications', () => {
  const mentionPost = postView({ author: bob, rkey: '3lmention2222' }, { text: 'Hi @alice.test' });

  it('show mentions as the post itself (hydrated), likes with their subject, follows as follows', () => {
    const likeSubject = `at://${alice.did}/app.bsky.feed.post/3lxyzabcdef22`;
    const raw = [
      notification('mention', { uri: mentionPost.uri, cid: mentionPost.cid, record: mentionPost.record }),
      notification('like', { reasonSubject: likeSubject }),
      notification('follow', {
        uri: `at://${bob.did}/app.bsky.graph.follow/3lfollow22222`,
        record: { $type: 'app.bsky.graph.follow', subject: alice.did, createdAt: '2026-03-01T09:00:00.000Z' },
      }),
      notification('starterpack-joined'),
    ];
    const notifications = parseNotifications(raw, null);
    expect(notifications.map((n) => n.reason)).toEqual(['mention', 'like', 'follow']);
    expect(postsToHydrate(notifications).sort()).toEqual([mentionPost.uri, likeSubject].sort());

    const views = new Map([mentionPost, postView()].map((p) => [p.uri, PostViewSchema.parse(p)]));
    const items = notifications.map((n) => notificationToEntry(n, views, ctx)!.item);
    for (const item of items) expect(StreamItemSchema.safeParse(item).success).toBe(true);
    expect(items[0]).toMatchObject({
      kind: 'mention',
      key: `bluesky:${mentionPost.uri}`,
      text: 'Hi @alice.test',
      counts: { likes: 5 },
    });
    expect(items[1]).toMatchObject({
      kind: 'like',
      author: { id: bob.did },
      quote: { remoteId: likeSubject, text: 'Hello world' },
    });
    expect(items[2]).toMatchObject({
      kind: 'follow',
      text: '',
      url: 'https://bsky.app/profile/bob.test',
      createdAt: '2026-03-01T09:00:00.000Z',
    });
  });

  it('fall back to the notification’s own record when the post view is gone', () => {
    const [n] = parseNotifications(
      [notification('reply', { uri: mentionPost.uri, cid: mentionPost.cid, record: mentionPost.record })],
      null,
    );
    const item = notificationToEntry(n!, new Map(), ctx)!.item;
    expect(item).toMatchObject({ kind: 'reply', text: 'Hi @alice.test', counts: { likes: 0, replies: 0 } });
  });

  it('filter to the asked reasons, and refuse a page where nothing is well formed', () => {
    const raw = [notification('like'), notification('quote', { record: mentionPost.record })];
    expect(parseNotifications(raw, ['mention', 'reply', 'quote']).map((n) => n.reason)).toEqual(['quote']);
    expect(parseNotifications([], null)).toEqual([]);
    expect(() => parseNotifications([{ reason: 'like' }, 17], null)).toThrow(RoostError);
    // One bad notification among good ones is skipped.
    expect(parseNotifications([{ reason: 'like' }, notification('follow')], null)).toHaveLength(1);
  });
});

describe('threads', () => {
  const node = (post: ReturnType<typeof postView>, extra: Record<string, unknown> = {}) => ({
    $type: 'app.bsky.feed.defs#threadViewPost',
    post,
    ...extra,
  });

  it('flatten parents first (root at the top), then the post, then replies depth-first', () => {
    const [root, parent, anchor, r1, r1a, r2] = [
      '3lroot',
      '3lparent',
      '3lanchor',
      '3lr1',
      '3lr1a',
      '3lr2',
    ].map((k) => postView({ rkey: `${k}`.padEnd(13, '2') }, { text: k }));
    const thread = node(anchor!, {
      parent: node(parent!, { parent: node(root!) }),
      replies: [
        node(r1!, { replies: [node(r1a!)] }),
        { $type: 'app.bsky.feed.defs#blockedPost', uri: 'at://blocked', blocked: true },
        node(r2!),
      ],
    });
    expect(flattenThread(thread, ctx)!.map((i) => i.text)).toEqual([
      '3lroot',
      '3lparent',
      '3lanchor',
      '3lr1',
      '3lr1a',
      '3lr2',
    ]);
  });

  it('stop at a missing parent and answer null for an unavailable anchor', () => {
    const anchor = postView();
    const thread = node(anchor, {
      parent: { $type: 'app.bsky.feed.defs#notFoundPost', uri: 'at://gone', notFound: true },
    });
    expect(flattenThread(thread, ctx)!.map((i) => i.remoteId)).toEqual([anchor.uri]);
    expect(
      flattenThread({ $type: 'app.bsky.feed.defs#notFoundPost', uri: 'at://gone', notFound: true }, ctx),
    ).toBeNull();
  });
});
