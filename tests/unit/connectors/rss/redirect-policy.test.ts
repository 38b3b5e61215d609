// Where a feed may redirect: never from https down to http, and never from a public feed to this machine,
// a private network or a link-local address (cloud metadata), whether the target is an IP literal or a name
// that resolves there. A feed the user entered on a private address may redirect within private space.
// The HTTP is real (a server on 127.0.0.1); a fetch wrapper lets public-looking names reach it, and the
// resolver is injected so names can point at private addresses without a DNS server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchFeed, type FetchFeedOptions } from '../../../../src-main/connectors/rss/fetch-feed.ts';
import { ATOM } from './support/feeds.ts';
import { startFeedServer, type FeedServer } from './support/feed-server.ts';

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(() => server.close());

const ADDRESSES: Record<string, string[]> = {
  'news.example': ['203.0.113.10'],
  'mirror.example': ['2001:db8::10'],
  'intranet.example': ['10.0.0.8'],
  'router.example': ['203.0.113.11', 'fe80::1'],
};

/** Every request, whatever host or scheme it names, is served by the local server (path kept). */
function options(overrides: Partial<FetchFeedOptions> = {}): FetchFeedOptions {
  const local: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return globalThis.fetch(`${server.origin}${url.pathname}${url.search}`, init);
  };
  return {
    fetch: local,
    validators: null,
    maxBytes: 1_000_000,
    timeoutMs: 5_000,
    maxRedirects: 5,
    userAgent: 'Roost test',
    now: () => 0,
    resolveHost: async (host) => ADDRESSES[host] ?? [],
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

function redirect(from: string, to: string): void {
  server.route(from, (_req, res) => res.writeHead(302, { location: to }).end());
}

describe('feed redirects', () => {
  beforeEach(() => server.route('/atom', (_req, res) => res.end(ATOM)));

  it('follows a public feed to another public host', async () => {
    redirect('/moved', 'http://mirror.example/atom');
    const result = await fetchFeed('http://news.example/moved', options());
    expect(result).toMatchObject({ status: 'ok', url: 'http://mirror.example/atom' });
  });

  it.each([
    ['loopback', 'http://127.0.0.1/atom'],
    ['loopback in another spelling', 'http://2130706433/atom'],
    ['IPv6 loopback', 'http://[::1]/atom'],
    ['an IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/atom'],
    ['localhost', 'http://localhost/atom'],
    ['a private network', 'http://192.168.1.1/atom'],
    ['cloud metadata (link-local)', 'http://169.254.169.254/atom'],
    ['a name resolving to a private address', 'http://intranet.example/atom'],
    ['a name with one link-local address', 'http://router.example/atom'],
  ])('refuses to take a public feed to %s', async (_name, target) => {
    redirect('/moved', target);
    const error = await failure(fetchFeed('http://news.example/moved', options()));
    expect(error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('local or private') });
    expect(server.requests.map((r) => r.path)).toEqual(['/moved']);
  });

  it('refuses a redirect from https to plain http, even to the same host', async () => {
    redirect('/secure', 'http://news.example/atom');
    const error = await failure(fetchFeed('https://news.example/secure', options()));
    expect(error).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('https to plain http'),
    });
  });

  it('lets a feed the user entered on a private address redirect within private space', async () => {
    redirect('/moved', 'http://127.0.0.1/atom');
    expect(await fetchFeed('http://intranet.example/moved', options())).toMatchObject({ status: 'ok' });
    expect(await fetchFeed('http://10.1.2.3/moved', options())).toMatchObject({ status: 'ok' });
  });
});
