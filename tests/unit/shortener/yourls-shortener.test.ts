// YOURLS provider against a loopback server replaying answers documented in YOURLS's own sources
// (yourls-api.php actions shorturl, url-stats, db-stats; the "already exists" answer; auth failure).
// These are replays of documented responses, not a real YOURLS.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createYourlsShortener } from '../../../src-main/shortener/yourls-shortener.ts';
import { YOURLS_SIGNATURE } from '../../support/shortener-replay/fixtures.ts';
import { ShortenerReplayServer } from '../../support/shortener-replay/server.ts';
import { REFUSING_ORIGIN, failure, manualTimers } from './support.ts';

describe('YOURLS shortener (replayed documented answers)', () => {
  let server: ShortenerReplayServer;
  beforeEach(async () => {
    server = new ShortenerReplayServer();
    await server.start();
  });
  afterEach(() => server.stop());

  const yourls = (
    signature = YOURLS_SIGNATURE,
    extra: Partial<Parameters<typeof createYourlsShortener>[0]> = {},
  ) =>
    createYourlsShortener({ baseUrl: server.origin, apiKey: signature, fetch: globalThis.fetch, ...extra });

  it('shortens through action=shorturl, with the signature in the POST body and not in the URL', async () => {
    const link = await yourls().shorten('https://example.com/page?a=1&b=2');
    expect(link.shortUrl).toBe(`${server.origin}/${link.code}`);
    const request = server.requests.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/yourls-api.php');
    expect(request?.query.toString()).toBe('');
    const form = new URLSearchParams(request?.body);
    expect(Object.fromEntries(form)).toEqual({
      action: 'shorturl',
      url: 'https://example.com/page?a=1&b=2',
      format: 'json',
      signature: YOURLS_SIGNATURE,
    });
  });

  it('takes the "already exists" answer (status fail, code error:url) as the existing link', async () => {
    const code = server.seed('https://example.com/known', 4, 'kn0wn');
    const link = await yourls().shorten('https://example.com/known');
    expect(link).toEqual({ longUrl: 'https://example.com/known', shortUrl: `${server.origin}/kn0wn`, code });
  });

  it('reads the keyword from the short URL when an older YOURLS leaves it empty', async () => {
    server.intercept = () => ({
      status: 200,
      body: {
        status: 'fail',
        code: 'error:url',
        url: { keyword: '', url: 'https://example.com/x' },
        message: 'https://example.com/x already exists in database',
        shorturl: `${server.origin}/abc`,
        statusCode: 200,
      },
    });
    expect((await yourls().shorten('https://example.com/x')).code).toBe('abc');
  });

  it('counts clicks with action=url-stats (clicks come back as a string) and null for an unknown keyword', async () => {
    const { code } = await yourls().shorten('https://example.com/count');
    server.visit(code, 7);
    expect(await yourls().clicks(code)).toBe(7);
    expect(await yourls().clicks('nope')).toBeNull();
  });

  it('reports a wrong signature as auth_failed without echoing it', async () => {
    const error = await failure(yourls('bad-signature-9').shorten('https://example.com/a'));
    expect(error.code).toBe('auth_failed');
    expect(error.message).toContain('Invalid username or password');
    expect(error.message).not.toContain('bad-signature-9');
    expect((await failure(yourls('bad-signature-9').verify())).code).toBe('auth_failed');
  });

  it('reports a refusal other than "already exists" with the server’s message', async () => {
    server.intercept = () => ({
      status: 200,
      body: {
        status: 'fail',
        code: 'error:noloop',
        message: 'URL is a short URL',
        errorCode: '400',
        statusCode: 200,
      },
    });
    const error = await failure(yourls().shorten('https://example.com/a'));
    expect(error.code).toBe('server_error');
    expect(error.message).toContain('URL is a short URL');
  });

  it('refuses a malformed answer', async () => {
    server.intercept = () => ({ status: 200, body: { status: 'success' } });
    expect((await failure(yourls().shorten('https://example.com/a'))).code).toBe('server_error');
    server.intercept = () => ({ status: 200, body: { link: { clicks: 'lots' } } });
    expect((await failure(yourls().clicks('abc'))).code).toBe('server_error');
  });

  it('gives up after its timeout with network_unreachable', async () => {
    const timers = manualTimers();
    server.hold = true;
    const arrived = server.nextArrival();
    const pending = failure(yourls(YOURLS_SIGNATURE, { timers }).shorten('https://example.com/a'));
    await arrived;
    timers.fireAll();
    expect((await pending).code).toBe('network_unreachable');
  });

  it('reports an unreachable server as network_unreachable', async () => {
    const unreachable = createYourlsShortener({
      baseUrl: REFUSING_ORIGIN,
      apiKey: 'k',
      fetch: globalThis.fetch,
    });
    expect((await failure(unreachable.shorten('https://example.com/a'))).code).toBe('network_unreachable');
  });
});
