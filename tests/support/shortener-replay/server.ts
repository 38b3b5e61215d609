// A loopback HTTP server replaying documented Shlink (REST v3) and YOURLS (yourls-api.php) answers with a
// little state: links per long URL, visit counts, a key to check. It is not a Shlink or YOURLS server.
// It listens on 127.0.0.1 only, records every request, and can hold requests unanswered (timeouts).
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SHLINK_KEY,
  YOURLS_SIGNATURE,
  shlinkInvalidApiKey,
  shlinkInvalidData,
  shlinkNotFound,
  shlinkShortUrl,
  yourlsAdded,
  yourlsAuthFailed,
  yourlsDbStats,
  yourlsExists,
  yourlsNotFoundStats,
  yourlsUrlStats,
} from './fixtures.ts';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface ReplayResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** A string is sent as is (for malformed answers); anything else as JSON. */
  readonly body?: unknown;
}

interface Link {
  readonly code: string;
  readonly longUrl: string;
  visits: number;
}

export class ShortenerReplayServer {
  readonly requests: RecordedRequest[] = [];
  /** Return a response to replace the normal answer (fault injection); undefined = normal. */
  intercept: ((request: RecordedRequest) => ReplayResponse | undefined) | null = null;
  /** When true, requests are recorded but never answered, until released. */
  hold = false;
  readonly #links = new Map<string, Link>();
  readonly #held: ServerResponse[] = [];
  readonly #arrivals: (() => void)[] = [];
  readonly #server: Server;
  #next = 1;

  constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Adds a link as if someone had shortened it on the server before, with some visits. */
  seed(longUrl: string, visits: number, code = `seed${this.#next++}`): string {
    this.#links.set(longUrl, { code, longUrl, visits });
    return code;
  }

  visit(code: string, times = 1): void {
    for (const link of this.#links.values()) if (link.code === code) link.visits += times;
  }

  forget(code: string): void {
    for (const [url, link] of this.#links) if (link.code === code) this.#links.delete(url);
  }

  /** Resolves when the next request arrives. */
  nextArrival(): Promise<void> {
    return new Promise((resolve) => this.#arrivals.push(resolve));
  }

  async stop(): Promise<void> {
    for (const res of this.#held.splice(0)) res.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.requests.push(request);
    for (const resolve of this.#arrivals.splice(0)) resolve();
    if (this.hold) {
      this.#held.push(res);
      return;
    }
    const answer = this.intercept?.(request) ?? this.#answer(request);
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? null);
    res.writeHead(answer.status, {
      'Content-Type':
        answer.status >= 400 && request.path.startsWith('/rest/')
          ? 'application/problem+json'
          : 'application/json',
      ...answer.headers,
    });
    res.end(body);
  }

  #answer(request: RecordedRequest): ReplayResponse {
    if (request.path.startsWith('/rest/v3/')) return this.#shlink(request);
    if (request.path === '/yourls-api.php') return this.#yourls(request);
    return { status: 404, body: 'Not found' };
  }

  #shlink(request: RecordedRequest): ReplayResponse {
    if (request.headers['x-api-key'] !== SHLINK_KEY) return { status: 401, body: shlinkInvalidApiKey };
    const path = request.path.slice('/rest/v3/'.length);
    if (path === 'short-urls' && request.method === 'GET') {
      const data = [...this.#links.values()]
        .slice(0, 1)
        .map((l) => shlinkShortUrl(this.origin, l.code, l.longUrl, l.visits));
      return {
        status: 200,
        body: {
          shortUrls: {
            data,
            pagination: {
              currentPage: 1,
              pagesCount: 1,
              itemsPerPage: 1,
              itemsInCurrentPage: data.length,
              totalItems: this.#links.size,
            },
          },
        },
      };
    }
    if (path === 'short-urls' && request.method === 'POST') {
      let longUrl: unknown;
      try {
        longUrl = (JSON.parse(request.body) as { longUrl?: unknown }).longUrl;
      } catch {
        longUrl = undefined;
      }
      if (typeof longUrl !== 'string' || !/^https?:\/\//.test(longUrl))
        return { status: 400, body: shlinkInvalidData };
      const link = this.#linkFor(longUrl);
      return { status: 200, body: shlinkShortUrl(this.origin, link.code, link.longUrl, link.visits) };
    }
    const match = /^short-urls\/([^/]+)$/.exec(path);
    if (match && request.method === 'GET') {
      const code = decodeURIComponent(match[1] ?? '');
      const link = [...this.#links.values()].find((l) => l.code === code);
      if (!link) return { status: 404, body: shlinkNotFound(code) };
      return { status: 200, body: shlinkShortUrl(this.origin, link.code, link.longUrl, link.visits) };
    }
    return {
      status: 404,
      body: {
        type: 'https://shlink.io/api/error/not-found',
        title: 'Not found',
        detail: 'Requested route does not exist.',
        status: 404,
      },
    };
  }

  #yourls(request: RecordedRequest): ReplayResponse {
    const params = new URLSearchParams(request.method === 'POST' ? request.body : request.query.toString());
    if (params.get('signature') !== YOURLS_SIGNATURE) return { status: 403, body: yourlsAuthFailed };
    const site = this.origin;
    switch (params.get('action')) {
      case 'db-stats':
        return { status: 200, body: yourlsDbStats };
      case 'shorturl': {
        const url = params.get('url') ?? '';
        const existing = this.#links.get(url);
        if (existing) return { status: 200, body: yourlsExists(site, existing.code, url, existing.visits) };
        const link = this.#linkFor(url);
        return { status: 200, body: yourlsAdded(site, link.code, url) };
      }
      case 'url-stats': {
        const keyword = (params.get('shorturl') ?? '').replace(`${site}/`, '');
        const link = [...this.#links.values()].find((l) => l.code === keyword);
        if (!link) return { status: 404, body: yourlsNotFoundStats };
        return { status: 200, body: yourlsUrlStats(site, link.code, link.longUrl, link.visits) };
      }
      default:
        return {
          status: 400,
          body: {
            errorCode: 400,
            message: 'Unknown or missing "action" parameter',
            simple: 'Unknown or missing "action" parameter',
          },
        };
    }
  }

  #linkFor(longUrl: string): Link {
    const existing = this.#links.get(longUrl);
    if (existing) return existing;
    const link = { code: `r${(this.#next++).toString(36)}x`, longUrl, visits: 0 };
    this.#links.set(longUrl, link);
    return link;
  }
}
