// A loopback HTTP + WebSocket server that replays the official Mastodon API documentation's example
// responses (fixtures/) with realistic behaviour: Link-header paging, 206 while the home feed regenerates,
// X-RateLimit-* with 429 past a budget, 401 for revoked tokens, 422 validation, Idempotency-Key, media
// 202 → processed, scheduled_at → ScheduledStatus, OAuth with PKCE, and a streaming endpoint.
// It is not a Mastodon server; it listens on 127.0.0.1 only and records every request.
import { createHash, randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  clones,
  compareIds,
  completeConversation,
  completeNotification,
  completeStatus,
  fixture,
  selfAccount,
  sortNewestFirst,
  withId,
  type JsonObject,
} from './fixtures.ts';
import { ReplayStreaming } from './replay-streaming.ts';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

export interface ReplayResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** A string is sent as is (for malformed answers); anything else as JSON. */
  readonly body?: unknown;
}

export interface ReplayOptions {
  /** Requests per token before 429 (Mastodon: 300 per 5 minutes). */
  readonly rateLimitBudget?: number;
  /** How many GET /api/v1/media/:id answer 206 before the file counts as processed. */
  readonly mediaPollsBeforeReady?: number;
  readonly statusesPerTimeline?: number;
  readonly now?: () => number;
}

const RATE_WINDOW_MS = 5 * 60 * 1000;
const SCHEDULE_MIN_MS = 5 * 60 * 1000;
export const REPLAY_TOKEN = 'replay-user-token';

interface Posted {
  readonly response: JsonObject;
  readonly status: number;
}

export class MastodonReplayServer {
  readonly requests: RecordedRequest[] = [];
  readonly streaming = new ReplayStreaming();
  /** Timelines by name: home, public, local, tag:<name>, list:<id>; newest first. */
  readonly timelines = new Map<string, JsonObject[]>();
  notifications: JsonObject[] = [];
  conversations: JsonObject[] = [];
  /** Statuses posted through the API, newest first (GET /api/v1/accounts/:id/statuses). */
  readonly posted: JsonObject[] = [];
  readonly scheduled: JsonObject[] = [];
  regenerating = false;
  rateLimitBudget: number;
  mediaPollsBeforeReady: number;
  maxCharacters = 500;
  /** Return a response to replace the normal answer for a request (fault injection); undefined = normal. */
  intercept: ((request: RecordedRequest) => ReplayResponse | undefined) | null = null;

  readonly #server: Server;
  readonly #now: () => number;
  readonly #tokens = new Set<string>([REPLAY_TOKEN]);
  readonly #usage = new Map<string, { used: number; resetAt: number }>();
  readonly #idempotency = new Map<string, Posted>();
  readonly #apps = new Map<string, { secret: string; redirectUris: string[] }>();
  readonly #codes = new Map<string, { clientId: string; redirectUri: string; challenge: string }>();
  readonly #media = new Map<string, { polls: number; description: string | null }>();
  #nextId = 110_000_000_000_000_000n;
  #origin = '';

  private constructor(options: ReplayOptions) {
    this.#now = options.now ?? Date.now;
    this.rateLimitBudget = options.rateLimitBudget ?? 300;
    this.mediaPollsBeforeReady = options.mediaPollsBeforeReady ?? 2;
    this.#seed(options.statusesPerTimeline ?? 60);
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: String(error) }));
      });
    });
    this.#server.on('upgrade', (request: IncomingMessage, socket, head) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      this.requests.push({
        method: 'UPGRADE',
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body: null,
      });
      this.streaming.handleUpgrade(
        request,
        socket,
        head,
        (token) => token !== null && this.#tokens.has(token),
      );
    });
  }

  static async start(options: ReplayOptions = {}): Promise<MastodonReplayServer> {
    const server = new MastodonReplayServer(options);
    await new Promise<void>((resolve) => server.#server.listen(0, '127.0.0.1', resolve));
    const { port } = server.#server.address() as AddressInfo;
    server.#origin = `http://127.0.0.1:${port}`;
    return server;
  }

  get origin(): string {
    return this.#origin;
  }

  get token(): string {
    return REPLAY_TOKEN;
  }

  async close(): Promise<void> {
    this.streaming.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  revokeToken(token: string): void {
    this.#tokens.delete(token);
  }

  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && request.path === path);
  }

  #seed(count: number): void {
    const base = fixture('status');
    const top = 103_270_115_826_048_975n;
    const reblog = completeStatus(fixture('reblog'));
    const reply = fixture('status-local-reply');
    this.timelines.set('home', sortNewestFirst([reblog, reply, ...clones(base, count - 2, top)]));
    this.timelines.set(
      'public',
      sortNewestFirst([fixture('status-federated'), ...clones(base, count - 1, top)]),
    );
    this.timelines.set('local', sortNewestFirst([reply, ...clones(base, count - 1, top)]));
    const cats = fixture<JsonObject[]>('timeline-hashtag-cats').map(completeStatus);
    this.timelines.set(
      'tag:cats',
      sortNewestFirst([...cats, ...clones(cats[1] as JsonObject, count - 2, 103_203_659_567_590_000n)]),
    );
    this.timelines.set('list:1', sortNewestFirst(clones(base, count, top)));
    const documented = fixture<JsonObject[]>('notifications').map(completeNotification);
    const mention = documented[0] as JsonObject;
    const moreMentions = Array.from({ length: count - 3 }, (_, index) => {
      const id = String(34_975_000n - BigInt(index) * 10n);
      return {
        ...mention,
        id,
        status: withId(mention.status as JsonObject, String(103_186_000_000_000_000n - BigInt(index))),
      };
    });
    this.notifications = sortNewestFirst([
      ...documented,
      fixture('notification-mention-streamed'),
      ...moreMentions,
    ]);
    this.conversations = fixture<JsonObject[]>('conversations').map(completeConversation);
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.#origin);
    const body = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body,
    };
    this.requests.push(recorded);
    const send = (answer: ReplayResponse): void => {
      const headers: Record<string, string> = { ...answer.headers };
      let text = '';
      if (typeof answer.body === 'string') text = answer.body;
      else if (answer.body !== undefined) {
        text = JSON.stringify(answer.body);
        headers['content-type'] ??= 'application/json; charset=utf-8';
      }
      response.writeHead(answer.status, headers);
      response.end(text);
    };

    const token = bearer(request.headers.authorization);
    const rate = token ? this.#rateHeaders(token) : {};
    const injected = this.intercept?.(recorded);
    if (injected) return send({ ...injected, headers: { ...rate.headers, ...injected.headers } });
    if (rate.exceeded)
      return send({ status: 429, headers: rate.headers, body: { error: 'Too many requests' } });

    const publicRoute = this.#publicRoute(recorded, url);
    if (publicRoute) return send(publicRoute);
    if (!token || !this.#tokens.has(token)) {
      return send({ status: 401, headers: rate.headers, body: fixture('error-invalid-token') });
    }
    const answer = this.#userRoute(recorded, url, token);
    return send({ ...answer, headers: { ...rate.headers, ...answer.headers } });
  }

  #rateHeaders(token: string): { headers?: Record<string, string>; exceeded?: boolean } {
    const now = this.#now();
    let usage = this.#usage.get(token);
    if (!usage || usage.resetAt <= now) {
      usage = { used: 0, resetAt: now + RATE_WINDOW_MS };
      this.#usage.set(token, usage);
    }
    usage.used += 1;
    return {
      exceeded: usage.used > this.rateLimitBudget,
      headers: {
        'x-ratelimit-limit': String(this.rateLimitBudget),
        'x-ratelimit-remaining': String(Math.max(0, this.rateLimitBudget - usage.used)),
        'x-ratelimit-reset': new Date(usage.resetAt).toISOString(),
      },
    };
  }

  #publicRoute(request: RecordedRequest, url: URL): ReplayResponse | null {
    const { method, path } = request;
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (method === 'GET' && path === '/api/v2/instance') {
      const instance = fixture('instance-v2');
      const configuration = instance.configuration as JsonObject;
      (configuration.statuses as JsonObject).max_characters = this.maxCharacters;
      // The documented value names mastodon.social's streaming host; the replay streams from itself.
      (configuration.urls as JsonObject).streaming = this.#origin.replace(/^http/, 'ws');
      return { status: 200, body: instance };
    }
    if (method === 'POST' && path === '/api/v1/apps') {
      const uris = listParam(body, 'redirect_uris');
      if (uris.length === 0 || !uris.every((uri) => /^(https?:\/\/|urn:ietf:wg:oauth:2\.0:oob$)/.test(uri))) {
        return { status: 422, body: { error: 'Validation failed: Redirect URI must be an absolute URI.' } };
      }
      const app = fixture('application');
      const clientId = randomBytes(16).toString('base64url');
      const secret = randomBytes(16).toString('base64url');
      this.#apps.set(clientId, { secret, redirectUris: uris });
      return {
        status: 200,
        body: {
          ...app,
          name: String(body.client_name ?? app.name),
          redirect_uri: uris.join('\n'),
          redirect_uris: uris,
          client_id: clientId,
          client_secret: secret,
        },
      };
    }
    if (method === 'GET' && path === '/oauth/authorize') {
      const q = url.searchParams;
      const app = this.#apps.get(q.get('client_id') ?? '');
      const redirectUri = q.get('redirect_uri') ?? '';
      if (
        !app ||
        !app.redirectUris.includes(redirectUri) ||
        q.get('response_type') !== 'code' ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('code_challenge')
      ) {
        return { status: 400, body: fixture('error-oauth') };
      }
      const code = randomBytes(24).toString('base64url');
      this.#codes.set(code, {
        clientId: q.get('client_id') ?? '',
        redirectUri,
        challenge: q.get('code_challenge') ?? '',
      });
      if (redirectUri === 'urn:ietf:wg:oauth:2.0:oob') {
        return {
          status: 200,
          headers: { 'content-type': 'text/html' },
          body: `<!doctype html><input class="oauth-code" readonly value="${code}">`,
        };
      }
      const target = new URL(redirectUri);
      target.searchParams.set('code', code);
      const state = q.get('state');
      if (state !== null) target.searchParams.set('state', state);
      return { status: 302, headers: { location: target.toString() } };
    }
    if (method === 'POST' && path === '/oauth/token') {
      const grant = this.#codes.get(String(body.code ?? ''));
      const app = this.#apps.get(String(body.client_id ?? ''));
      const verifier = String(body.code_verifier ?? '');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!app || app.secret !== body.client_secret) {
        return {
          status: 401,
          body: {
            error: 'invalid_client',
            error_description:
              'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
          },
        };
      }
      if (
        body.grant_type !== 'authorization_code' ||
        !grant ||
        grant.clientId !== body.client_id ||
        grant.redirectUri !== body.redirect_uri ||
        grant.challenge !== challenge
      ) {
        return { status: 400, body: fixture('error-oauth') };
      }
      this.#codes.delete(String(body.code));
      const token = { ...fixture('token'), access_token: randomBytes(24).toString('base64url') };
      this.#tokens.add(String(token.access_token));
      return { status: 200, body: token };
    }
    return null;
  }

  #userRoute(request: RecordedRequest, url: URL, token: string): ReplayResponse {
    const { method, path } = request;
    const q = url.searchParams;
    const page = (items: JsonObject[], max: number, idOf?: (item: JsonObject) => string): ReplayResponse =>
      this.#page(url, items, max, idOf);
    let match: RegExpExecArray | null;

    if (method === 'GET' && path === '/api/v1/accounts/verify_credentials')
      return { status: 200, body: fixture('account-credential') };
    if (method === 'GET' && path === '/api/v1/timelines/home') {
      const answer = page(this.timelines.get('home') ?? [], 40);
      // Documented: 206 Partial Content while the home feed is regenerating.
      return this.regenerating
        ? { ...answer, status: 206, body: (answer.body as JsonObject[]).slice(0, 2) }
        : answer;
    }
    if (method === 'GET' && path === '/api/v1/timelines/public') {
      return page(this.timelines.get(q.get('local') === 'true' ? 'local' : 'public') ?? [], 40);
    }
    if (method === 'GET' && (match = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(path))) {
      return page(this.timelines.get(`tag:${decodeURIComponent(match[1] ?? '').toLowerCase()}`) ?? [], 40);
    }
    if (method === 'GET' && (match = /^\/api\/v1\/timelines\/list\/([^/]+)$/.exec(path))) {
      const list = this.timelines.get(`list:${match[1]}`);
      return list ? page(list, 40) : { status: 404, body: fixture('error-not-found') };
    }
    if (method === 'GET' && path === '/api/v1/notifications') {
      const types = q.getAll('types[]');
      return page(
        types.length ? this.notifications.filter((n) => types.includes(String(n.type))) : this.notifications,
        80,
      );
    }
    if (method === 'GET' && path === '/api/v1/conversations') {
      return page(this.conversations, 40, (c) => String((c.last_status as JsonObject).id));
    }
    if (method === 'GET' && path === '/api/v2/search') {
      const term = (q.get('q') ?? '').toLowerCase();
      const all = sortNewestFirst(dedupe([...this.posted, ...[...this.timelines.values()].flat()]));
      const hits = all.filter((s) => String(s.content).toLowerCase().includes(term));
      const limit = Math.min(Number(q.get('limit') ?? 20), 40);
      const maxId = q.get('max_id');
      const statuses = hits.filter((s) => !maxId || compareIds(String(s.id), maxId) < 0).slice(0, limit);
      return { status: 200, body: { accounts: [], statuses, hashtags: [] } };
    }
    if (method === 'GET' && (match = /^\/api\/v1\/accounts\/([^/]+)\/statuses$/.exec(path))) {
      return page(
        this.posted.filter((s) => (s.account as JsonObject).id === match?.[1]),
        40,
      );
    }
    if (method === 'POST' && path === '/api/v1/statuses') return this.#post(request, token);
    if (method === 'POST' && path === '/api/v2/media') return this.#upload(request);
    if (method === 'GET' && (match = /^\/api\/v1\/media\/([^/]+)$/.exec(path))) {
      const media = this.#media.get(match[1] ?? '');
      if (!media) return { status: 404, body: fixture('error-not-found') };
      media.polls += 1;
      if (media.polls <= this.mediaPollsBeforeReady) return { status: 206 };
      return {
        status: 200,
        body: {
          ...fixture<JsonObject>('media-processed'),
          id: match[1] ?? '',
          description: media.description,
        },
      };
    }
    if ((match = /^\/api\/v1\/statuses\/([^/]+)(?:\/([a-z_]+))?$/.exec(path))) {
      return this.#statusRoute(method, match[1] ?? '', match[2] ?? null);
    }
    return { status: 404, body: fixture('error-not-found') };
  }

  #statusRoute(method: string, id: string, verb: string | null): ReplayResponse {
    const status = this.findStatus(id);
    if (!status) return { status: 404, body: fixture('error-not-found') };
    if (method === 'GET' && verb === null) return { status: 200, body: status };
    if (method === 'GET' && verb === 'context') {
      const context = fixture('context');
      return {
        status: 200,
        body: {
          ancestors: (context.ancestors as JsonObject[]).map(completeStatus),
          descendants: (context.descendants as JsonObject[]).map(completeStatus),
        },
      };
    }
    if (method === 'DELETE' && verb === null) {
      for (const list of [this.posted, ...this.timelines.values()]) {
        const index = list.findIndex((s) => s.id === id);
        if (index >= 0) list.splice(index, 1);
      }
      this.streaming.push('user', 'delete', id);
      return { status: 200, body: status };
    }
    if (method === 'POST' && (verb === 'favourite' || verb === 'unfavourite')) {
      const on = verb === 'favourite';
      if (status.favourited !== on) status.favourites_count = Number(status.favourites_count) + (on ? 1 : -1);
      status.favourited = on;
      return { status: 200, body: status };
    }
    if (method === 'POST' && verb === 'reblog') {
      status.reblogged = true;
      const documented = fixture('reblog');
      const wrapper = completeStatus({
        ...documented,
        id: this.#newId(),
        account: selfAccount(),
        reblog: null,
      });
      return { status: 200, body: { ...wrapper, reblogged: true, reblog: status } };
    }
    if (method === 'POST' && verb === 'unreblog') {
      status.reblogged = false;
      return { status: 200, body: status };
    }
    return { status: 404, body: fixture('error-not-found') };
  }

  /** Other people's favourites, boosts and replies arriving on a status, as GET /api/v1/statuses/:id shows them. */
  setEngagement(
    id: string,
    counts: { readonly favourites?: number; readonly reblogs?: number; readonly replies?: number },
  ): void {
    const status = this.findStatus(id);
    if (!status) throw new Error(`No status ${id} on the replay server`);
    if (counts.favourites !== undefined) status.favourites_count = counts.favourites;
    if (counts.reblogs !== undefined) status.reblogs_count = counts.reblogs;
    if (counts.replies !== undefined) status.replies_count = counts.replies;
  }

  findStatus(id: string): JsonObject | undefined {
    for (const list of [this.posted, ...this.timelines.values()]) {
      const found = list.find((s) => s.id === id);
      if (found) return found;
    }
    return undefined;
  }

  #post(request: RecordedRequest, token: string): ReplayResponse {
    const key = headerValue(request.headers['idempotency-key']);
    if (key) {
      const earlier = this.#idempotency.get(`${token}:${key}`);
      if (earlier) return { status: earlier.status, body: earlier.response };
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = typeof body.status === 'string' ? body.status : '';
    const mediaIds = listParam(body, 'media_ids');
    if (!text.trim() && mediaIds.length === 0) return { status: 422, body: fixture('error-validation') };
    if ([...text].length > this.maxCharacters) {
      return {
        status: 422,
        body: { error: `Validation failed: Text character limit of ${this.maxCharacters} exceeded` },
      };
    }
    let result: Posted;
    if (typeof body.scheduled_at === 'string') {
      const at = Date.parse(body.scheduled_at);
      if (!Number.isFinite(at) || at - this.#now() < SCHEDULE_MIN_MS) {
        return {
          status: 422,
          body: { error: 'Validation failed: Scheduled at The scheduled date must be in the future' },
        };
      }
      const documented = fixture('scheduled-status');
      const scheduled: JsonObject = {
        ...documented,
        id: String(this.scheduled.length + 1),
        scheduled_at: new Date(at).toISOString(),
        params: {
          ...(documented.params as JsonObject),
          text,
          idempotency: key ?? null,
          in_reply_to_id: (body.in_reply_to_id as string) ?? null,
        },
      };
      this.scheduled.push(scheduled);
      result = { status: 200, response: scheduled };
    } else {
      const status = withId(fixture('status'), this.#newId());
      Object.assign(status, {
        created_at: new Date(this.#now()).toISOString(),
        content: `<p>${escapeHtml(text)}</p>`,
        account: selfAccount(),
        in_reply_to_id: (body.in_reply_to_id as string | undefined) ?? null,
        visibility: (body.visibility as string | undefined) ?? 'public',
        spoiler_text: (body.spoiler_text as string | undefined) ?? '',
        sensitive: body.sensitive === true,
        language: (body.language as string | undefined) ?? 'en',
        replies_count: 0,
        reblogs_count: 0,
        favourites_count: 0,
        quotes_count: 0,
        media_attachments: mediaIds.map((id) => ({ ...fixture<JsonObject>('media-processed'), id })),
        card: null,
      });
      this.posted.unshift(status);
      this.timelines.get('home')?.unshift(status);
      this.streaming.push('user', 'update', status);
      result = { status: 200, response: status };
    }
    if (key) this.#idempotency.set(`${token}:${key}`, result);
    return { status: result.status, body: result.response };
  }

  #upload(request: RecordedRequest): ReplayResponse {
    const raw = request.body;
    if (!(raw instanceof Buffer) || !raw.includes('filename=')) {
      return {
        status: 422,
        body: { error: 'Validation failed: File content type is invalid, File is invalid' },
      };
    }
    const description = /name="description"\r\n\r\n([^\r]*)\r\n/.exec(raw.toString('utf8'))?.[1] ?? null;
    const id = String(22_348_641 + this.#media.size);
    this.#media.set(id, { polls: 0, description });
    return { status: 202, body: { ...fixture<JsonObject>('media-upload-accepted'), id, description } };
  }

  #newId(): string {
    this.#nextId += 1n;
    return String(this.#nextId);
  }

  /** Mastodon's paging: max_id / since_id / min_id bounds, newest first, Link next only when the page is full. */
  #page(
    url: URL,
    items: JsonObject[],
    maxLimit: number,
    idOf: (item: JsonObject) => string = (item) => String(item.id),
  ): ReplayResponse {
    const q = url.searchParams;
    const limit = Math.max(1, Math.min(Number(q.get('limit') ?? 20) || 20, maxLimit));
    const maxId = q.get('max_id');
    const sinceId = q.get('since_id');
    const minId = q.get('min_id');
    let selected = items.filter((item) => {
      const id = idOf(item);
      return (
        (!maxId || compareIds(id, maxId) < 0) &&
        (!sinceId || compareIds(id, sinceId) > 0) &&
        (!minId || compareIds(id, minId) > 0)
      );
    });
    selected = minId ? selected.slice(Math.max(0, selected.length - limit)) : selected.slice(0, limit);
    const links: string[] = [];
    const link = (param: string, id: string, rel: string): string => {
      const target = new URL(url.pathname, this.#origin);
      for (const [key, value] of q)
        if (!['max_id', 'min_id', 'since_id'].includes(key)) target.searchParams.append(key, value);
      target.searchParams.set(param, id);
      return `<${target.toString()}>; rel="${rel}"`;
    };
    const first = selected[0];
    const last = selected[selected.length - 1];
    if (last && selected.length === limit) links.push(link('max_id', idOf(last), 'next'));
    if (first) links.push(link('min_id', idOf(first), 'prev'));
    return { status: 200, headers: links.length ? { link: links.join(', ') } : {}, body: selected };
  }
}

function bearer(header: string | undefined): string | null {
  return header?.startsWith('Bearer ') ? header.slice(7) : null;
}

function headerValue(value: string | string[] | undefined): string | null {
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function listParam(body: Record<string, unknown>, name: string): string[] {
  const value = body[name] ?? body[`${name}[]`];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}

function dedupe(statuses: JsonObject[]): JsonObject[] {
  const seen = new Set<unknown>();
  return statuses.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return null;
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return JSON.parse(raw.toString('utf8')) as unknown;
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const out: Record<string, string | string[]> = {};
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
      const existing = out[key];
      out[key] =
        existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    return out;
  }
  return raw;
}
