// A small typed REST client on an injected fetch. Chosen over masto's client because Roost needs the raw
// response on every call: the status (206 = home feed regenerating), X-RateLimit-* headers, the Link header
// as cursors, per-request Idempotency-Key, and the untouched snake_case JSON to validate with zod.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { requireHttpsUnlessLoopback } from '../require-https.ts';
import type { z } from '../../../src-shared/zod.ts';
import type { RateLimitInfo } from '../connector.ts';
import { ErrorBodySchema } from './entities.ts';
import { cleanServerMessage, errorForStatus, malformed } from './errors.ts';
import { parseLinkHeader, type PageLinks } from './link-header.ts';

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

export interface MastodonHttpOptions {
  /** Instance origin, e.g. https://mastodon.social */
  readonly origin: string;
  readonly accessToken: string | null;
  readonly fetch?: typeof globalThis.fetch;
  readonly now?: () => number;
  /** Bodies above this are refused rather than parsed (a broken or hostile server). */
  readonly maxBodyBytes?: number;
}

export interface RequestOptions {
  /** Names the operation in error messages, e.g. "Home timeline". */
  readonly action: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly json?: unknown;
  readonly form?: FormData;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

export interface HttpResult<T> {
  readonly status: number;
  readonly body: T;
  readonly rateLimit: RateLimitInfo | null;
  readonly links: PageLinks;
  readonly hasLinkHeader: boolean;
}

const DEFAULT_MAX_BODY = 8 * 1024 * 1024;

export class MastodonHttp {
  readonly origin: string;
  readonly #token: string | null;
  readonly #fetch: typeof globalThis.fetch;
  readonly #now: () => number;
  readonly #maxBody: number;

  constructor(options: MastodonHttpOptions) {
    this.origin = normaliseOrigin(options.origin);
    this.#token = options.accessToken;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#now = options.now ?? Date.now;
    this.#maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  }

  withToken(accessToken: string): MastodonHttp {
    return new MastodonHttp({
      origin: this.origin,
      accessToken,
      fetch: this.#fetch,
      now: this.#now,
      maxBodyBytes: this.#maxBody,
    });
  }

  /** Sends one request and validates the JSON body with `schema`; every failure is a RoostError. */
  async request<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    schema: S,
    options: RequestOptions,
  ): Promise<HttpResult<z.infer<S>>> {
    const raw = await this.send(method, path, options);
    return { ...raw, body: validate(schema, raw.body, options.action) };
  }

  /** Sends one request; returns the parsed JSON (unknown) for 2xx answers and throws a RoostError otherwise. */
  async send(method: string, path: string, options: RequestOptions): Promise<HttpResult<unknown>> {
    const url = new URL(path, this.origin);
    for (const [key, value] of Object.entries(options.query ?? {})) appendQuery(url, key, value);
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (this.#token) headers.authorization = `Bearer ${this.#token}`;
    let body: string | FormData | undefined;
    if (options.form) body = options.form;
    else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }

    let response: Response;
    try {
      response = await this.#fetch(url, { method, headers, body, signal: options.signal, redirect: 'error' });
    } catch (error) {
      if (options.signal?.aborted)
        throw new RoostError('network_unreachable', `${options.action}: cancelled.`);
      throw new RoostError(
        'network_unreachable',
        `${options.action}: ${this.origin} could not be reached${error instanceof Error ? ` (${error.message})` : ''}.`,
      );
    }

    const rateLimit = readRateLimit(response.headers);
    const linkHeader = response.headers.get('link');
    const text = await readCapped(response, this.#maxBody, options.action);
    const json = text.trim() === '' ? null : parseJson(text, options.action, response.ok);

    if (!response.ok) {
      const parsedError = ErrorBodySchema.safeParse(json);
      const message = parsedError.success
        ? cleanServerMessage(parsedError.data.error_description ?? parsedError.data.error)
        : null;
      const retryAfterMs =
        response.status === 429 ? retryAfter(response.headers, rateLimit, this.#now()) : null;
      throw errorForStatus(response.status, options.action, message, rateLimit, retryAfterMs);
    }
    return {
      status: response.status,
      body: json,
      rateLimit,
      links: parseLinkHeader(linkHeader),
      hasLinkHeader: linkHeader !== null,
    };
  }
}

/** Checks an answer against its schema; a mismatch is the server's fault, reported as server_error. */
export function validate<S extends z.ZodType>(schema: S, body: unknown, action: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unexpected shape';
  throw malformed(action, where.slice(0, 200));
}

export function normaliseOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.includes('://') ? raw : `https://${raw}`);
  } catch {
    throw new RoostError('invalid_input', `Not a server address: ${raw.slice(0, 100)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RoostError('invalid_input', 'A Mastodon server address must use https.');
  }
  // The access token travels with every request: plain http only to this computer.
  return requireHttpsUnlessLoopback(url.href, 'Mastodon server', 'instance').origin;
}

function appendQuery(url: URL, key: string, value: QueryValue): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value as readonly string[]) url.searchParams.append(`${key}[]`, item);
    return;
  }
  url.searchParams.set(key, String(value));
}

export function readRateLimit(headers: Headers): RateLimitInfo | null {
  const limit = intHeader(headers.get('x-ratelimit-limit'));
  const remaining = intHeader(headers.get('x-ratelimit-remaining'));
  const resetAt = timeHeader(headers.get('x-ratelimit-reset'));
  if (limit === null && remaining === null && resetAt === null) return null;
  return { limit, remaining, resetAt };
}

function intHeader(raw: string | null): number | null {
  if (raw === null || !/^\d{1,12}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** Mastodon sends an ISO 8601 timestamp; some compatibles send epoch seconds. */
function timeHeader(raw: string | null): number | null {
  if (raw === null) return null;
  const trimmed = raw.trim();
  if (/^\d{9,11}$/.test(trimmed)) return Number(trimmed) * 1000;
  const parsed = Date.parse(trimmed);
  return Number.isFinite(parsed) ? parsed : null;
}

function retryAfter(headers: Headers, rateLimit: RateLimitInfo | null, now: number): number | null {
  if (rateLimit?.resetAt != null) return Math.max(0, rateLimit.resetAt - now);
  const seconds = intHeader(headers.get('retry-after'));
  return seconds === null ? null : seconds * 1000;
}

async function readCapped(response: Response, maxBytes: number, action: string): Promise<string> {
  const declared = intHeader(response.headers.get('content-length'));
  if (declared !== null && declared > maxBytes) {
    await response.body?.cancel();
    throw malformed(action, `answer larger than ${maxBytes} bytes`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw malformed(action, `answer larger than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof RoostError) throw error;
    throw new RoostError(
      'network_unreachable',
      `${action}: the connection dropped while reading the answer.`,
    );
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function parseJson(text: string, action: string, ok: boolean): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Error pages from proxies are often HTML: only a success that is not JSON is a malformed answer.
    if (!ok) return null;
    throw malformed(action, 'not JSON');
  }
}
