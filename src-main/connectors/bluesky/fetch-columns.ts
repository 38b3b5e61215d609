// One XRPC read per column type, validated and normalised into a RawPage. Items that fail validation are
// skipped one by one; an answer whose envelope is malformed, or whose every item is, is a server error.
import type { AtpAgent } from '@atproto/api';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { PageRequest } from '../connector.ts';
import { conforms, feedViewPostToEntry, postViewToEntry } from './normalise-feed.ts';
import type { NormaliseContext } from './normalise-post.ts';
import {
  MENTION_REASONS,
  notificationToEntry,
  parseNotifications,
  postsToHydrate,
} from './normalise-notification.ts';
import type { Entry, RawPage } from './paging.ts';
import { readRateLimit } from './rate-limit.ts';
import {
  FeedPageSchema,
  NotificationPageSchema,
  PostViewSchema,
  PostsSchema,
  SearchPageSchema,
} from './schemas.ts';
import type { PostView } from './schemas.ts';

interface Answer {
  readonly data: unknown;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

function envelope<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  data: unknown,
): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new RoostError('server_error', 'Bluesky sent an answer Roost cannot read.');
  return parsed.data;
}

function keepConforming(raw: readonly unknown[], entries: readonly (Entry | null)[]): Entry[] {
  const kept = entries.filter((e): e is Entry => e !== null && conforms(e.item));
  if (raw.length > 0 && kept.length === 0) {
    throw new RoostError('server_error', 'Bluesky sent a page in which no item could be read.');
  }
  return kept;
}

function requireParam(request: PageRequest, what: string): string {
  const param = request.source.param?.trim();
  if (!param) throw new RoostError('invalid_input', `A Bluesky ${request.source.type} column needs ${what}.`);
  return param;
}

function feedPage(answer: Answer, ctx: NormaliseContext): RawPage {
  const page = envelope(FeedPageSchema, answer.data);
  return {
    entries: keepConforming(
      page.feed,
      page.feed.map((raw) => feedViewPostToEntry(raw, ctx)),
    ),
    cursor: page.cursor ?? null,
    rateLimit: readRateLimit(answer.headers),
  };
}

function searchPage(answer: Answer, ctx: NormaliseContext): RawPage {
  const page = envelope(SearchPageSchema, answer.data);
  return {
    entries: keepConforming(
      page.posts,
      page.posts.map((raw) => postViewToEntry(raw, ctx)),
    ),
    cursor: page.cursor ?? null,
    rateLimit: readRateLimit(answer.headers),
  };
}

/** getPosts takes at most 25 URIs; posts the AppView no longer has are simply absent. */
export async function postViews(
  agent: AtpAgent,
  uris: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, PostView>> {
  const views = new Map<string, PostView>();
  for (let i = 0; i < uris.length; i += 25) {
    const answer = await agent.app.bsky.feed.getPosts(
      { uris: uris.slice(i, i + 25) },
      signal ? { signal } : {},
    );
    for (const raw of envelope(PostsSchema, answer.data).posts) {
      const post = PostViewSchema.safeParse(raw);
      if (post.success) views.set(post.data.uri, post.data);
    }
  }
  return views;
}

async function notificationPage(
  agent: AtpAgent,
  request: PageRequest,
  reasons: readonly string[] | null,
  ctx: NormaliseContext,
): Promise<RawPage> {
  const answer = await agent.app.bsky.notification.listNotifications(
    {
      limit: request.limit,
      ...(request.before ? { cursor: request.before } : {}),
      ...(reasons ? { reasons: [...reasons] } : {}),
    },
    callOptions(request),
  );
  const page = envelope(NotificationPageSchema, answer.data);
  const notifications = parseNotifications(page.notifications, reasons);
  const views = await postViews(agent, postsToHydrate(notifications), request.signal);
  const entries = notifications.map((n) => notificationToEntry(n, views, ctx));
  return {
    entries: entries.filter((e): e is Entry => e !== null && conforms(e.item)),
    cursor: page.cursor ?? null,
    rateLimit: readRateLimit(answer.headers),
  };
}

function callOptions(request: PageRequest): { signal?: AbortSignal } {
  return request.signal ? { signal: request.signal } : {};
}

export async function fetchColumn(
  agent: AtpAgent,
  request: PageRequest,
  ctx: NormaliseContext,
): Promise<RawPage> {
  const limit = request.limit;
  const cursor = request.before ? { cursor: request.before } : {};
  const opts = callOptions(request);
  const feed = agent.app.bsky.feed;
  switch (request.source.type) {
    case 'home':
      return feedPage(await feed.getTimeline({ limit, ...cursor }, opts), ctx);
    case 'author':
      return feedPage(
        await feed.getAuthorFeed({ actor: requireParam(request, 'a handle or DID'), limit, ...cursor }, opts),
        ctx,
      );
    case 'list':
      return feedPage(
        await feed.getListFeed({ list: requireParam(request, 'a list URI'), limit, ...cursor }, opts),
        ctx,
      );
    case 'feed':
      return feedPage(
        await feed.getFeed({ feed: requireParam(request, 'a feed URI'), limit, ...cursor }, opts),
        ctx,
      );
    case 'search':
      return searchPage(
        await feed.searchPosts(
          { q: requireParam(request, 'a query'), sort: 'latest', limit, ...cursor },
          opts,
        ),
        ctx,
      );
    case 'hashtag': {
      const tag = requireParam(request, 'a hashtag').replace(/^#+/, '');
      return searchPage(
        await feed.searchPosts({ q: `#${tag}`, sort: 'latest', limit, ...cursor }, opts),
        ctx,
      );
    }
    case 'mentions':
      return notificationPage(agent, request, MENTION_REASONS, ctx);
    case 'notifications':
      return notificationPage(agent, request, null, ctx);
    default:
      throw new RoostError('invalid_input', `Bluesky has no ${request.source.type} columns.`);
  }
}
