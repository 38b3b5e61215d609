// Builds valid stream items for archive tests with only the fields a test cares about spelled out.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';

export interface ItemSpec {
  readonly id: string;
  readonly text: string;
  readonly network?: StreamItem['network'];
  readonly accountId?: string | null;
  readonly authorId?: string;
  readonly handle?: string;
  readonly createdAt?: string;
  readonly lang?: string | null;
  readonly likes?: number;
  readonly title?: string | null;
}

export function makeItem(spec: ItemSpec): StreamItem {
  const network = spec.network ?? 'bluesky';
  const createdAt = spec.createdAt ?? new Date().toISOString();
  const handle = spec.handle ?? 'alice.example';
  return {
    key: `${network}:${spec.id}`,
    network,
    accountId: spec.accountId === undefined ? 'acct-1' : spec.accountId,
    kind: 'post',
    remoteId: spec.id,
    actionRef: null,
    url: null,
    author: {
      id: spec.authorId ?? `did:plc:${handle}`,
      handle,
      displayName: handle,
      avatarUrl: null,
      profileUrl: null,
      server: null,
      location: null,
    },
    via: null,
    title: spec.title ?? null,
    text: spec.text,
    html: null,
    facets: [],
    media: [],
    lang: spec.lang === undefined ? 'en' : spec.lang,
    contentWarning: null,
    replyTo: null,
    quote: null,
    counts: { replies: 0, reposts: 0, likes: spec.likes ?? 0, quotes: 0 },
    viewer: { liked: null, reposted: null },
    createdAt,
    seenAt: createdAt,
  };
}

/** An ISO time `days` (may be fractional) before now. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString();
}

export function uniqueDbName(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
