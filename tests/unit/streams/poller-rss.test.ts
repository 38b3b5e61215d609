// The poller driving the real RSS connector against a local HTTP server: the validators it keeps with the
// cursor make the next poll a conditional GET, and a 304 reports nothing new.
import { afterEach, describe, expect, it } from 'vitest';
import { createRssConnector } from '../../../src-main/connectors/rss/rss-connector.ts';
import { createMemoryCursorStore } from '../../../src-main/streams/cursor-store.ts';
import { createPoller } from '../../../src-main/streams/poller.ts';
import type { ItemsBatch, StreamEvent } from '../../../src-main/streams/column-state.ts';
import type { ColumnSource } from '../../../src-shared/domain/column.ts';
import { rss2 } from '../connectors/rss/support/feeds.ts';
import { conditionalFeed, startFeedServer, type FeedServer } from '../connectors/rss/support/feed-server.ts';
import { createFakeTime, seededRandom } from './support/fake-time.ts';

let server: FeedServer | null = null;
let stop: (() => void) | null = null;
afterEach(async () => {
  stop?.();
  await server?.close();
});

/** Real I/O happens outside the fake clock, so wait for it with a bound instead of advancing time. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

describe('poller with the RSS connector', () => {
  it('polls a feed with conditional GETs and reports only new articles', async () => {
    server = await startFeedServer();
    let count = 2;
    const entries = () =>
      Array.from({ length: count }, (_, i) => ({
        guid: `urn:story:${i + 1}`,
        title: `Story ${i + 1}`,
        description: '<p>text</p>',
        link: `https://news.example/${i + 1}`,
        pubDate: new Date(Date.UTC(2025, 0, i + 1)).toUTCString(),
      }));
    server.route(
      '/feed',
      conditionalFeed(
        () => rss2(entries()),
        () => ({ etag: `"n${count}"`, lastModified: `Wed, 0${count} Jan 2025 00:00:00 GMT` }),
      ),
    );
    const time = createFakeTime();
    const events: StreamEvent[] = [];
    const poller = createPoller({
      clock: time.clock,
      timers: time.timers,
      random: seededRandom(1),
      connectors: () => createRssConnector({ fetch: globalThis.fetch }),
      cursors: createMemoryCursorStore(),
      onItems: (event) => events.push(event),
      onColumnState: () => undefined,
    });
    const source: ColumnSource = { type: 'rss', accountId: null, param: `${server.origin}/feed` };
    poller.subscribe(source);
    stop = poller.start();
    const titles = () => events.map((e) => (e as ItemsBatch).items.map((i) => i.title));

    await until(() => events.length === 1);
    expect(titles()).toEqual([['Story 2', 'Story 1']]);

    // Feeds are polled no faster than every 5 minutes.
    await time.advance(4 * 60_000);
    expect(server.requests).toHaveLength(1);
    await time.advance(2 * 60_000);
    await until(() => server!.requests.length === 2);
    expect(server.requests[1]?.headers['if-none-match']).toBe('"n2"');
    await time.advance(0);
    expect(events).toHaveLength(1);

    count = 3;
    await time.advance(6 * 60_000);
    await until(() => events.length === 2);
    expect(titles()[1]).toEqual(['Story 3']);
  });
});
