// Feed text as written, through the real connector and a real HTTP server on 127.0.0.1: titles decoded once
// by the feed parser are not stripped as HTML again (`I <3 feeds`, `Option<T> in Rust`), items without a guid
// that share a link stay separate, a permalink guid is the link, and a feed's own title names it — checked on
// hand-written feeds and on real feeds saved from public sites (fixtures/README.md names the source).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRssConnector, inspectFeed } from '../../../../src-main/connectors/rss/rss-connector.ts';
import { feedText, htmlToText } from '../../../../src-main/connectors/rss/html-text.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import { startFeedServer, type FeedServer } from './support/feed-server.ts';

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
});

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function serve(path: string, body: string): string {
  server.route(path, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  return `${server.origin}${path}`;
}

async function itemsOf(url: string): Promise<readonly StreamItem[]> {
  const connector = createRssConnector({
    fetch: globalThis.fetch,
    now: () => Date.parse('2025-03-01T12:00:00Z'),
  });
  const page = await connector.fetchPage({
    source: { type: 'rss', accountId: null, param: url },
    since: null,
    before: null,
    limit: 100,
  });
  return page.items;
}

const ANGLES = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Types &amp; Feeds &lt;weekly&gt;</title>
    <link>https://types.example/</link>
    <item>
      <guid>https://types.example/1</guid>
      <title>I &lt;3 feeds</title>
      <description>I &lt;3 feeds, and 2 &lt; 3 too</description>
      <dc:creator>Ben &amp; Jerry</dc:creator>
      <pubDate>Sat, 01 Mar 2025 10:00:00 GMT</pubDate>
    </item>
    <item>
      <guid>https://types.example/2</guid>
      <title><![CDATA[Option<T> in Rust]]></title>
      <description><![CDATA[<p>Why <code>Option&lt;T&gt;</code> beats null</p>]]></description>
      <pubDate>Fri, 28 Feb 2025 10:00:00 GMT</pubDate>
    </item>
    <item>
      <guid>https://types.example/3</guid>
      <title>&lt;em&gt;Styled&lt;/em&gt; title</title>
      <pubDate>Thu, 27 Feb 2025 10:00:00 GMT</pubDate>
    </item>
  </channel>
</rss>`;

const PODCAST = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>The Show</title>
    <link>https://show.example/</link>
    <item><title>Episode 3</title><link>https://show.example/</link><pubDate>Mon, 03 Mar 2025 08:00:00 GMT</pubDate></item>
    <item><title>Episode 2</title><link>https://show.example/</link><pubDate>Mon, 24 Feb 2025 08:00:00 GMT</pubDate></item>
    <item><title>Episode 1</title><link>https://show.example/</link><pubDate>Mon, 17 Feb 2025 08:00:00 GMT</pubDate></item>
    <item><title>Bonus</title><link>https://show.example/bonus</link><pubDate>Sun, 16 Feb 2025 08:00:00 GMT</pubDate></item>
    <item><guid>https://show.example/trailer</guid><title>Trailer</title><pubDate>Sat, 15 Feb 2025 08:00:00 GMT</pubDate></item>
  </channel>
</rss>`;

describe('feed text as written', () => {
  it('keeps literal angle brackets and ampersands in titles, names and text', async () => {
    const items = await itemsOf(serve('/types.xml', ANGLES));
    expect(items.map((i) => i.title)).toEqual(['I <3 feeds', 'Option<T> in Rust', 'Styled title']);
    expect(items[0]!.text).toBe('I <3 feeds, and 2 < 3 too');
    expect(items[0]!.author.displayName).toBe('Ben & Jerry');
    expect(items[1]!.text).toBe('Why Option<T> beats null');
    // No own author: the feed's own title, never its host and port.
    expect(items[1]!.author.displayName).toBe('Types & Feeds <weekly>');
  });

  it('keeps podcast episodes that share a link apart, and links an item to its permalink guid', async () => {
    const items = await itemsOf(serve('/show.xml', PODCAST));
    expect(items.map((i) => i.title)).toEqual(['Episode 3', 'Episode 2', 'Episode 1', 'Bonus', 'Trailer']);
    expect(new Set(items.map((i) => i.key)).size).toBe(5);
    expect(items.slice(0, 3).every((i) => i.url === 'https://show.example/')).toBe(true);
    expect(items[3]!.remoteId).toBe('https://show.example/bonus');
    expect(items[4]!.url).toBe('https://show.example/trailer');
    // The same document read again gives the same identities, so a refresh adds no duplicates.
    expect((await itemsOf(`${server.origin}/show.xml`)).map((i) => i.key)).toEqual(items.map((i) => i.key));
  });

  it('reads real feeds: Sky News (entities encoded twice) and NASA, titled by the feed itself', async () => {
    const sky = await itemsOf(serve('/sky.xml', fixture('sky-news.xml')));
    expect(sky).toHaveLength(10);
    expect(sky.map((i) => i.title)).toContain(
      "Cocaine bust worth £300m is 'largest UK seizure since 2015' as drugs found in banana shipment",
    );
    expect(sky.every((i) => i.title && !/&[#a-z0-9]+;/i.test(i.title))).toBe(true);
    expect(sky[0]!.author.displayName).toBe('The Latest News from the UK and Around the World | Sky News');

    const nasa = await itemsOf(serve('/nasa.rss', fixture('nasa-breaking-news.xml')));
    expect(nasa).toHaveLength(10);
    expect(new Set(nasa.map((i) => i.key)).size).toBe(10);
    expect(nasa.every((i) => i.author.displayName === 'NASA Breaking News')).toBe(true);
    expect(nasa.every((i) => i.url?.startsWith('http://www.nasa.gov/'))).toBe(true);
  });

  it('names a new column after the feed’s own title, or its host when it has none', async () => {
    expect(await inspectFeed(serve('/nasa.rss', fixture('nasa-breaking-news.xml')), { fetch })).toEqual({
      title: 'NASA Breaking News',
      siteUrl: 'http://www.nasa.gov/',
    });
    const untitled = ANGLES.replace('<title>Types &amp; Feeds &lt;weekly&gt;</title>', '');
    const url = serve('/untitled.xml', untitled);
    expect((await inspectFeed(url, { fetch })).title).toBe(new URL(url).host);
    await expect(
      inspectFeed(serve('/page.html', '<html><body>hi</body></html>'), { fetch }),
    ).rejects.toMatchObject({
      code: 'server_error',
    });
  });
});

describe('html text helpers', () => {
  it('treats a < that cannot open a tag as text, and strips real tags', () => {
    expect(htmlToText('I <3 feeds')).toBe('I <3 feeds');
    expect(htmlToText('a < b and <b>bold</b>')).toBe('a < b and bold');
    expect(feedText('  Option<T>   in <i>Rust</i> ', 100)).toBe('Option<T> in Rust');
    expect(feedText('x'.repeat(10), 4)).toBe('xxxx');
  });
});
