// The RSS/Atom connector: conditional GET of a feed URL, parsing with @rowanmanning/feed-parser, and paging the
// parsed list by item identity (feeds have no server-side paging: `since`/`before` are item remoteIds).
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Connector, Page, PageRequest } from '../connector.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { Capabilities } from '../../../src-shared/domain/capabilities.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { fetchFeed, parseFeedUrl, type FeedValidators } from './fetch-feed.ts';
import { feedText } from './html-text.ts';
import { normaliseFeed } from './normalise.ts';

export interface RssConnectorOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly now?: () => number;
  /** Bodies above this are refused unread (default 5 MB). */
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  readonly userAgent?: string;
}

/** The poller passes the validators it stored with the cursor, for a conditional GET. */
export type RssPageRequest = PageRequest & { readonly validators?: FeedValidators };

const CAPABILITIES: Capabilities = {
  columnTypes: ['rss'],
  actions: [],
  search: false,
  directMessages: false,
  streaming: false,
  serverSideScheduling: false,
  // Feeds are read-only; the composer never targets them.
  limits: { maxChars: 1, urlWeight: null, countsGraphemes: false, maxMedia: 0, maxImageBytes: 0 },
};

export function createRssConnector(options: RssConnectorOptions): Connector {
  const now = options.now ?? Date.now;
  return {
    network: 'rss',
    capabilities: () => Promise.resolve(CAPABILITIES),
    async fetchPage(request: RssPageRequest): Promise<Page> {
      if (request.source.type !== 'rss') {
        throw new RoostError(
          'invalid_input',
          `The RSS connector cannot fetch ${request.source.type} columns.`,
        );
      }
      const feedUrl = parseFeedUrl(request.source.param).href;
      // Only a refresh may be answered with 304: with nothing held yet, or when paging, the full feed is needed.
      const conditional = request.since !== null && request.before === null;
      const response = await fetchFeed(feedUrl, {
        fetch: options.fetch,
        validators: conditional ? (request.validators ?? null) : null,
        maxBytes: options.maxBytes ?? 5 * 1_048_576,
        timeoutMs: options.timeoutMs ?? 20_000,
        maxRedirects: options.maxRedirects ?? 5,
        userAgent: options.userAgent ?? 'Roost feed reader',
        signal: request.signal,
        now,
      });
      if (response.status === 'not_modified') {
        return {
          items: [],
          newest: request.since,
          older: null,
          gap: false,
          rateLimit: null,
          validators: response.validators,
        };
      }
      const items = normaliseFeed(parse(response.body), response.url, now());
      return { ...pageOf(items, request), rateLimit: null, validators: response.validators };
    },
    thread: (item) => Promise.resolve([item]),
    act: () =>
      Promise.reject(new RoostError('forbidden', 'Feed articles cannot be liked, reposted or replied to.')),
  };
}

/** The feed's own title (and site), to name a new column after it; the host when the feed has none. */
export async function inspectFeed(
  rawUrl: string,
  options: Pick<RssConnectorOptions, 'fetch' | 'userAgent'>,
): Promise<{ title: string; siteUrl: string | null }> {
  const feedUrl = parseFeedUrl(rawUrl).href;
  const response = await fetchFeed(feedUrl, {
    fetch: options.fetch,
    validators: null,
    maxBytes: 5 * 1_048_576,
    timeoutMs: 10_000,
    maxRedirects: 5,
    userAgent: options.userAgent ?? 'Roost feed reader',
    signal: undefined,
    now: Date.now,
  });
  if (response.status === 'not_modified') throw new RoostError('server_error', 'The feed sent no content.');
  const feed = parse(response.body);
  const site = feed.url === null ? null : safeSite(feed.url, response.url);
  return { title: feedText(feed.title ?? '', 200) || new URL(response.url).host, siteUrl: site };
}

function safeSite(raw: string, base: string): string | null {
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function parse(body: string): ReturnType<typeof parseFeed> {
  try {
    return parseFeed(body);
  } catch (error) {
    const invalid = (error as { code?: unknown } | null)?.code === 'INVALID_FEED';
    throw new RoostError(
      'server_error',
      invalid
        ? 'The address did not return an RSS or Atom feed.'
        : `The feed is not well-formed XML (${error instanceof Error ? error.message.slice(0, 200) : 'parse error'}).`,
    );
  }
}

// Items strictly below `before` and above `since` (both remoteIds), newest first, at most `limit`.
function pageOf(
  all: readonly StreamItem[],
  request: PageRequest,
): Pick<Page, 'items' | 'newest' | 'older' | 'gap'> {
  let from = 0;
  if (request.before !== null) {
    const at = all.findIndex((i) => i.remoteId === request.before);
    from = at === -1 ? all.length : at + 1;
  }
  let to = all.length;
  let sinceFound = false;
  if (request.since !== null) {
    const at = all.findIndex((i) => i.remoteId === request.since);
    if (at !== -1) {
      sinceFound = true;
      to = Math.max(from, at);
    }
  }
  const wanted = all.slice(from, to);
  const items = wanted.slice(0, Math.max(1, request.limit));
  const last = items.at(-1);
  const more =
    wanted.length > items.length || (!sinceFound && last !== undefined && all.indexOf(last) < all.length - 1);
  return {
    items,
    newest: all[0]?.remoteId ?? request.since,
    older: more && last !== undefined ? last.remoteId : null,
    gap: request.since !== null && wanted.length > items.length,
  };
}
