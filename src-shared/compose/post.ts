// What the composer hands to publishing: one variant of the text per target account (with its thread of
// follow-ups, audience and language), the media, the reply/quote references and an optional schedule.
// Main validates it with these schemas at the boundary.
import { z } from '../zod.ts';
import { NetworkSchema } from '../domain/account.ts';
import { isLanguageTag } from '../atproto/language-tag.ts';
import { IsoInstantSchema } from '../atproto/datetime.ts';

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

export const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;
export type PostVisibility = (typeof VISIBILITIES)[number];

/** BCP 47 as atproto records take it (`pt-BR`, `zh-Hant`, `i-default`); Mastodon reads the language part. */
const LanguageTagSchema = z.string().max(64).refine(isLanguageTag, { message: 'Not a BCP 47 language tag' });

export const MAX_FOLLOW_UPS = 24;

/** A further post of a thread: it replies to the post before it, with its own attachments. */
export const FollowUpSchema = z
  .object({
    text: z.string().max(100_000),
    contentWarning: z.string().max(10_000).nullable(),
    // Optional so that jobs and drafts stored before follow-ups had media still parse.
    media: z.array(ComposeMediaSchema).max(16).optional(),
  })
  .refine((f) => f.text.trim() !== '' || (f.media?.length ?? 0) > 0, {
    message: 'A follow-up needs text or an attachment',
  });
export type FollowUp = z.infer<typeof FollowUpSchema>;

// The thread, audience and language fields are optional so that a post written before they existed still
// reads the same: absent means no follow-ups, the network's default audience and no declared language.
export const PostTargetSchema = z.object({
  accountId: z.string().min(1).max(64),
  network: NetworkSchema,
  text: z.string().max(100_000),
  contentWarning: z.string().max(10_000).nullable(),
  media: z.array(ComposeMediaSchema).max(16),
  /** Mastodon's audience; null on networks without one. */
  visibility: z.enum(VISIBILITIES).nullable().optional(),
  /** BCP 47 language of every post of the thread (Bluesky `langs`, Mastodon `language`); null: not declared. */
  language: LanguageTagSchema.nullable().optional(),
  /** Posts after the first, in order; each replies to the one before. */
  followUps: z.array(FollowUpSchema).max(MAX_FOLLOW_UPS).optional(),
});
export type PostTarget = z.infer<typeof PostTargetSchema>;

/** One text of a target's thread, as it will be published. */
export interface ThreadPart {
  readonly text: string;
  readonly contentWarning: string | null;
  /** This post's own attachments. */
  readonly media: readonly ComposeMedia[];
}

/** The first post, then every follow-up: what the target publishes, in order. */
export function threadOf(target: PostTarget): ThreadPart[] {
  return [
    { text: target.text, contentWarning: target.contentWarning, media: target.media },
    ...(target.followUps ?? []).map((f) => ({
      text: f.text,
      contentWarning: f.contentWarning,
      media: f.media ?? [],
    })),
  ];
}

export const OutgoingPostSchema = z.object({
  targets: z.array(PostTargetSchema).min(1).max(50),
  replyTo: PostRefSchema.nullable(),
  quote: PostRefSchema.nullable(),
  /** RFC 3339 instant with an offset, or null to publish now. */
  scheduledAt: IsoInstantSchema.nullable(),
});
export type OutgoingPost = z.infer<typeof OutgoingPostSchema>;
