// One HTTP exchange with a shortener: bounded by a timeout on injected timers, answered as status plus
// parsed JSON, and turned into RoostErrors whose messages name the host but never the key.
import { RoostError } from '../../src-shared/contract/errors.ts';
import { DEFAULT_SHORTENER_TIMEOUT_MS, type ShortenerOptions } from './shortener.ts';
import { systemTimers } from '../runtime/timing.ts';

export interface HttpAnswer {
  readonly status: number;
  /** Parsed JSON, or undefined when the body was not JSON. */
  readonly body: unknown;
}

const MAX_MESSAGE = 300;

export async function callShortener(
  options: ShortenerOptions,
  url: URL,
  init: RequestInit,
): Promise<HttpAnswer> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SHORTENER_TIMEOUT_MS;
  const timers = options.timers ?? systemTimers;
  const controller = new AbortController();
  let timedOut = false;
  const timer = timers.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    // Redirects are not followed: the key travels in a header or the body and must only go to this server.
    const response = await options.fetch(url, { ...init, signal: controller.signal, redirect: 'manual' });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new RoostError(
        'server_error',
        `The link shortener at ${url.host} redirects elsewhere; enter the address it redirects to.`,
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  } catch (error) {
    if (error instanceof RoostError) throw error;
    // The cause is not passed on: fetch errors can carry the request URL, and a YOURLS URL may hold the key.
    throw new RoostError(
      'network_unreachable',
      timedOut
        ? `The link shortener at ${url.host} did not answer within ${Math.round(timeoutMs / 1000)} s.`
        : `Roost could not reach the link shortener at ${url.host}.`,
    );
  } finally {
    timers.clearTimeout(timer);
  }
}

/** The server's own words, shortened and with the key masked in case the server echoed it. */
export function serverMessage(raw: unknown, apiKey: string, fallback: string): string {
  const text = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : fallback;
  const masked = apiKey.length > 0 ? text.split(apiKey).join('***') : text;
  return masked.length > MAX_MESSAGE ? `${masked.slice(0, MAX_MESSAGE - 1)}…` : masked;
}

export function statusError(status: number, message: string): RoostError {
  if (status === 401 || status === 403) return new RoostError('auth_failed', message);
  if (status === 429) return new RoostError('rate_limited', message);
  return new RoostError('server_error', message);
}

export function malformed(host: string): RoostError {
  return new RoostError(
    'server_error',
    `The link shortener at ${host} sent an answer Roost does not understand.`,
  );
}
