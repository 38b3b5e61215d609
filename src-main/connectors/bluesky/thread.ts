// Flattens getPostThread's tree into reading order: ancestors from the root down, the post, then replies
// depth-first. Missing or blocked posts end the walk on that branch instead of failing the whole thread.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { conforms } from './normalise-feed.ts';
import { postViewToItem } from './normalise-post.ts';
import type { NormaliseContext } from './normalise-post.ts';
import { ThreadNodeSchema } from './schemas.ts';

const MAX_ITEMS = 1_000;

function node(raw: unknown) {
  const parsed = ThreadNodeSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Null when the anchor itself is not a readable post (not found, blocked, malformed). */
export function flattenThread(raw: unknown, ctx: NormaliseContext): StreamItem[] | null {
  const anchor = node(raw);
  if (!anchor) return null;
  const anchorItem = postViewToItem(anchor.post, ctx);
  if (!anchorItem) return null;

  const ancestors: StreamItem[] = [];
  for (
    let parent = node(anchor.parent);
    parent && ancestors.length < MAX_ITEMS;
    parent = node(parent.parent)
  ) {
    const item = postViewToItem(parent.post, ctx);
    if (!item) break;
    ancestors.unshift(item);
  }

  const replies: StreamItem[] = [];
  const walk = (children: readonly unknown[] | undefined): void => {
    for (const child of children ?? []) {
      if (replies.length >= MAX_ITEMS) return;
      const reply = node(child);
      const item = reply ? postViewToItem(reply.post, ctx) : null;
      if (!reply || !item) continue;
      replies.push(item);
      walk(reply.replies);
    }
  };
  walk(anchor.replies);
  return [...ancestors, anchorItem, ...replies].filter(conforms);
}
