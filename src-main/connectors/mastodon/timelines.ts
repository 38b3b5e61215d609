// fetchPage for every Mastodon column type: picks the endpoint, turns since/before into since_id/max_id,
// reads cursors from the Link header, detects gaps, and reports a regenerating home feed (HTTP 206).
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { Page, PageRequest } from '../connector.ts';
import {
  ConversationListSchema,
  NotificationListSchema,
  SearchSchema,
  StatusListSchema,
  type MastodonConversation,
  type MastodonNotification,
  type MastodonStatus,
} from './entities.ts';
import type { HttpResult, MastodonHttp, QueryValue } from './http.ts';
import {
  normaliseConversation,
  normaliseNotification,
  normaliseStatus,
  type NormaliseContext,
} from './normalise.ts';

export interface MastodonPage extends Page {
  /**
   * Set when the server answered with only part of the page (206: the home feed is being rebuilt);
   * the poller should fetch again after this many milliseconds instead of waiting a full interval.
   */
  readonly retrySoonMs: number | null;
}

/** How soon to ask again while Mastodon regenerates a home feed; it usually takes a few seconds. */
export const REGENERATING_RETRY_MS = 5_000;

type Entry = { readonly id: string; readonly item: StreamItem | null };

interface Endpoint {
  readonly path: string;
  readonly action: string;
  readonly query: Record<string, QueryValue>;
  readonly maxLimit: number;
  /** Search has no since_id: newer-than filtering happens here. */
  readonly sinceParam: boolean;
  readonly read: (
    http: MastodonHttp,
    path: string,
    query: Record<string, QueryValue>,
    signal?: AbortSignal,
  ) => Promise<{
    result: HttpResult<unknown>;
    entries: (ctx: NormaliseContext) => Entry[];
  }>;
}

export async function fetchMastodonPage(
  http: MastodonHttp,
  request: PageRequest,
  ctx: NormaliseContext,
): Promise<MastodonPage> {
  const endpoint = endpointFor(request);
  const limit = Math.max(1, Math.min(Math.floor(request.limit) || 20, endpoint.maxLimit));
  const query: Record<string, QueryValue> = { ...endpoint.query, limit };
  if (request.before) query.max_id = request.before;
  if (request.since && endpoint.sinceParam) query.since_id = request.since;

  const { result, entries: readEntries } = await endpoint.read(http, endpoint.path, query, request.signal);
  const rawEntries = readEntries(ctx);
  const rawCount = rawEntries.length;
  let entries = rawEntries;
  if (request.since && !endpoint.sinceParam) {
    const since = request.since;
    entries = entries.filter((entry) => compareIds(entry.id, since) > 0);
  }
  const reachedSince = request.since !== null && entries.length < rawCount;
  const full = rawCount >= limit;

  const first = entries[0];
  const lastRaw = rawEntries[rawCount - 1];
  const newest = result.links.prev?.minId ?? first?.id ?? request.since ?? null;
  let older: string | null = null;
  if (result.hasLinkHeader) older = result.links.next?.maxId ?? null;
  else if (full && lastRaw) older = lastRaw.id;

  return {
    items: entries.map((entry) => entry.item).filter((item): item is StreamItem => item !== null),
    newest,
    older,
    gap: request.since !== null && request.before === null && full && !reachedSince,
    rateLimit: result.rateLimit,
    retrySoonMs: result.status === 206 ? REGENERATING_RETRY_MS : null,
  };
}

function endpointFor(request: PageRequest): Endpoint {
  const { type, param } = request.source;
  const need = (what: string): string => {
    const value = param?.trim();
    if (!value) throw new RoostError('invalid_input', `A ${type} column needs a ${what}.`);
    return value;
  };
  const statuses = (path: string, action: string, query: Record<string, QueryValue> = {}): Endpoint => ({
    path,
    action,
    query,
    maxLimit: 40,
    sinceParam: true,
    read: statusReader(action),
  });
  switch (type) {
    case 'home':
      return statuses('/api/v1/timelines/home', 'Home timeline');
    case 'local':
      return statuses('/api/v1/timelines/public', 'Local timeline', { local: true });
    case 'federated':
      return statuses('/api/v1/timelines/public', 'Federated timeline');
    case 'hashtag':
      return statuses(
        `/api/v1/timelines/tag/${encodeURIComponent(need('hashtag').replace(/^#/, ''))}`,
        'Hashtag',
      );
    case 'list':
      return statuses(`/api/v1/timelines/list/${encodeURIComponent(need('list id'))}`, 'List');
    case 'author':
      return statuses(`/api/v1/accounts/${encodeURIComponent(need('account id'))}/statuses`, 'Account posts');
    case 'mentions':
    case 'notifications': {
      const action = type === 'mentions' ? 'Mentions' : 'Notifications';
      return {
        path: '/api/v1/notifications',
        action,
        query: type === 'mentions' ? { types: ['mention'] } : {},
        maxLimit: 80,
        sinceParam: true,
        read: async (http, path, query, signal) => {
          const result = await http.request('GET', path, NotificationListSchema, { action, query, signal });
          return {
            result,
            entries: (ctx) =>
              result.body.map((n: MastodonNotification) => ({
                id: n.id,
                item: normaliseNotification(n, ctx),
              })),
          };
        },
      };
    }
    case 'conversations':
      return {
        path: '/api/v1/conversations',
        action: 'Direct messages',
        query: {},
        maxLimit: 40,
        sinceParam: true,
        read: async (http, path, query, signal) => {
          const result = await http.request('GET', path, ConversationListSchema, {
            action: 'Direct messages',
            query,
            signal,
          });
          // Conversation ids are not the pagination ids: cursors come only from the Link header.
          return {
            result,
            entries: (ctx) =>
              result.body.map((c: MastodonConversation) => ({
                id: c.last_status?.id ?? c.id,
                item: normaliseConversation(c, ctx),
              })),
          };
        },
      };
    case 'search': {
      const q = need('search query');
      return {
        path: '/api/v2/search',
        action: 'Search',
        query: { q, type: 'statuses', resolve: false },
        maxLimit: 40,
        sinceParam: false,
        read: async (http, path, query, signal) => {
          const result = await http.request('GET', path, SearchSchema, { action: 'Search', query, signal });
          return {
            result,
            entries: (ctx) =>
              result.body.statuses.map((s: MastodonStatus) => ({ id: s.id, item: normaliseStatus(s, ctx) })),
          };
        },
      };
    }
    default:
      throw new RoostError('invalid_input', `Mastodon has no ${type} column.`);
  }
}

function statusReader(action: string): Endpoint['read'] {
  return async (http, path, query, signal) => {
    const result = await http.request('GET', path, StatusListSchema, { action, query, signal });
    return {
      result,
      entries: (ctx) => result.body.map((s: MastodonStatus) => ({ id: s.id, item: normaliseStatus(s, ctx) })),
    };
  };
}

/** Mastodon ids are numeric strings (snowflakes); compatibles may use other sortable strings. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    if (a.length !== b.length) return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
