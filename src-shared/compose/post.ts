// What the composer hands to publishing: one variant of the text per target account, the media, the
// reply/quote references and an optional schedule. Main validates it with these schemas at the boundary.
import { z } from '../zod.ts';
import { NetworkSchema } from '../domain/account.ts';

export const MEDIA_KINDS = ['image', 'video', 'gifv', 'audio'] as const;

export const ComposeMediaSchema = z.object({
  /** Roost's own id for the uploaded file (stable across retries). */
  id: z.string().min(1).max(128),
  kind: z.enum(MEDIA_KINDS),
  mimeType: z.string().max(128),
  bytes: z.number().int().nonnegative(),
  alt: z.string().max(20_000),
});
export type ComposeMedia = z.infer<typeof ComposeMediaSchema>;

export const PostRefSchema = z.object({
  network: NetworkSchema,
  /** AT-URI for Bluesky, status id for Mastodon. */
  remoteId: z.string().min(1).max(2_048),
  /** Bluesky strong-ref CID; null elsewhere. */
  cid: z.string().max(256).nullable(),
  /** The account whose column the item was opened from (null when pasted from elsewhere). */
  sourceAccountId: z.string().max(64).nullable(),
});
export type PostRef = z.infer<typeof PostRefSchema>;

export const PostTargetSchema = z.object({
  accountId: z.string().min(1).max(64),
  network: NetworkSchema,
  text: z.string().max(100_000),
  contentWarning: z.string().max(10_000).nullable(),
  media: z.array(ComposeMediaSchema).max(16),
});
export type PostTarget = z.infer<typeof PostTargetSchema>;

export const OutgoingPostSchema = z.object({
  targets: z.array(PostTargetSchema).min(1).max(50),
  replyTo: PostRefSchema.nullable(),
  quote: PostRefSchema.nullable(),
  /** ISO 8601 instant, or null to publish now. */
  scheduledAt: z.string().max(64).nullable(),
});
export type OutgoingPost = z.infer<typeof OutgoingPostSchema>;
