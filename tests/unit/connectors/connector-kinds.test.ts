// Proves that main reaches a network's own connector only through connectors/connector-kinds.ts: the right
// connector passes, any other is refused with invalid_input.
import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src-main/connectors/connector.ts';
import { asBlueskyConnector, asMastodonConnector } from '../../../src-main/connectors/connector-kinds.ts';

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

const bluesky = reading('bluesky', {});
const mastodon = reading('mastodon', {});
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
});
