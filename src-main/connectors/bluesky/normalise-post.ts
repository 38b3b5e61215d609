// Turns Bluesky post views (timeline, search, thread, notification subjects) into StreamItems: plain text,
// UTF-16 facets, media with alt text, quotes, reply parent, counts and the viewer's like/repost records.
import type { Author, Media, StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { toUtf16Facets } from './facets.ts';
import {
  ExternalViewSchema,
  ImagesViewSchema,
  PostRecordSchema,
  RecordViewSchema,
  RecordWithMediaViewSchema,
  SelfLabelsSchema,
  TypedSchema,
  VideoViewSchema,
  ViewRecordSchema,
} from './schemas.ts';
import type { PostRecord, PostView, Profile } from './schemas.ts';
import { parsePostUri } from '../../../src-shared/atproto/post-uri.ts';

export interface NormaliseContext {
  readonly accountId: string;
  /** ISO time the page was fetched. */
  readonly seenAt: string;
  /** Web app that profile and post links open in (bsky.app, or a sandbox's own). */
  readonly webUrl: string;
}

const WARNING_LABELS = new Set(['porn', 'sexual', 'nudity', 'graphic-media', 'gore', 'nsfw']);

export function safeHttpUrl(raw: string | undefined | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

export function toAuthor(profile: Profile, ctx: NormaliseContext): Author {
  return {
    id: profile.did,
    handle: profile.handle,
    displayName: profile.displayName?.trim().slice(0, 1_000) || profile.handle,
    avatarUrl: safeHttpUrl(profile.avatar),
    profileUrl: `${ctx.webUrl}/profile/${encodeURIComponent(profile.handle)}`,
    server: null,
    location: null,
  };
}

/** at://did/app.bsky.feed.post/rkey → its parts, or null for anything else. */
export function postUrl(uri: string, handle: string, ctx: NormaliseContext): string | null {
  const parts = parsePostUri(uri);
  return parts
    ? `${ctx.webUrl}/profile/${encodeURIComponent(handle)}/post/${encodeURIComponent(parts.rkey)}`
    : null;
}

export function parsePostRecord(value: unknown): PostRecord | null {
  const parsed = PostRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

interface EmbedParts {
  media: Media[];
  quote: StreamItem['quote'];
  title: string | null;
}

function mediaFrom(embed: unknown): Pick<EmbedParts, 'media' | 'title'> {
  const typed = TypedSchema.safeParse(embed);
  if (!typed.success) return { media: [], title: null };
  switch (typed.data.$type) {
    case 'app.bsky.embed.images#view': {
      const images = ImagesViewSchema.safeParse(embed);
      if (!images.success) return { media: [], title: null };
      const media: Media[] = [];
      for (const image of images.data.images) {
        const url = safeHttpUrl(image.fullsize);
        if (!url) continue;
        media.push({
          kind: 'image',
          url,
          thumbUrl: safeHttpUrl(image.thumb),
          alt: image.alt.slice(0, 5_000),
          width: image.aspectRatio?.width ?? null,
          height: image.aspectRatio?.height ?? null,
        });
      }
      return { media, title: null };
    }
    case 'app.bsky.embed.video#view': {
      const video = VideoViewSchema.safeParse(embed);
      const url = video.success ? safeHttpUrl(video.data.playlist) : null;
      if (!video.success || !url) return { media: [], title: null };
      return {
        media: [
          {
            kind: 'video',
            url,
            thumbUrl: safeHttpUrl(video.data.thumbnail),
            alt: (video.data.alt ?? '').slice(0, 5_000),
            width: video.data.aspectRatio?.width ?? null,
            height: video.data.aspectRatio?.height ?? null,
          },
        ],
        title: null,
      };
    }
    case 'app.bsky.embed.external#view': {
      // A link card: StreamItem has no card field, so the card's headline is the item title and the link
      // itself a media entry of kind 'unknown' (description as its alt text, thumbnail as its preview).
      const external = ExternalViewSchema.safeParse(embed);
      const url = external.success ? safeHttpUrl(external.data.external.uri) : null;
      if (!external.success || !url) return { media: [], title: null };
      const card = external.data.external;
      return {
        media: [
          {
            kind: 'unknown',
            url,
            thumbUrl: safeHttpUrl(card.thumb),
            alt: card.description.slice(0, 5_000),
            width: null,
            height: null,
          },
        ],
        title: card.title.slice(0, 1_000) || null,
      };
    }
    default:
      return { media: [], title: null };
  }
}

function quoteFrom(recordView: unknown, ctx: NormaliseContext): StreamItem['quote'] {
  const view = RecordViewSchema.safeParse(recordView);
  if (!view.success) return null;
  const inner = ViewRecordSchema.safeParse(view.data.record);
  if (!inner.success) return null; // not found, blocked, detached, or a feed/list card
  const record = parsePostRecord(inner.data.value);
  if (!record) return null;
  return {
    remoteId: inner.data.uri,
    url: postUrl(inner.data.uri, inner.data.author.handle, ctx),
    author: toAuthor(inner.data.author, ctx),
    text: record.text.slice(0, 200_000),
  };
}

export function embedParts(embed: unknown, ctx: NormaliseContext): EmbedParts {
  const typed = TypedSchema.safeParse(embed);
  if (!typed.success) return { media: [], quote: null, title: null };
  if (typed.data.$type === 'app.bsky.embed.record#view')
    return { media: [], quote: quoteFrom(embed, ctx), title: null };
  if (typed.data.$type === 'app.bsky.embed.recordWithMedia#view') {
    const both = RecordWithMediaViewSchema.safeParse(embed);
    if (!both.success) return { media: [], quote: null, title: null };
    return { ...mediaFrom(both.data.media), quote: quoteFrom(both.data.record, ctx) };
  }
  return { ...mediaFrom(embed), quote: null };
}

function contentWarning(post: PostView, record: PostRecord): string | null {
  const values = new Set<string>();
  for (const label of post.labels ?? []) if (WARNING_LABELS.has(label.val)) values.add(label.val);
  const self = SelfLabelsSchema.safeParse(record.labels);
  if (self.success)
    for (const label of self.data.values) if (WARNING_LABELS.has(label.val)) values.add(label.val);
  return values.size > 0 ? [...values].join(', ') : null;
}

export interface PostItemOptions {
  readonly kind?: StreamItem['kind'];
  readonly via?: Author | null;
  /** Overrides `bluesky:<post uri>` (a repost is an item of its own). */
  readonly key?: string;
  /** Handle of the post replied to, when the answer includes it (timelines do). */
  readonly replyToHandle?: string | null;
}

/** Null when the post's record is not a readable post (the caller skips it). */
export function postViewToItem(
  post: PostView,
  ctx: NormaliseContext,
  options: PostItemOptions = {},
): StreamItem | null {
  const record = parsePostRecord(post.record);
  if (!record) return null;
  const embed = embedParts(post.embed, ctx);
  const parent = record.reply?.parent;
  return {
    key: options.key ?? `bluesky:${post.uri}`,
    network: 'bluesky',
    accountId: ctx.accountId,
    kind: options.kind ?? (record.reply ? 'reply' : 'post'),
    remoteId: post.uri,
    actionRef: post.cid,
    url: postUrl(post.uri, post.author.handle, ctx),
    author: toAuthor(post.author, ctx),
    via: options.via ?? null,
    title: embed.title,
    text: record.text,
    html: null,
    facets: toUtf16Facets(record.text, record.facets),
    media: embed.media.slice(0, 20),
    lang: record.langs?.[0]?.slice(0, 35) ?? null,
    contentWarning: contentWarning(post, record),
    replyTo: parent ? { remoteId: parent.uri, authorHandle: options.replyToHandle ?? null } : null,
    quote: embed.quote,
    counts: {
      replies: post.replyCount ?? 0,
      reposts: post.repostCount ?? 0,
      likes: post.likeCount ?? 0,
      quotes: post.quoteCount ?? 0,
    },
    viewer: { liked: post.viewer?.like ?? null, reposted: post.viewer?.repost ?? null },
    createdAt: record.createdAt,
    seenAt: ctx.seenAt,
  };
}
