// A Bluesky mention of the brand account as the poller delivers it, for the desk's unit tests.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';

export function mentionItem(
  accountId: string,
  remoteId: string,
  text: string,
  at: number,
  over: Partial<StreamItem> = {},
): StreamItem {
  return {
    key: `bluesky:${remoteId}`,
    network: 'bluesky',
    accountId,
    kind: 'mention',
    remoteId,
    actionRef: `cid-${remoteId}`,
    url: null,
    author: {
      id: 'did:plc:alice',
      handle: 'alice.test',
      displayName: 'Alice',
      avatarUrl: null,
      profileUrl: null,
      server: null,
      location: null,
    },
    via: null,
    title: null,
    text,
    html: null,
    facets: [],
    media: [],
    lang: 'en',
    contentWarning: null,
    replyTo: null,
    quote: null,
    counts: { replies: 0, reposts: 0, likes: 0, quotes: 0 },
    viewer: { liked: null, reposted: null },
    createdAt: new Date(at).toISOString(),
    seenAt: new Date(at).toISOString(),
    ...over,
  };
}
