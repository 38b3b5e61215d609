// Builds valid stream items for deck tests; every field can be overridden.
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';

let counter = 0;

export function makeItem(overrides: Partial<StreamItem> & { id?: string } = {}): StreamItem {
  counter += 1;
  const { id = `p${counter}`, ...rest } = overrides;
  const network = rest.network ?? 'bluesky';
  const remoteId = rest.remoteId ?? `at://did:plc:author/app.bsky.feed.post/${id}`;
  return {
    key: `${network}:${remoteId}`,
    network,
    accountId: 'acc-1',
    kind: 'post',
    remoteId,
    actionRef: `cid-${id}`,
    url: `https://bsky.app/profile/author.test/post/${id}`,
    author: {
      id: 'did:plc:author',
      handle: 'author.test',
      displayName: 'Author',
      avatarUrl: null,
      profileUrl: null,
      server: null,
      location: null,
    },
    via: null,
    title: null,
    text: `Post ${id}`,
    html: null,
    facets: [],
    media: [],
    lang: 'en',
    contentWarning: null,
    replyTo: null,
    quote: null,
    counts: { replies: 0, reposts: 0, likes: 0, quotes: 0 },
    viewer: { liked: null, reposted: null },
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    seenAt: new Date().toISOString(),
    ...rest,
  };
}

/** `count` items, newest first, with ids `${prefix}-${n}` counting down. */
export function makeItems(count: number, prefix: string, extra: Partial<StreamItem> = {}): StreamItem[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) =>
    makeItem({
      id: `${prefix}-${count - i}`,
      text: `${prefix} number ${count - i} with enough words to wrap onto a second line in a narrow column`,
      createdAt: new Date(now - i * 1_000).toISOString(),
      ...extra,
    }),
  );
}
