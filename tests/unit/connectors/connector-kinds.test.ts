// Proves that main reaches a network's own connector only through connectors/connector-kinds.ts: the right
// connector passes, any other is refused with invalid_input, and engagement is read from the network asked.
import { describe, expect, it } from 'vitest';
import type { Connector, EngagementRead } from '../../../src-main/connectors/connector.ts';
import {
  asBlueskyConnector,
  asMastodonConnector,
  readEngagementOf,
} from '../../../src-main/connectors/connector-kinds.ts';

function reading(network: 'bluesky' | 'mastodon' | 'rss', extra: Record<string, unknown>): Connector {
  const refuse = () => Promise.reject(new Error('not used here'));
  return {
    network,
    capabilities: refuse,
    fetchPage: refuse,
    thread: refuse,
    act: refuse,
    ...extra,
  } as Connector;
}

const read = (marker: string) => (): Promise<EngagementRead> =>
  Promise.resolve({ counts: new Map([[marker, 3]]), absent: [] });

const bluesky = reading('bluesky', { publishPost: () => null, readEngagement: read('at://post') });
const mastodon = reading('mastodon', { publishStatus: () => null, readEngagement: read('109') });
const rss = reading('rss', {});

describe('connector kinds', () => {
  it('hands back the connector of the asked network', () => {
    expect(asBlueskyConnector(bluesky)).toBe(bluesky);
    expect(asMastodonConnector(mastodon)).toBe(mastodon);
  });

  it('refuses any other connector with invalid_input', () => {
    for (const other of [mastodon, rss]) {
      expect(() => asBlueskyConnector(other)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    }
    for (const other of [bluesky, rss]) {
      expect(() => asMastodonConnector(other)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    }
  });

  it('reads engagement from the network the post was sent to, and refuses a mismatch', async () => {
    expect((await readEngagementOf(bluesky, 'bluesky', ['at://post'])).counts.get('at://post')).toBe(3);
    expect((await readEngagementOf(mastodon, 'mastodon', ['109'])).counts.get('109')).toBe(3);
    expect(() => readEngagementOf(bluesky, 'mastodon', ['109'])).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => readEngagementOf(rss, 'bluesky', ['x'])).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });
});
