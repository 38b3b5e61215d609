// The RSS/Atom connector against a real HTTP server on 127.0.0.1: parsing both formats, conditional GET, paging
// by item identity, redirects, size and time limits, malformed documents and HTTP errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRssConnector,
  type RssPageRequest,
} from '../../../../src-main/connectors/rss/rss-connector.ts';
import type { Page } from '../../../../src-main/connectors/connector.ts';
import { StreamItemSchema } from '../../../../src-shared/domain/stream-item.ts';
import { ATOM, rss2, type RssEntry } from './support/feeds.ts';
import { conditionalFeed, startFeedServer, type FeedServer } from './support/feed-server.ts';

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
});

const NOW = Date.parse('2025-03-01T12:00:00Z');
const connector = (overrides: Partial<Parameters<typeof createRssConnector>[0]> = {}) =>
  createRssConnector({ fetch: globalThis.fetch, now: () => NOW, ...overrides });

function entry(n: number, extra?: string): RssEntry {
  return {
    guid: `https://library.example/news/${n}`,
    title: `Story ${n}`,
    description: `<p>Story <b>${n}</b> &amp; more</p><script>alert(1)</script>`,
    link: `https://library.example/news/${n}`,
    pubDate: new Date(Date.UTC(2025, 0, n)).toUTCString(),
    ...(extra === undefined ? {} : { extra }),
  };
}

function request(param: string, extra: Partial<RssPageRequest> = {}): RssPageRequest {
  return { source: { type: 'rss', accountId: null, param }, since: null, before: null, limit: 40, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

describe('RSS connector', () => {
  it('normalises an RSS 2.0 feed into articles, newest first', async () => {
    const media = `<enclosure url="https://cdn.example/talk.mp3" type="audio/mpeg" length="123"/>
      <media:content url="/img/cover.jpg" medium="image" type="image/jpeg"><media:title>Cover</media:title></media:content>`;
    const entries = [entry(1), entry(3, media), { ...entry(2), guid: '42', link: 'javascript:alert(1)' }];
    server.route('/feed.xml', (_req, res) =>
      res
        .writeHead(200, { etag: '"abc"', 'last-modified': 'Sat, 01 Mar 2025 10:00:00 GMT' })
        .end(rss2(entries)),
    );
    const page = await connector().fetchPage(request(`${server.origin}/feed.xml`));

    expect(page.items.map((i) => i.title)).toEqual(['Story 3', 'Story 2', 'Story 1']);
    const [third, second] = page.items;
    expect(third).toMatchObject({
      key: 'rss:https://library.example/news/3',
      network: 'rss',
      kind: 'article',
      accountId: null,
      url: 'https://library.example/news/3',
      text: 'Story 3 & more',
      createdAt: '2025-01-03T00:00:00.000Z',
      seenAt: new Date(NOW).toISOString(),
      lang: 'fr-FR',
    });
    expect(third?.html).toContain('<script>');
    expect(third?.author).toMatchObject({
      displayName: 'Camille Martin',
      handle: '127.0.0.1:' + new URL(server.origin).port,
    });
    expect(third?.author.avatarUrl).toBe('https://library.example/logo.png');
    expect(third?.media.map((m) => [m.kind, m.url])).toEqual(
      expect.arrayContaining([
        ['audio', 'https://cdn.example/talk.mp3'],
        ['image', `${server.origin}/img/cover.jpg`],
      ]),
    );
    // A bare guid is qualified by the feed URL; a javascript: link never reaches the renderer.
    expect(second?.remoteId).toBe(`${server.origin}/feed.xml#42`);
    expect(second?.url).toBeNull();
    for (const item of page.items) expect(() => StreamItemSchema.parse(item)).not.toThrow();
    expect(page).toMatchObject({
      newest: 'https://library.example/news/3',
      gap: false,
      older: null,
      validators: { etag: '"abc"', lastModified: 'Sat, 01 Mar 2025 10:00:00 GMT' },
    });
  });

  it('normalises an Atom feed, resolving relative links against the site link', async () => {
    server.route('/atom', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM),
    );
    const page = await connector().fetchPage(request(`${server.origin}/atom`));
    expect(page.items).toHaveLength(2);
    const [v2, v1] = page.items;
    expect(v2).toMatchObject({
      remoteId: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
      title: 'Version 2 is out',
      url: 'https://releases.example/notes/v2',
      text: 'Faster & smaller.',
      createdAt: '2025-02-02T10:00:00.000Z',
    });
    expect(v2?.html).toContain('<li>one</li>');
    expect(v2?.author.displayName).toBe('Noor');
    expect(v1).toMatchObject({
      title: 'Version 1',
      text: 'First release.',
      createdAt: '2025-01-05T09:00:00.000Z',
    });
    expect(v1?.author.displayName).toBe('Release Team');
  });

  it('sends the stored validators and turns 304 into an empty page that keeps them', async () => {
    let entries = [entry(1), entry(2)];
    let version = 1;
    server.route(
      '/feed.xml',
      conditionalFeed(
        () => rss2(entries),
        () => ({ etag: `"v${version}"`, lastModified: `Sat, 0${version} Mar 2025 10:00:00 GMT` }),
      ),
    );
    const rss = connector();
    const url = `${server.origin}/feed.xml`;
    const first = await rss.fetchPage(request(url));
    const validators = first.validators ?? null;
    expect(validators).toEqual({ etag: '"v1"', lastModified: 'Sat, 01 Mar 2025 10:00:00 GMT' });

    const unchanged = await rss.fetchPage(request(url, { since: first.newest, validators: validators! }));
    expect(server.requests.at(-1)?.headers).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'Sat, 01 Mar 2025 10:00:00 GMT',
    });
    expect(unchanged).toEqual({
      items: [],
      newest: first.newest,
      older: null,
      gap: false,
      rateLimit: null,
      validators,
    });

    entries = [entry(1), entry(2), entry(3)];
    version = 2;
    const changed = await rss.fetchPage(request(url, { since: first.newest, validators: validators! }));
    expect(changed.items.map((i) => i.title)).toEqual(['Story 3']);
    expect(changed.validators?.etag).toBe('"v2"');
  });

  it('pages the feed by item identity and reports a gap when the held item is out of reach', async () => {
    server.route('/feed.xml', (_req, res) => res.end(rss2([1, 2, 3, 4, 5, 6].map((n) => entry(n)))));
    const rss = connector();
    const url = `${server.origin}/feed.xml`;
    const id = (n: number) => `https://library.example/news/${n}`;
    const titles = (page: Page) => page.items.map((i) => i.title);

    const top = await rss.fetchPage(request(url, { limit: 2 }));
    expect(titles(top)).toEqual(['Story 6', 'Story 5']);
    expect(top.older).toBe(id(5));
    const older = await rss.fetchPage(request(url, { limit: 3, before: id(5) }));
    expect(titles(older)).toEqual(['Story 4', 'Story 3', 'Story 2']);

    const behind = await rss.fetchPage(request(url, { limit: 2, since: id(1) }));
    expect(titles(behind)).toEqual(['Story 6', 'Story 5']);
    expect(behind).toMatchObject({ gap: true, older: id(5) });
    const filled = await rss.fetchPage(request(url, { limit: 10, since: id(1), before: id(5) }));
    expect(titles(filled)).toEqual(['Story 4', 'Story 3', 'Story 2']);
    expect(filled.gap).toBe(false);
  });

  it('follows redirects but only to http(s), and not forever', async () => {
    server.route('/old', (_req, res) => res.writeHead(301, { location: '/older' }).end());
    server.route('/older', (_req, res) => res.writeHead(302, { location: `${server.origin}/atom` }).end());
    server.route('/atom', (_req, res) => res.end(ATOM));
    server.route('/ftp', (_req, res) => res.writeHead(301, { location: 'ftp://files.example/feed' }).end());
    server.route('/loop', (_req, res) => res.writeHead(307, { location: '/loop' }).end());
    const rss = connector();

    const page = await rss.fetchPage(request(`${server.origin}/old`));
    expect(page.items[0]?.title).toBe('Version 2 is out');
    expect(await failure(rss.fetchPage(request(`${server.origin}/ftp`)))).toMatchObject({
      code: 'invalid_input',
    });
    expect(await failure(rss.fetchPage(request(`${server.origin}/loop`)))).toMatchObject({
      code: 'server_error',
      message: expect.stringContaining('redirected too many times'),
    });
  });

  it('refuses non-http feed addresses without a request', async () => {
    for (const param of ['file:///etc/passwd', 'javascript:alert(1)', 'not a url', null]) {
      const error = await failure(
        connector().fetchPage({ ...request(''), source: { type: 'rss', accountId: null, param } }),
      );
      expect(error.code).toBe('invalid_input');
    }
    expect(server.requests).toEqual([]);
  });

  it('reports malformed XML and non-feed documents as server errors with a clear message', async () => {
    server.route('/html', (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Hi</body></html>'),
    );
    server.route('/garbage', (_req, res) => res.end('this is <<< not xml at all'));
    const html = await failure(connector().fetchPage(request(`${server.origin}/html`)));
    expect(html).toMatchObject({
      code: 'server_error',
      message: 'The address did not return an RSS or Atom feed.',
    });
    const garbage = await failure(connector().fetchPage(request(`${server.origin}/garbage`)));
    expect(garbage).toMatchObject({
      code: 'server_error',
      message: expect.stringContaining('not well-formed XML'),
    });
  });

  it('stops reading a body over the size cap, declared or streamed', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    server.route('/streamed', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      let sent = 0;
      const pump = (): void => {
        while (sent < 200 && !res.destroyed) {
          sent += 1;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    server.route('/declared', (_req, res) =>
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }).end(),
    );
    const rss = connector({ maxBytes: 1024 * 1024 });
    for (const path of ['/streamed', '/declared']) {
      const error = await failure(rss.fetchPage(request(`${server.origin}${path}`)));
      expect(error).toMatchObject({
        code: 'server_error',
        message: expect.stringContaining('larger than 1 MB'),
      });
    }
  });

  it('gives up on a server that never answers', async () => {
    server.route('/silent', () => undefined);
    const error = await failure(connector({ timeoutMs: 300 }).fetchPage(request(`${server.origin}/silent`)));
    expect(error).toMatchObject({
      code: 'network_unreachable',
      message: expect.stringContaining('did not answer'),
    });
  });

  it('maps HTTP failures onto error codes, with the retry hint of a 429', async () => {
    server.route('/busy', (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end());
    server.route('/private', (_req, res) => res.writeHead(401).end());
    server.route('/gone', (_req, res) => res.writeHead(410).end());
    server.route('/broken', (_req, res) => res.writeHead(500).end());
    const rss = connector();
    const busy = await failure(rss.fetchPage(request(`${server.origin}/busy`)));
    expect(busy).toMatchObject({ code: 'rate_limited', retryAfterMs: 120_000 });
    expect(await failure(rss.fetchPage(request(`${server.origin}/private`)))).toMatchObject({
      code: 'auth_failed',
    });
    expect(await failure(rss.fetchPage(request(`${server.origin}/gone`)))).toMatchObject({
      code: 'not_found',
    });
    expect(await failure(rss.fetchPage(request(`${server.origin}/broken`)))).toMatchObject({
      code: 'server_error',
    });
  });

  it('reports an unreachable host as network_unreachable', async () => {
    const url = `${server.origin}/feed.xml`;
    await server.close();
    expect(await failure(connector().fetchPage(request(url)))).toMatchObject({ code: 'network_unreachable' });
    server = await startFeedServer();
  });

  it('decodes a feed in the charset its XML declaration names', async () => {
    const xml = rss2([{ ...entry(1), title: 'Café crème' }]).replace(
      'encoding="UTF-8"',
      'encoding="ISO-8859-1"',
    );
    server.route('/latin1', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/xml' }).end(Buffer.from(xml, 'latin1')),
    );
    const page = await connector().fetchPage(request(`${server.origin}/latin1`));
    expect(page.items[0]?.title).toBe('Café crème');
  });
});
