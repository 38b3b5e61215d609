// Feed answers (timeline, author, list, custom feed, search) into entries: a post, or a repost of it with `via`.
import { StreamItemSchema } from '../../../src-shared/domain/stream-item.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { Entry } from './paging.ts';
import { postViewToItem, toAuthor } from './normalise-post.ts';
import type { NormaliseContext } from './normalise-post.ts';
import { FeedViewPostSchema, PostViewSchema, ProfileSchema } from './schemas.ts';
import { z } from '../../../src-shared/zod.ts';

const ReplyParentSchema = z.looseObject({
  reply: z.looseObject({ parent: z.looseObject({ author: ProfileSchema }) }),
});

export function feedViewPostToEntry(raw: unknown, ctx: NormaliseContext): Entry | null {
  const parsed = FeedViewPostSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { post, reason } = parsed.data;
  const parent = ReplyParentSchema.safeParse(raw);
  const replyToHandle = parent.success ? parent.data.reply.parent.author.handle : null;
  if (reason?.$type === 'app.bsky.feed.defs#reasonRepost' && reason.by) {
    // A repost is its own item: the same post may also appear on its own in the same column.
    const key = reason.uri ? `bluesky:${reason.uri}` : `bluesky:${post.uri}#repost:${reason.by.did}`;
    const item = postViewToItem(post, ctx, {
      kind: 'repost',
      via: toAuthor(reason.by, ctx),
      key,
      replyToHandle,
    });
    return item ? { item, sortAt: reason.indexedAt ?? post.indexedAt } : null;
  }
  const item = postViewToItem(post, ctx, { replyToHandle });
  return item ? { item, sortAt: post.indexedAt } : null;
}

export function postViewToEntry(raw: unknown, ctx: NormaliseContext): Entry | null {
  const parsed = PostViewSchema.safeParse(raw);
  if (!parsed.success) return null;
  const item = postViewToItem(parsed.data, ctx);
  return item ? { item, sortAt: parsed.data.indexedAt } : null;
}

/** The final check against the shared model: anything that would not survive IPC validation is dropped. */
export function conforms(item: StreamItem): boolean {
  return StreamItemSchema.safeParse(item).success;
}
