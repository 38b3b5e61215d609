// An action that makes content appear or disappear on a network as one of the user's accounts without new
// text: a repost (boost), undoing one, or deleting the account's own post. Like posts, these go through the
// guards and the exactly-once outbox; likes and follows stay direct (they publish nothing people read as
// the account's voice).
import { z } from '../zod.ts';

export const CONTENT_ACTION_KINDS = ['repost', 'unrepost', 'delete'] as const;
export type ContentActionKind = (typeof CONTENT_ACTION_KINDS)[number];

/** What main needs to act on an item, plus what the confirmation shows (never trusted for the action). */
export const ContentActionSchema = z
  .object({
    accountId: z.string().min(1).max(64),
    kind: z.enum(CONTENT_ACTION_KINDS),
    item: z
      .object({
        network: z.enum(['bluesky', 'mastodon']),
        /** AT-URI of the post (Bluesky), status id or URI (Mastodon). */
        remoteId: z.string().min(1).max(2_048),
        /** Bluesky CID; the instance-local status id on Mastodon. */
        actionRef: z.string().max(2_048).nullable(),
        /** The account's own repost/boost of the item, which an unrepost removes. */
        viewerReposted: z.string().max(2_048).nullable(),
        /** Shown in the confirmation and the outbox; not part of what is authorised. */
        authorHandle: z.string().max(512),
        excerpt: z.string().max(500),
      })
      .strict(),
  })
  .strict();
export type ContentAction = z.infer<typeof ContentActionSchema>;
