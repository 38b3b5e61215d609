// Picks out a network's own connector for what only that network offers (publishing, mention lookup,
// engagement), so code outside connectors/ never tests for method names or casts.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { Network } from '../../src-shared/domain/account.ts';
import type { Connector, EngagementRead } from './connector.ts';
import type { BlueskyConnector } from './bluesky/bluesky-connector.ts';
import type { MastodonConnector } from './mastodon/mastodon-connector.ts';

// Only Bluesky's connector publishes posts and only Mastodon's publishes statuses: what each offers tells them apart.
function isBluesky(connector: Connector): connector is BlueskyConnector {
  return 'publishPost' in connector;
}

function isMastodon(connector: Connector): connector is MastodonConnector {
  return 'publishStatus' in connector;
}

export function asBlueskyConnector(connector: Connector): BlueskyConnector {
  if (!isBluesky(connector)) throw new RoostError('invalid_input', 'Not a Bluesky account.');
  return connector;
}

export function asMastodonConnector(connector: Connector): MastodonConnector {
  if (!isMastodon(connector)) throw new RoostError('invalid_input', 'Not a Mastodon account.');
  return connector;
}

/** Counts for the account's own sent posts, from the network it posted to. */
export function readEngagementOf(
  connector: Connector,
  network: Network,
  remoteIds: readonly string[],
): Promise<EngagementRead> {
  if (network === 'bluesky' && isBluesky(connector)) return connector.readEngagement(remoteIds);
  if (network === 'mastodon' && isMastodon(connector)) return connector.readEngagement(remoteIds);
  throw new RoostError('invalid_input', 'This account cannot report engagement.');
}
