// The one normalised shape every connector turns network content into. Text is plain text (never HTML);
// where a network sends HTML (Mastodon, RSS) the connector keeps it in `html` for the renderer to
// sanitise, and derives `text` from it. Everything here is untrusted network data.
import { z } from '../zod.ts';
import { NetworkSchema } from './account.ts';
import { ItemFlagsSchema } from '../protection/flags.ts';

const ShortText = z.string().max(1_000);
const LongText = z.string().max(200_000);
const Url = z.string().max(4_096);

export const AuthorSchema = z.object({
  /** DID, Mastodon account URI, or feed URL. */
  id: z.string().max(2_048),
  handle: ShortText,
  displayName: ShortText,
  avatarUrl: Url.nullable(),
  profileUrl: Url.nullable(),
  /** The author's server (Bluesky PDS host unknown → null; Mastodon instance domain). */
  server: ShortText.nullable(),
  /** Free text the author wrote as their location, if the network exposes it. */
  location: ShortText.nullable(),
});
export type Author = z.infer<typeof AuthorSchema>;

/** Offsets are UTF-16 code units into `text`, so the renderer can slice JS strings directly. */
export const FacetSchema = z.object({
  kind: z.enum(['link', 'mention', 'hashtag']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Link target URL, mentioned account id/handle, or tag without '#'. */
  value: z.string().max(4_096),
});
export type Facet = z.infer<typeof FacetSchema>;

export const MediaSchema = z.object({
  kind: z.enum(['image', 'video', 'gifv', 'audio', 'unknown']),
  url: Url,
  thumbUrl: Url.nullable(),
  alt: z.string().max(5_000),
  width: z.number().int().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable(),
});
export type Media = z.infer<typeof MediaSchema>;

export const QuotedSchema = z.object({
  remoteId: z.string().max(2_048),
  url: Url.nullable(),
  author: AuthorSchema,
  text: LongText,
});

export const STREAM_ITEM_KINDS = [
  'post',
  'repost',
  'reply',
  'mention',
  'like',
  'follow',
  'quote',
  'article',
  'dm',
] as const;

export const StreamItemSchema = z.object({
  /** `${network}:${remoteId}` — one archive row per item whichever columns show it. */
  key: z.string().max(2_200),
  network: NetworkSchema,
  /** The Roost account that fetched it (null for RSS). */
  accountId: z.string().max(64).nullable(),
  kind: z.enum(STREAM_ITEM_KINDS),
  /** at:// URI, Mastodon status URI, or RSS item guid/link. */
  remoteId: z.string().max(2_048),
  /** For actions: the CID on Bluesky, the instance-local status id on Mastodon. */
  actionRef: z.string().max(2_048).nullable(),
  url: Url.nullable(),
  author: AuthorSchema,
  /** Who reposted/boosted it into this column, if that is why it appears. */
  via: AuthorSchema.nullable(),
  title: ShortText.nullable(),
  text: LongText,
  html: LongText.nullable(),
  facets: z.array(FacetSchema).max(500),
  media: z.array(MediaSchema).max(20),
  lang: z.string().max(35).nullable(),
  contentWarning: ShortText.nullable(),
  replyTo: z.object({ remoteId: z.string().max(2_048), authorHandle: ShortText.nullable() }).nullable(),
  quote: QuotedSchema.nullable(),
  counts: z.object({
    replies: z.number().int().nonnegative(),
    reposts: z.number().int().nonnegative(),
    likes: z.number().int().nonnegative(),
    quotes: z.number().int().nonnegative(),
  }),
  viewer: z.object({
    /** Record URI or boolean marker of the user's own like/repost, for undo. */
    liked: z.string().max(2_048).nullable(),
    reposted: z.string().max(2_048).nullable(),
  }),
  createdAt: z.string().max(64),
  /** When Roost first saw it; orders columns when networks disagree on clocks. */
  seenAt: z.string().max(64),
  /** Set by main at ingest (src-main/protection): an impostor author, dangerous links. Absent: nothing found. */
  flags: ItemFlagsSchema.optional(),
});
export type StreamItem = z.infer<typeof StreamItemSchema>;

export function itemKey(network: StreamItem['network'], remoteId: string): string {
  return `${network}:${remoteId}`;
}

/** An item with no content yet, for notifications without a post (follows) and for action references. */
export function contentlessItem(
  identity: Pick<
    StreamItem,
    'key' | 'network' | 'accountId' | 'kind' | 'remoteId' | 'actionRef' | 'url' | 'author'
  >,
  times: Pick<StreamItem, 'createdAt' | 'seenAt'>,
  viewer: StreamItem['viewer'] = { liked: null, reposted: null },
): StreamItem {
  return {
    ...identity,
    via: null,
    title: null,
    text: '',
    html: null,
    facets: [],
    media: [],
    lang: null,
    contentWarning: null,
    replyTo: null,
    quote: null,
    counts: { replies: 0, reposts: 0, likes: 0, quotes: 0 },
    viewer,
    ...times,
  };
}
