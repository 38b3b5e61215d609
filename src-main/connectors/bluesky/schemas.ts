// zod shapes of exactly what Roost reads from Bluesky's XRPC answers. Objects are loose (the lexicons grow),
// embeds are checked one variant at a time so an unknown embed type is ignored rather than fatal.
import { z } from '../../../src-shared/zod.ts';

const Str = z.string().max(10_000);
const Uri = z.string().max(2_048);
const Count = z.number().int().nonnegative().optional();

export const ProfileSchema = z.looseObject({
  did: z.string().min(1).max(2_048),
  handle: z.string().min(1).max(512),
  displayName: z.string().max(1_000).optional(),
  avatar: Uri.optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;

const StrongRefSchema = z.looseObject({ uri: Uri, cid: z.string().max(512) });

export const FacetRawSchema = z.looseObject({
  index: z.looseObject({ byteStart: z.number().int(), byteEnd: z.number().int() }),
  features: z.array(z.looseObject({ $type: z.string().max(200).optional() })).max(100),
});

const SelfLabelsSchema = z.looseObject({
  values: z.array(z.looseObject({ val: z.string().max(128) })).max(50),
});

export const PostRecordSchema = z.looseObject({
  text: z.string().max(100_000),
  facets: z.array(FacetRawSchema).max(1_000).optional(),
  reply: z.looseObject({ root: StrongRefSchema, parent: StrongRefSchema }).optional(),
  langs: z.array(z.string().max(64)).max(10).optional(),
  labels: z.unknown().optional(),
  createdAt: z.string().max(64),
});
export type PostRecord = z.infer<typeof PostRecordSchema>;
export { SelfLabelsSchema };

const LabelSchema = z.looseObject({ val: z.string().max(128) });

export const PostViewSchema = z.looseObject({
  uri: Uri,
  cid: z.string().max(512),
  author: ProfileSchema,
  record: z.unknown(),
  embed: z.unknown().optional(),
  replyCount: Count,
  repostCount: Count,
  likeCount: Count,
  quoteCount: Count,
  indexedAt: z.string().max(64),
  viewer: z.looseObject({ like: Uri.optional(), repost: Uri.optional() }).optional(),
  labels: z.array(LabelSchema).max(100).optional(),
});
export type PostView = z.infer<typeof PostViewSchema>;

// Embed views, one schema per variant.
export const ImagesViewSchema = z.looseObject({
  images: z
    .array(
      z.looseObject({
        thumb: Uri,
        fullsize: Uri,
        alt: z.string().max(10_000).default(''),
        aspectRatio: z
          .looseObject({ width: z.number().int().positive(), height: z.number().int().positive() })
          .optional(),
      }),
    )
    .max(20),
});
export const VideoViewSchema = z.looseObject({
  playlist: Uri,
  thumbnail: Uri.optional(),
  alt: z.string().max(10_000).optional(),
  aspectRatio: z
    .looseObject({ width: z.number().int().positive(), height: z.number().int().positive() })
    .optional(),
});
export const ExternalViewSchema = z.looseObject({
  external: z.looseObject({ uri: Uri, title: Str, description: Str, thumb: Uri.optional() }),
});
export const ViewRecordSchema = z.looseObject({
  $type: z.literal('app.bsky.embed.record#viewRecord'),
  uri: Uri,
  cid: z.string().max(512),
  author: ProfileSchema,
  value: z.unknown(),
});
export const RecordViewSchema = z.looseObject({
  record: z.looseObject({ $type: z.string().max(200).optional() }),
});
export const RecordWithMediaViewSchema = z.looseObject({
  record: RecordViewSchema,
  media: z.looseObject({ $type: z.string().max(200).optional() }),
});
export const TypedSchema = z.looseObject({ $type: z.string().max(200) });

export const ReasonSchema = z.looseObject({
  $type: z.string().max(200),
  by: ProfileSchema.optional(),
  uri: Uri.optional(),
  indexedAt: z.string().max(64).optional(),
});

export const FeedViewPostSchema = z.looseObject({ post: PostViewSchema, reason: ReasonSchema.optional() });

/** Envelopes: items stay unknown here and are validated one by one, so one odd post cannot sink a page. */
export const FeedPageSchema = z.looseObject({
  cursor: z.string().max(2_048).optional(),
  feed: z.array(z.unknown()),
});
export const SearchPageSchema = z.looseObject({
  cursor: z.string().max(2_048).optional(),
  posts: z.array(z.unknown()),
});
export const NotificationPageSchema = z.looseObject({
  cursor: z.string().max(2_048).optional(),
  notifications: z.array(z.unknown()),
});
export const PostsSchema = z.looseObject({ posts: z.array(z.unknown()) });

export const NotificationSchema = z.looseObject({
  uri: Uri,
  cid: z.string().max(512),
  author: ProfileSchema,
  reason: z.string().max(100),
  reasonSubject: Uri.optional(),
  record: z.unknown(),
  indexedAt: z.string().max(64),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** One node of getPostThread; parent and replies are parsed node by node as the flattening walks them. */
export const ThreadNodeSchema = z.looseObject({
  $type: z.literal('app.bsky.feed.defs#threadViewPost'),
  post: PostViewSchema,
  parent: z.unknown().optional(),
  replies: z.array(z.unknown()).max(1_000).optional(),
});
export const ThreadAnswerSchema = z.looseObject({ thread: z.unknown() });

export const GetRecordSchema = z.looseObject({
  uri: Uri,
  cid: z.string().max(512).optional(),
  value: z.unknown(),
});
export const StrongRefAnswerSchema = z.looseObject({ uri: Uri, cid: z.string().max(512) });
