// Turns a parsed RSS/Atom document into StreamItems (kind 'article'), newest first. Every value is untrusted:
// links are resolved against the feed URL and kept only when http(s), lengths are capped to the schema's limits.
import { createHash } from 'node:crypto';
import type { parseFeed } from '@rowanmanning/feed-parser';
import { itemKey, type Author, type Media, type StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { feedText, htmlToText } from './html-text.ts';

type Feed = ReturnType<typeof parseFeed>;
type FeedItem = Feed['items'][number];
type FeedItemMedia = FeedItem['media'][number];

const MAX_SHORT = 1_000;
const MAX_LONG = 200_000;
const MAX_URL = 4_096;
const MAX_MEDIA = 20;

export function normaliseFeed(feed: Feed, feedUrl: string, seenAt: number): StreamItem[] {
  const author = feedAuthor(feed, feedUrl);
  const sharedLinks = linksWithoutGuidSeenTwice(feed, feedUrl);
  const seen = new Set<string>();
  const items: { item: StreamItem; time: number; index: number }[] = [];
  feed.items.forEach((entry, index) => {
    const item = normaliseItem(entry, feed, feedUrl, author, seenAt, sharedLinks);
    // Some feeds repeat an entry; one archive row per item.
    if (seen.has(item.key)) return;
    seen.add(item.key);
    const date = entry.published ?? entry.updated;
    items.push({ item, time: date === null ? Number.NEGATIVE_INFINITY : date.getTime(), index });
  });
  // Most feeds list newest first, but not all; undated entries keep their order, after dated ones.
  items.sort((a, b) => b.time - a.time || a.index - b.index);
  return items.map((entry) => entry.item);
}

function normaliseItem(
  entry: FeedItem,
  feed: Feed,
  feedUrl: string,
  feedAuthorValue: Author,
  seenAt: number,
  sharedLinks: ReadonlySet<string>,
): StreamItem {
  // An item whose only address is its guid (a permalink) links there.
  const link = safeUrl(entry.url, feedUrl) ?? permalinkGuid(entry);
  const remoteId = identify(entry, feedUrl, link, sharedLinks);
  const content = onceDecoded(entry, ['encoded', 'content'], entry.content);
  const description = onceDecoded(entry, ['description', 'summary'], entry.description);
  const html = content ?? description;
  const summary = description ?? content;
  const named = entry.authors.find((a) => a.name !== null);
  const date = entry.published ?? entry.updated ?? new Date(seenAt);
  const seen = new Date(seenAt).toISOString();
  return {
    key: itemKey('rss', remoteId),
    network: 'rss',
    accountId: null,
    kind: 'article',
    remoteId,
    actionRef: null,
    url: link,
    author:
      named?.name == null
        ? feedAuthorValue
        : {
            ...feedAuthorValue,
            displayName: feedText(named.name, MAX_SHORT) || feedAuthorValue.displayName,
            profileUrl: safeUrl(named.url, feedUrl) ?? feedAuthorValue.profileUrl,
          },
    via: null,
    title: entry.title === null ? null : feedText(entry.title, MAX_SHORT) || null,
    text: summary === null ? '' : htmlToText(summary, MAX_LONG),
    html: html === null ? null : cap(html, MAX_LONG),
    facets: [],
    media: media(entry, feedUrl),
    lang: feed.language === null ? null : cap(feed.language, 35),
    contentWarning: null,
    replyTo: null,
    quote: null,
    counts: { replies: 0, reposts: 0, likes: 0, quotes: 0 },
    viewer: { liked: null, reposted: null },
    createdAt: date.toISOString(),
    seenAt: seen,
  };
}

// The guid (or Atom id) when there is one, else the link; both unique only within a feed unless they look like
// URIs, so bare guids such as "42" are qualified by the feed URL. Items with no guid that share a link (podcast
// episodes linking to the show's page) are told apart by their title, date and summary.
function identify(
  entry: FeedItem,
  feedUrl: string,
  link: string | null,
  sharedLinks: ReadonlySet<string>,
): string {
  const guid = entry.id?.trim();
  if (guid) return cap(guid.includes(':') ? guid : `${feedUrl}#${guid}`, 2_048);
  if (link && !sharedLinks.has(link)) return cap(link, 2_048);
  const digest = createHash('sha256')
    .update(`${entry.title ?? ''}\n${entry.published?.toISOString() ?? ''}\n${entry.description ?? ''}`)
    .digest('hex')
    .slice(0, 32);
  return cap(`${link ?? feedUrl}#${digest}`, 2_048);
}

function linksWithoutGuidSeenTwice(feed: Feed, feedUrl: string): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const entry of feed.items) {
    if (entry.id?.trim()) continue;
    const link = safeUrl(entry.url, feedUrl);
    if (link === null) continue;
    if (seen.has(link)) shared.add(link);
    seen.add(link);
  }
  return shared;
}

/** The guid as a link when it is an absolute http(s) URL (RSS guids are permalinks unless marked otherwise). */
function permalinkGuid(entry: FeedItem): string | null {
  const guid = entry.id?.trim();
  if (!guid || !/^https?:\/\//i.test(guid)) return null;
  return safeUrl(guid, guid);
}

/**
 * The HTML body as the feed meant it. The parser decodes entities a second time, which turns an escaped
 * `Option&lt;T&gt;` inside CDATA into a tag; the element's own text is decoded exactly once, as XML says.
 * Structured (XHTML) bodies keep the parser's rendering.
 */
function onceDecoded(entry: FeedItem, names: readonly string[], fallback: string | null): string | null {
  if (fallback === null) return null;
  for (const name of names) {
    const element = entry.element.findElementWithName(name);
    if (!element) continue;
    if (element.children.some((child) => typeof child !== 'string')) return fallback;
    return element.children.join('').trim() || fallback;
  }
  return fallback;
}

function feedAuthor(feed: Feed, feedUrl: string): Author {
  const host = new URL(feedUrl).host;
  const name = feed.title ?? feed.authors.find((a) => a.name !== null)?.name ?? host;
  return {
    id: cap(feedUrl, 2_048),
    handle: cap(host, MAX_SHORT),
    displayName: feedText(name, MAX_SHORT) || host,
    avatarUrl: safeUrl(feed.image?.url ?? null, feedUrl),
    profileUrl: safeUrl(feed.url, feedUrl),
    server: cap(host, MAX_SHORT),
    location: null,
  };
}

function media(entry: FeedItem, feedUrl: string): Media[] {
  const out: Media[] = [];
  const urls = new Set<string>();
  const add = (item: Media): void => {
    if (out.length < MAX_MEDIA && !urls.has(item.url)) {
      urls.add(item.url);
      out.push(item);
    }
  };
  for (const enclosure of entry.media) {
    const url = safeUrl(enclosure.url, feedUrl);
    if (url === null) continue;
    add({
      kind: mediaKind(enclosure),
      url,
      thumbUrl: safeUrl(enclosure.image, feedUrl),
      alt: cap(enclosure.title ?? '', 5_000),
      width: null,
      height: null,
    });
  }
  const image = safeUrl(entry.image?.url ?? null, feedUrl);
  if (image !== null) {
    add({
      kind: 'image',
      url: image,
      thumbUrl: null,
      alt: cap(entry.image?.title ?? '', 5_000),
      width: null,
      height: null,
    });
  }
  return out;
}

function mediaKind(media: FeedItemMedia): Media['kind'] {
  const hint = `${media.mimeType ?? ''} ${media.type ?? ''}`.toLowerCase();
  if (hint.includes('image')) return 'image';
  if (hint.includes('video')) return 'video';
  if (hint.includes('audio')) return 'audio';
  return 'unknown';
}

/** An absolute http(s) URL, or null: javascript:, data: and the like never reach the renderer. */
export function safeUrl(raw: string | null | undefined, base: string): string | null {
  if (raw == null || raw.trim() === '') return null;
  try {
    const url = new URL(raw.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href.length > MAX_URL ? null : url.href;
  } catch {
    return null;
  }
}

function cap(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}
