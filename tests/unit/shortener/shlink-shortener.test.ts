// Shlink provider against a loopback server replaying responses from Shlink's API documentation (REST v3
// swagger examples and problem details). These are replays of documented responses, not a real Shlink.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShlinkShortener } from '../../../src-main/shortener/shlink-shortener.ts';
import { SHLINK_KEY } from '../../support/shortener-replay/fixtures.ts';
import { ShortenerReplayServer } from '../../support/shortener-replay/server.ts';
import { REFUSING_ORIGIN, failure, manualTimers } from './support.ts';

describe('Shlink shortener (replayed documented answers)', () => {
  let server: ShortenerReplayServer;
  beforeEach(async () => {
    server = new ShortenerReplayServer();
    await server.start();
  });
  afterEach(() => server.stop());

  const shlink = (apiKey = SHLINK_KEY, extra: Partial<Parameters<typeof createShlinkShortener>[0]> = {}) =>
    createShlinkShortener({ baseUrl: `${server.origin}/`, apiKey, fetch: globalThis.fetch, ...extra });

  it('creates a short URL with the key in X-Api-Key and findIfExists, and returns its code', async () => {
    const link = await shlink().shorten('https://example.com/launch?utm_source=bluesky');
    expect(link.longUrl).toBe('https://example.com/launch?utm_source=bluesky');
    expect(link.shortUrl).toBe(`${server.origin}/${link.code}`);
    const request = server.requests.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/rest/v3/short-urls');
    expect(request?.headers['x-api-key']).toBe(SHLINK_KEY);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      longUrl: 'https://example.com/launch?utm_source=bluesky',
      findIfExists: true,
    });
  });

  it('returns the existing link for a URL the server already shortened', async () => {
    const code = server.seed('https://example.com/old', 5, 'old12');
    const first = await shlink().shorten('https://example.com/old');
    const again = await shlink().shorten('https://example.com/old');
    expect(first.code).toBe(code);
    expect(again).toEqual(first);
  });

  it('counts clicks from visitsSummary and answers null for a code the server does not know', async () => {
    const { code } = await shlink().shorten('https://example.com/count');
    server.visit(code, 3);
    expect(await shlink().clicks(code)).toBe(3);
    server.forget(code);
    expect(await shlink().clicks(code)).toBeNull();
  });

  it('reports a refused key as auth_failed without the key in the message', async () => {
    const error = await failure(shlink('wrong-key-123').shorten('https://example.com/a'));
    expect(error.code).toBe('auth_failed');
    expect(error.message).toContain('Provided API key does not exist or is invalid.');
    expect(error.message).not.toContain('wrong-key-123');
    expect((await failure(shlink('wrong-key-123').verify())).code).toBe('auth_failed');
  });

  it('reports the server’s own message for invalid data as server_error', async () => {
    server.intercept = () => ({
      status: 400,
      body: {
        type: 'https://shlink.io/api/error/invalid-data',
        title: 'Invalid data',
        detail: 'Provided data is not valid',
        status: 400,
        invalidElements: ['longUrl'],
      },
    });
    const error = await failure(shlink().shorten('https://example.com/a'));
    expect(error.code).toBe('server_error');
    expect(error.message).toContain('Provided data is not valid');
  });

  it('refuses a malformed answer instead of trusting it', async () => {
    server.intercept = () => ({ status: 200, body: { shortCode: 'x', shortUrl: 'javascript:alert(1)' } });
    expect((await failure(shlink().shorten('https://example.com/a'))).code).toBe('server_error');
    server.intercept = () => ({ status: 200, body: '<html>maintenance</html>' });
    expect((await failure(shlink().shorten('https://example.com/a'))).code).toBe('server_error');
  });

  it('gives up after its timeout with network_unreachable', async () => {
    const timers = manualTimers();
    server.hold = true;
    const arrived = server.nextArrival();
    const pending = failure(
      shlink(SHLINK_KEY, { timers, timeoutMs: 5_000 }).shorten('https://example.com/a'),
    );
    await arrived;
    expect(timers.pending()).toBe(1);
    timers.fireAll();
    const error = await pending;
    expect(error.code).toBe('network_unreachable');
    expect(error.message).toContain('did not answer within 5 s');
  });

  it('reports an unreachable server as network_unreachable', async () => {
    const unreachable = createShlinkShortener({
      baseUrl: REFUSING_ORIGIN,
      apiKey: SHLINK_KEY,
      fetch: globalThis.fetch,
    });
    expect((await failure(unreachable.verify())).code).toBe('network_unreachable');
  });

  it('does not follow a redirect, so the key only ever goes to the configured server', async () => {
    server.intercept = () => ({ status: 301, headers: { Location: 'http://127.0.0.1:1/elsewhere' } });
    const error = await failure(shlink().shorten('https://example.com/a'));
    expect(error.code).toBe('server_error');
    expect(server.requests).toHaveLength(1);
  });
});
