// An in-process stand-in for a Mastodon-like server behind the Connector interface: numbered posts per source,
// since/before/limit paging with gaps, scripted failures, optional latency on the fake timers, and optionally a
// per-account limit in fixed windows that reports X-RateLimit-style info and answers 429 beyond it.
import type { Connector, Page, PageRequest } from '../../../../src-main/connectors/connector.ts';
import { delay, type Clock, type Timers } from '../../../../src-main/runtime/timing.ts';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import type { Network } from '../../../../src-shared/domain/account.ts';
import { columnSourceKey, type ColumnSource } from '../../../../src-shared/domain/column.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';

export interface FakeRequest {
  readonly at: number;
  readonly sourceKey: string;
  readonly since: string | null;
  readonly before: string | null;
  readonly etag: string | null;
  readonly outcome: 'ok' | 'rate_limited' | 'failed';
}

export interface FakeNetworkOptions {
  readonly clock: Clock;
  readonly network?: Network;
  readonly timers?: Timers;
  readonly latencyMs?: number;
  /** false: like a server that answers anyway, the abort signal is ignored. */
  readonly honourAbort?: boolean;
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number };
}

export interface FakeNetwork {
  readonly connector: Connector;
  readonly requests: FakeRequest[];
  post(source: ColumnSource, count?: number): void;
  /** The next request for this source (or any source with '*') fails with `error`. */
  failNext(sourceKey: string, error: Error): void;
}

export function createFakeNetwork(options: FakeNetworkOptions): FakeNetwork {
  const network = options.network ?? 'mastodon';
  const feeds = new Map<string, number[]>();
  const failures: { sourceKey: string; error: Error }[] = [];
  const windows = new Map<string, { start: number; count: number }>();
  const requests: FakeRequest[] = [];
  let lastId = 0;

  const item = (sourceKey: string, id: number): StreamItem => {
    const remoteId = `${sourceKey}#${id}`;
    const author = {
      id: 'https://social.example/users/alice',
      handle: 'alice@social.example',
      displayName: 'Alice',
      avatarUrl: null,
      profileUrl: null,
      server: 'social.example',
      location: null,
    };
    const at = new Date(options.clock.now()).toISOString();
    return {
      key: `${network}:${remoteId}`,
      network,
      accountId: null,
      kind: 'post',
      remoteId,
      actionRef: String(id),
      url: null,
      author,
      via: null,
      title: null,
      text: `post ${id}`,
      html: null,
      facets: [],
      media: [],
      lang: null,
      contentWarning: null,
      replyTo: null,
      quote: null,
      counts: { replies: 0, reposts: 0, likes: 0, quotes: 0 },
      viewer: { liked: null, reposted: null },
      createdAt: at,
      seenAt: at,
    };
  };

  const charge = (accountId: string): { limit: number; remaining: number; resetAt: number } | null => {
    const rule = options.rateLimit;
    if (rule === undefined) return null;
    const now = options.clock.now();
    const start = Math.floor(now / rule.windowMs) * rule.windowMs;
    let window = windows.get(accountId);
    if (window === undefined || window.start !== start) {
      window = { start, count: 0 };
      windows.set(accountId, window);
    }
    window.count += 1;
    return { limit: rule.limit, remaining: rule.limit - window.count, resetAt: start + rule.windowMs };
  };

  const fetchPage = async (
    request: PageRequest & { validators?: { etag: string | null } },
  ): Promise<Page> => {
    const sourceKey = columnSourceKey(request.source);
    const log = (outcome: FakeRequest['outcome']): void => {
      requests.push({
        at: options.clock.now(),
        sourceKey,
        since: request.since,
        before: request.before,
        etag: request.validators?.etag ?? null,
        outcome,
      });
    };
    if (options.latencyMs !== undefined && options.timers !== undefined) {
      await delay(
        options.timers,
        options.latencyMs,
        options.honourAbort === false ? undefined : request.signal,
      );
    }
    const rate = charge(request.source.accountId ?? '-');
    if (rate !== null && rate.remaining < 0) {
      log('rate_limited');
      const error = new RoostError('rate_limited', 'Too many requests');
      throw Object.assign(error, { retryAfterMs: rate.resetAt - options.clock.now() });
    }
    const failureAt = failures.findIndex((f) => f.sourceKey === sourceKey || f.sourceKey === '*');
    if (failureAt >= 0) {
      const [failure] = failures.splice(failureAt, 1);
      log('failed');
      throw failure?.error;
    }
    log('ok');
    const ids = feeds.get(sourceKey) ?? [];
    const since = request.since === null ? null : Number(request.since);
    const before = request.before === null ? null : Number(request.before);
    const candidates = ids
      .filter((id) => (since === null || id > since) && (before === null || id < before))
      .sort((a, b) => b - a);
    const page = candidates.slice(0, request.limit);
    const lowest = page.at(-1);
    return {
      items: page.map((id) => item(sourceKey, id)),
      newest: page.length > 0 ? String(page[0]) : request.since,
      older: lowest !== undefined && ids.some((id) => id < lowest) ? String(lowest) : null,
      gap: since !== null && candidates.length > request.limit,
      rateLimit:
        rate === null
          ? null
          : { limit: rate.limit, remaining: Math.max(0, rate.remaining), resetAt: rate.resetAt },
      validators: { etag: `"v${ids.length}"`, lastModified: null },
    };
  };

  return {
    requests,
    connector: {
      network,
      capabilities: () => Promise.reject(new RoostError('internal', 'not used by the poller')),
      fetchPage,
      thread: (i) => Promise.resolve([i]),
      act: () => Promise.resolve({ remoteId: null }),
    },
    post(source, count = 1) {
      const key = columnSourceKey(source);
      const ids = feeds.get(key) ?? [];
      for (let i = 0; i < count; i += 1) ids.push(++lastId);
      feeds.set(key, ids);
    },
    failNext(sourceKey, error) {
      failures.push({ sourceKey, error });
    },
  };
}
