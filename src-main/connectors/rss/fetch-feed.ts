// One conditional GET of a feed: only http(s), redirects followed by hand (each hop re-checked), a body size cap
// and a timeout, and HTTP failures mapped onto Roost's error codes.
import { lookup } from 'node:dns/promises';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { hostScope, ipAddressScope } from '../../../src-shared/net/address-scope.ts';

export interface FeedValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export interface FetchFeedOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly validators: FeedValidators | null;
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
  readonly signal?: AbortSignal | undefined;
  /** For Retry-After given as an HTTP date. */
  readonly now: () => number;
  /** The addresses a host name resolves to, to keep redirects off private networks; DNS by default. */
  readonly resolveHost?: ((hostname: string) => Promise<readonly string[]>) | undefined;
}

export type FeedResponse =
  | { readonly status: 'not_modified'; readonly validators: FeedValidators }
  | {
      readonly status: 'ok';
      readonly url: string;
      readonly body: string;
      readonly validators: FeedValidators;
    };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';

export function parseFeedUrl(raw: string | null): URL {
  let url: URL;
  try {
    url = new URL(raw ?? '');
  } catch {
    throw new RoostError('invalid_input', 'The feed address is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RoostError('invalid_input', `Feeds are fetched over http or https only, not ${url.protocol}`);
  }
  return url;
}

export async function fetchFeed(feedUrl: string, options: FetchFeedOptions): Promise<FeedResponse> {
  const controller = new AbortController();
  const timedOut = new RoostError(
    'network_unreachable',
    `The feed did not answer within ${options.timeoutMs / 1000} s.`,
  );
  const timer = setTimeout(() => controller.abort(timedOut), options.timeoutMs);
  const onAbort = (): void => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) controller.abort(options.signal.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await request(parseFeedUrl(feedUrl), options, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw controller.signal.reason;
    if (error instanceof RoostError) throw error;
    throw new RoostError('network_unreachable', `The feed could not be reached (${describe(error)}).`);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function request(start: URL, options: FetchFeedOptions, signal: AbortSignal): Promise<FeedResponse> {
  const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': options.userAgent };
  if (options.validators?.etag) headers['if-none-match'] = options.validators.etag;
  if (options.validators?.lastModified) headers['if-modified-since'] = options.validators.lastModified;
  let url = start;
  for (let hop = 0; ; hop += 1) {
    const response = await options.fetch(url, { headers, redirect: 'manual', signal });
    if (REDIRECTS.has(response.status)) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (location === null)
        throw new RoostError('server_error', `The feed redirected (HTTP ${response.status}) nowhere.`);
      if (hop >= options.maxRedirects)
        throw new RoostError('server_error', 'The feed redirected too many times.');
      const next = parseFeedUrl(new URL(location, url).href);
      await checkRedirect(start, url, next, options.resolveHost ?? resolveWithDns);
      url = next;
      continue;
    }
    const validators: FeedValidators = {
      etag: response.headers.get('etag') ?? null,
      lastModified: response.headers.get('last-modified') ?? null,
    };
    if (response.status === 304) {
      await response.body?.cancel();
      return {
        status: 'not_modified',
        validators: {
          etag: validators.etag ?? options.validators?.etag ?? null,
          lastModified: validators.lastModified ?? options.validators?.lastModified ?? null,
        },
      };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw httpError(response, options.now());
    }
    const body = await readCapped(response, options.maxBytes);
    return { status: 'ok', url: url.href, body, validators };
  }
}

/**
 * A feed server must not be able to point Roost at this machine or the user's network (routers, cloud
 * metadata at 169.254.169.254) unless the user's own address is there, nor drop TLS halfway.
 */
async function checkRedirect(
  entered: URL,
  from: URL,
  to: URL,
  resolveHost: (hostname: string) => Promise<readonly string[]>,
): Promise<void> {
  if (from.protocol === 'https:' && to.protocol === 'http:') {
    throw new RoostError(
      'forbidden',
      `The feed redirected from https to plain http (${to.host}); not followed.`,
    );
  }
  if (await isInternal(entered, resolveHost)) return;
  if (await isInternal(to, resolveHost)) {
    throw new RoostError(
      'forbidden',
      `The feed redirected to ${to.host}, a local or private address; not followed for a public feed.`,
    );
  }
}

async function isInternal(url: URL, resolveHost: (hostname: string) => Promise<readonly string[]>) {
  const literal = hostScope(url.hostname);
  if (literal !== 'public') return true;
  // An IP literal needs no resolving; a name that does not resolve fails on fetch anyway.
  if (/^[\d.]+$|^\[/.test(url.hostname)) return false;
  const addresses = await resolveHost(url.hostname).catch(() => []);
  return addresses.some((address) => ipAddressScope(address) !== 'public');
}

async function resolveWithDns(hostname: string): Promise<readonly string[]> {
  return (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const tooBig = (): RoostError =>
    new RoostError(
      'server_error',
      `The feed is larger than ${Math.round(maxBytes / 1_048_576)} MB; not read.`,
    );
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body !== null) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooBig();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decode(bytes, response.headers.get('content-type'));
}

// The HTTP charset wins, then the XML declaration, then UTF-8 (the XML default).
function decode(bytes: Uint8Array, contentType: string | null): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  const fromXml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  for (const label of [fromHeader, fromXml, 'utf-8']) {
    if (label === undefined) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: try the next source.
    }
  }
  return new TextDecoder().decode(bytes);
}

function httpError(response: Response, now: number): RoostError {
  const { status } = response;
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
    if (status === 429 || retryAfterMs !== null) {
      const error = new RoostError('rate_limited', `The feed server asks to slow down (HTTP ${status}).`);
      return Object.assign(error, { retryAfterMs });
    }
  }
  if (status === 401) return new RoostError('auth_failed', 'The feed requires signing in (HTTP 401).');
  if (status === 403) return new RoostError('forbidden', 'The feed server refused access (HTTP 403).');
  if (status === 404 || status === 410)
    return new RoostError('not_found', `The feed no longer exists (HTTP ${status}).`);
  return new RoostError('server_error', `The feed server answered HTTP ${status}.`);
}

export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof cause === 'string') return cause;
  return error instanceof Error ? error.message : String(error);
}
