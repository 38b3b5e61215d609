// Sample feeds written for these tests: an RSS 2.0 channel with enclosures and Media RSS, and an Atom feed.

export interface RssEntry {
  readonly guid: string;
  readonly title: string;
  readonly description: string;
  readonly link: string;
  readonly pubDate: string;
  readonly extra?: string;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss2(entries: readonly RssEntry[]): string {
  const items = entries
    .map(
      (e) => `
    <item>
      <guid isPermaLink="false">${escape(e.guid)}</guid>
      <title>${escape(e.title)}</title>
      <link>${escape(e.link)}</link>
      <description>${escape(e.description)}</description>
      <pubDate>${e.pubDate}</pubDate>
      <dc:creator>Camille Martin</dc:creator>
      ${e.extra ?? ''}
    </item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>City Library News</title>
    <link>https://library.example/</link>
    <description>What is new at the library</description>
    <language>fr-FR</language>
    <image><url>https://library.example/logo.png</url><title>Logo</title><link>https://library.example/</link></image>${items}
  </channel>
</rss>`;
}

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Release notes</title>
  <link href="https://releases.example/"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2025-02-02T10:00:00Z</updated>
  <author><name>Release Team</name></author>
  <entry>
    <title type="html">Version 2 &lt;em&gt;is out&lt;/em&gt;</title>
    <link href="/notes/v2"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2025-02-02T10:00:00Z</published>
    <updated>2025-02-02T10:00:00Z</updated>
    <author><name>Noor</name><uri>https://releases.example/noor</uri></author>
    <summary type="html">&lt;p&gt;Faster &amp;amp; smaller.&lt;/p&gt;</summary>
    <content type="html">&lt;p&gt;Faster &amp;amp; smaller.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;one&lt;/li&gt;&lt;li&gt;two&lt;/li&gt;&lt;/ul&gt;</content>
  </entry>
  <entry>
    <title>Version 1</title>
    <link href="https://releases.example/notes/v1"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa69</id>
    <updated>2025-01-05T09:00:00Z</updated>
    <summary>First release.</summary>
  </entry>
</feed>`;
