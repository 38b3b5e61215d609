// Picks out a network's own connector for what only that network offers (mention lookup, Mastodon's sign-in
// extras), so code outside connectors/ never tests for method names or casts. Publishing goes through the
// network-neutral `Publisher` instead (publisher.ts, requirePublisher).
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { Connector } from './connector.ts';
import type { BlueskyConnector } from './bluesky/bluesky-connector.ts';
import type { MastodonConnector } from './mastodon/mastodon-connector.ts';

export function asBlueskyConnector(connector: Connector): BlueskyConnector {
  if (connector.network !== 'bluesky') throw new RoostError('invalid_input', 'Not a Bluesky account.');
  return connector as BlueskyConnector;
}

export function asMastodonConnector(connector: Connector): MastodonConnector {
  if (connector.network !== 'mastodon') throw new RoostError('invalid_input', 'Not a Mastodon account.');
  return connector as MastodonConnector;
}
