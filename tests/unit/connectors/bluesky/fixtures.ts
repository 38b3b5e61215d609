// Recorded-shape Bluesky answers (the fields and nesting the AppView sends, with made-up values), built by
// small functions so each test states only what it is about.
import { createHash } from 'node:crypto';

const NOW = '2026-03-01T10:00:00.000Z';

/** A well-formed CIDv1 (dag-cbor, sha-256) derived from `seed`: the client's lexicon check parses CIDs. */
export function cidOf(seed: string): string {
  const bytes = Buffer.concat([
    Buffer.from([0x01, 0x71, 0x12, 0x20]),
    createHash('sha256').update(seed).digest(),
  ]);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = 'b';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

export const alice = {
  did: 'did:plc:alice0000000000000000000',
  handle: 'alice.test',
  displayName: 'Alice Martin',
  avatar: 'https://cdn.example/img/avatar/plain/did:plc:alice/abc@jpeg',
  viewer: { muted: false, blockedBy: false },
  labels: [],
  createdAt: '2025-01-01T00:00:00.000Z',
};
export const bob = {
  did: 'did:plc:bob00000000000000000000000',
  handle: 'bob.test',
  displayName: '',
  labels: [],
};

export function postView(overrides: Record<string, unknown> = {}, record: Record<string, unknown> = {}) {
  const rkey = (overrides.rkey as string | undefined) ?? '3lxyzabcdef22';
  const author = (overrides.author as typeof alice | undefined) ?? alice;
  const { rkey: _r, ...rest } = overrides;
  return {
    uri: `at://${author.did}/app.bsky.feed.post/${rkey}`,
    cid: cidOf(rkey),
    author,
    record: { $type: 'app.bsky.feed.post', text: 'Hello world', createdAt: NOW, langs: ['en'], ...record },
    bookmarkCount: 0,
    replyCount: 2,
    repostCount: 3,
    likeCount: 5,
    quoteCount: 1,
    indexedAt: NOW,
    viewer: { threadMuted: false, embeddingDisabled: false },
    labels: [],
    ...rest,
  };
}

export const imagesEmbed = {
  $type: 'app.bsky.embed.images#view',
  images: [
    {
      thumb: 'https://cdn.example/img/feed_thumbnail/plain/did:plc:alice/bafkrei1@jpeg',
      fullsize: 'https://cdn.example/img/feed_fullsize/plain/did:plc:alice/bafkrei1@jpeg',
      alt: 'A cat on a bike',
      aspectRatio: { width: 1200, height: 800 },
    },
    { thumb: 'javascript:alert(1)', fullsize: 'javascript:alert(1)', alt: 'unsafe' },
  ],
};

export const externalEmbed = {
  $type: 'app.bsky.embed.external#view',
  external: {
    uri: 'https://example.com/news',
    title: 'Big news',
    description: 'Something happened',
    thumb: 'https://cdn.example/img/feed_thumbnail/plain/did:plc:alice/bafkrei2@jpeg',
  },
};

export function recordEmbed(
  quoted = postView({ author: bob, rkey: '3lquoted22222' }, { text: 'Quoted text' }),
) {
  return {
    $type: 'app.bsky.embed.record#view',
    record: {
      $type: 'app.bsky.embed.record#viewRecord',
      uri: quoted.uri,
      cid: quoted.cid,
      author: quoted.author,
      value: quoted.record,
      indexedAt: quoted.indexedAt,
      embeds: [],
    },
  };
}

export const recordWithMediaEmbed = {
  $type: 'app.bsky.embed.recordWithMedia#view',
  record: recordEmbed(),
  media: imagesEmbed,
};

export function notification(reason: string, overrides: Record<string, unknown> = {}) {
  return {
    uri: `at://${bob.did}/app.bsky.feed.like/3lnotif${reason
      .replace(/[^a-z]/g, '')
      .slice(0, 6)
      .padEnd(6, 'a')}`,
    cid: cidOf(`notif-${reason}`),
    author: bob,
    reason,
    record: { $type: 'app.bsky.feed.like', createdAt: NOW },
    isRead: false,
    indexedAt: NOW,
    labels: [],
    ...overrides,
  };
}

export const normaliseContext = { accountId: 'acct-1', seenAt: NOW, webUrl: 'https://bsky.app' };
