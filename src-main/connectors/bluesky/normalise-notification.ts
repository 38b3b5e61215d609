// Turns Bluesky notifications into StreamItems. Mentions, replies and quotes become the post itself (hydrated
// with getPosts for counts and embeds); likes and reposts carry the post they are about as `quote`.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { Entry } from './paging.ts';
import { parsePostUri } from '../../../src-shared/atproto/post-uri.ts';
import { parsePostRecord, postUrl, postViewToItem, toAuthor } from './normalise-post.ts';
import type { NormaliseContext } from './normalise-post.ts';
import { NotificationSchema } from './schemas.ts';
import type { Notification, PostView } from './schemas.ts';

const KIND_BY_REASON: Readonly<Record<string, StreamItem['kind']>> = {
  like: 'like',
  'like-via-repost': 'like',
  repost: 'repost',
  'repost-via-repost': 'repost',
  follow: 'follow',
  mention: 'mention',
  reply: 'reply',
  quote: 'quote',
};

export const MENTION_REASONS = ['mention', 'reply', 'quote'] as const;

/**
 * Well-formed notifications whose reason Roost shows (and, for mention columns, is asked for). Reasons Roost
 * does not show (starter packs, verification...) are skipped; a page where nothing is well formed is an error.
 */
export function parseNotifications(
  raw: readonly unknown[],
  reasons: readonly string[] | null,
): Notification[] {
  const wellFormed: Notification[] = [];
  for (const value of raw) {
    const parsed = NotificationSchema.safeParse(value);
    if (parsed.success) wellFormed.push(parsed.data);
  }
  if (raw.length > 0 && wellFormed.length === 0) {
    throw new RoostError('server_error', 'Bluesky sent notifications Roost cannot read.');
  }
  return wellFormed.filter((n) => KIND_BY_REASON[n.reason] && (!reasons || reasons.includes(n.reason)));
}

/** The post URIs a page of notifications needs views of. */
export function postsToHydrate(notifications: readonly Notification[]): string[] {
  const uris = new Set<string>();
  for (const n of notifications) {
    const kind = KIND_BY_REASON[n.reason];
    if (kind === 'mention' || kind === 'reply' || kind === 'quote') uris.add(n.uri);
    else if ((kind === 'like' || kind === 'repost') && n.reasonSubject && parsePostUri(n.reasonSubject)) {
      uris.add(n.reasonSubject);
    }
  }
  return [...uris];
}

function createdAtOf(record: unknown, fallback: string): string {
  const createdAt = (record as { createdAt?: unknown } | null)?.createdAt;
  return typeof createdAt === 'string' && createdAt.length <= 64 ? createdAt : fallback;
}

export function notificationToEntry(
  n: Notification,
  views: ReadonlyMap<string, PostView>,
  ctx: NormaliseContext,
): Entry | null {
  const kind = KIND_BY_REASON[n.reason];
  if (!kind) return null;
  if (kind === 'mention' || kind === 'reply' || kind === 'quote') {
    // The post may be gone from the AppView (deleted since): fall back to the record the notification carries.
    const view = views.get(n.uri) ?? {
      uri: n.uri,
      cid: n.cid,
      author: n.author,
      record: n.record,
      indexedAt: n.indexedAt,
    };
    const item = postViewToItem(view, ctx, { kind });
    return item ? { item, sortAt: n.indexedAt } : null;
  }
  const subject = n.reasonSubject ? views.get(n.reasonSubject) : undefined;
  const subjectRecord = subject ? parsePostRecord(subject.record) : null;
  const item: StreamItem = {
    key: `bluesky:${n.uri}`,
    network: 'bluesky',
    accountId: ctx.accountId,
    kind,
    remoteId: n.uri,
    actionRef: n.cid,
    url: kind === 'follow' ? toAuthor(n.author, ctx).profileUrl : null,
    author: toAuthor(n.author, ctx),
    via: null,
    title: null,
    text: '',
    html: null,
    facets: [],
    media: [],
    lang: null,
    contentWarning: null,
    replyTo: null,
    quote:
      subject && subjectRecord
        ? {
            remoteId: subject.uri,
            url: postUrl(subject.uri, subject.author.handle, ctx),
            author: toAuthor(subject.author, ctx),
            text: subjectRecord.text,
          }
        : null,
    counts: { replies: 0, reposts: 0, likes: 0, quotes: 0 },
    viewer: { liked: null, reposted: null },
    createdAt: createdAtOf(n.record, n.indexedAt),
    seenAt: ctx.seenAt,
  };
  return { item, sortAt: n.indexedAt };
}
