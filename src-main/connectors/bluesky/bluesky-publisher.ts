// The Bluesky Publisher: posts and reposts are written at the record key the outbox chose when it created the
// job, so a retry finds the first record instead of writing a second one; deleting what is already gone is
// done. Bluesky holds no schedules: the outbox schedules Bluesky posts itself.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { PostRef as ComposeRef } from '../../../src-shared/compose/post.ts';
import type { EngagementRead, PostToSend, PublishedRef, Publisher, SendKeys } from '../publisher.ts';
import type { FoundPost, PostRef, PublishPostInput, PublishedPost } from './publish.ts';
import type { RecordRef } from './record-actions.ts';

/** The record-level calls a Bluesky publisher is made of (the connector's, errors already translated). */
export interface BlueskyRecords {
  readonly did: string;
  publishPost(input: PublishPostInput): Promise<PublishedPost>;
  findPostByRkey(rkey: string): Promise<FoundPost | null>;
  /** Reposts at a record key the outbox chose; a second call with the same key finds the first repost. */
  repostAt(subject: PostRef, rkey: string): Promise<RecordRef>;
  findRepostByRkey(rkey: string): Promise<RecordRef | null>;
  /** Deletes one of the account's own posts or reposts; already gone is done. */
  deleteOwnRecord(uri: string): Promise<void>;
  readEngagement(uris: readonly string[]): Promise<EngagementRead>;
}

const BSKY_WEB = 'https://bsky.app';

export function createBlueskyPublisher(records: BlueskyRecords): Publisher {
  const postUrl = (rkey: string): string => `${BSKY_WEB}/profile/${records.did}/post/${rkey}`;

  const strongRef = (ref: ComposeRef | null): PostRef | undefined => {
    if (!ref || ref.network !== 'bluesky') return undefined;
    if (!ref.cid) throw new RoostError('invalid_input', 'A Bluesky reply or quote needs the post’s CID.');
    return { uri: ref.remoteId, cid: ref.cid };
  };

  const found = (record: RecordRef | null): PublishedRef | null =>
    record ? { remoteId: record.uri, cid: record.cid, url: null } : null;

  return {
    network: 'bluesky',
    scheduling: null,

    async send(post: PostToSend) {
      const { rkey } = post.keys;
      if (!rkey) throw new RoostError('internal', 'A Bluesky job has no record key.');
      const replyTo = strongRef(post.replyTo);
      const quote = strongRef(post.quote);
      const published = await records.publishPost({
        text: post.text,
        rkey,
        ...(replyTo ? { replyTo } : {}),
        ...(quote ? { quote } : {}),
        ...(post.language ? { langs: [post.language] } : {}),
        ...(post.images.length > 0
          ? { images: post.images.map(({ data, mimeType, alt }) => ({ data, mimeType, alt })) }
          : {}),
      });
      return { kind: 'published', remoteId: published.uri, cid: published.cid, url: postUrl(rkey) };
    },

    async reconcile({ keys }) {
      if (!keys.rkey) return null;
      const post = await records.findPostByRkey(keys.rkey);
      return post ? { remoteId: post.uri, cid: post.cid, url: postUrl(keys.rkey) } : null;
    },

    async repost(item, keys: SendKeys) {
      if (!keys.rkey || !item.actionRef) throw new RoostError('internal', 'A repost job has no record key.');
      const made = await records.repostAt({ uri: item.remoteId, cid: item.actionRef }, keys.rkey);
      return { remoteId: made.uri, cid: made.cid, url: null };
    },

    async reconcileRepost(keys) {
      return keys.rkey ? found(await records.findRepostByRkey(keys.rkey)) : null;
    },

    async unrepost(item) {
      const uri = item.viewerReposted;
      if (!uri) throw new RoostError('invalid_input', 'There is no repost to undo.');
      await records.deleteOwnRecord(uri);
      return { remoteId: uri, url: null };
    },

    async deletePost(item) {
      await records.deleteOwnRecord(item.remoteId);
      return { remoteId: item.remoteId, url: null };
    },

    readEngagement: (uris) => records.readEngagement(uris),
  };
}
