// What the outbox would hand a connector's Publisher, built from a stream item the way the renderer and the
// outbox build it, so connector tests can drive the publishing interface without an outbox around it.
import { randomUUID } from 'node:crypto';
import type { PostRef } from '../../src-shared/compose/post.ts';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { ActionSubject, PostToSend, SendKeys } from '../../src-main/connectors/publisher.ts';

/** The item as a content action carries it (as `contentActionOf` in the renderer builds it). */
export function subjectOf(item: StreamItem): ActionSubject {
  if (item.network === 'rss') throw new Error('Feed items cannot be acted on.');
  return {
    network: item.network,
    remoteId: item.remoteId,
    actionRef: item.actionRef,
    viewerReposted: item.viewer.reposted,
    authorHandle: item.author.handle.slice(0, 512),
    excerpt: item.text.slice(0, 200),
  };
}

/** A reference to the item as the composer keeps one for a reply or a quote. */
export function refTo(item: StreamItem): PostRef {
  if (item.network === 'rss') throw new Error('Feed items cannot be replied to.');
  return {
    network: item.network,
    remoteId: item.network === 'mastodon' ? (item.actionRef ?? item.remoteId) : item.remoteId,
    cid: item.network === 'bluesky' ? item.actionRef : null,
    sourceAccountId: item.accountId,
  };
}

/** Fresh keys, as a job gets them when it is created. */
export function freshKeys(rkey: string | null = null): SendKeys {
  return { rkey, idempotencyKey: randomUUID() };
}

export function postToSend(text: string, extra: Partial<PostToSend> = {}): PostToSend {
  return {
    text,
    keys: freshKeys(),
    replyTo: null,
    quote: null,
    language: null,
    contentWarning: null,
    visibility: null,
    images: [],
    serverScheduleAt: null,
    uploads: null,
    ...extra,
  };
}
